package org.plumly.core.internal.testing;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A component's typed configuration as Declarative Services would make it: the defaults, with some values set. */
public final class Configs {
    private Configs() {
    }

    public static <A> A of(Class<A> type, Map<String, Object> values) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getName().equals("annotationType")) {
                return type;
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> type.getSimpleName() + values;
                    case "hashCode" -> System.identityHashCode(self);
                    default -> self == args[0];
                };
            }
            Object value = values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
            if (value == null) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + method.getName() + " has no value");
            }
            return value;
        });
        return type.cast(proxy);
    }
}
