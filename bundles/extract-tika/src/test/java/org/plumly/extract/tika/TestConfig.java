package org.plumly.extract.tika;

import java.lang.reflect.Proxy;
import java.util.Map;

/** The component's configuration as Declarative Services hands it over: the defaults, with some values set. */
final class TestConfig {

    private TestConfig() {
    }

    static TikaContentExtractor.Config defaults() {
        return with(Map.of());
    }

    static TikaContentExtractor.Config with(Map<String, Object> values) {
        return (TikaContentExtractor.Config) Proxy.newProxyInstance(TikaContentExtractor.Config.class.getClassLoader(),
                new Class<?>[] {TikaContentExtractor.Config.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "annotationType" -> TikaContentExtractor.Config.class;
                    case "toString" -> "Config" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == arguments[0];
                    default -> values.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }
}
