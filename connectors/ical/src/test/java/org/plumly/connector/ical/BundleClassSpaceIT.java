package org.plumly.connector.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumly.api.Activity;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.StreamState;
import org.plumly.connector.testkit.RecordingSink;

/**
 * The built bundle on its own: its manifest imports only the SPI, SLF4J and the JDK, and the connector
 * runs from a class loader that sees what OSGi would give the bundle (its jar, the jars on its
 * Bundle-ClassPath, and the imported packages) while the thread's context class loader sees none of it.
 */
class BundleClassSpaceIT {
    private static final Path BUNDLE = Path.of(System.getProperty("bundle.jar", "target/plumly-connector-ical-0.1.0-SNAPSHOT.jar"));

    @TempDir
    Path folder;

    @Test
    void theBundleImportsOnlyTheSpiSlf4jAndTheJdk() throws IOException {
        String imports = manifest().getValue("Import-Package");
        for (String imported : imports.split(",(?=[a-z])")) {
            String name = imported.split(";", 2)[0];
            assertThat(name).as("imported package").matches("org\\.plumly\\.api(\\..*)?|org\\.slf4j|javax\\..*|org\\.w3c\\.dom(\\..*)?|org\\.xml\\.sax(\\..*)?");
        }
        assertThat(manifest().getValue("Bundle-ClassPath").split(","))
                .containsExactly(".", "lib/ical4j.jar", "lib/commons-lang3.jar", "lib/commons-codec.jar", "lib/threeten-extra.jar");
        assertThat(manifest().getValue("Export-Package")).isNull();
    }

    @Test
    void theConnectorReadsTimeZonesFromInsideTheBundleWithAForeignContextClassLoader() throws Exception {
        Path imports = Files.createDirectories(folder.resolve("imports"));
        Files.writeString(imports.resolve("dana.ics"), Ics.calendar(
                Ics.event("berlin", "DTSTART;TZID=Europe/Berlin:20260701T100000", "DTEND;TZID=Europe/Berlin:20260701T110000"),
                Ics.event("eastern", "DTSTART;TZID=Eastern Standard Time:20260115T100000")));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (BundleLoader bundle = new BundleLoader(classPath(), getClass().getClassLoader())) {
            thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
            Class<?> type = bundle.loadClass(IcalConnector.class.getName());
            assertThat(type).isNotSameAs(IcalConnector.class);
            assertThat(bundle.loadClass("net.fortuna.ical4j.model.Calendar").getClassLoader()).isSameAs(bundle);
            Constructor<?> withClock = type.getDeclaredConstructor(Clock.class);
            withClock.setAccessible(true);
            Connector connector = (Connector) withClock.newInstance(Clock.fixed(Ics.NOW, ZoneOffset.UTC));

            Runs runs = Runs.of(Map.of("source", "file", "file", "dana.ics")).withFiles(imports);
            RecordingSink sink = new RecordingSink();
            connector.read(runs.context(new IcalConnector()), StreamState.initial("events"), sink);

            assertThat(sink.rejections()).isEmpty();
            assertThat(Runs.meeting(sink, "berlin").occurredAt()).isEqualTo(Instant.parse("2026-07-01T08:00:00Z"));
            assertThat(Runs.meeting(sink, "eastern").occurredAt()).as("a Windows zone name, from ical4j's alias resources")
                    .isEqualTo(Instant.parse("2026-01-15T15:00:00Z"));
            assertThat(Runs.meetings(sink)).allMatch(Activity.class::isInstance);
            Class<?> configurator = bundle.loadClass("net.fortuna.ical4j.util.Configurator");
            assertThat(configurator.getMethod("getProperty", String.class).invoke(null, "net.fortuna.ical4j.timezone.update.enabled"))
                    .as("the bundle's ical4j.properties was read").hasToString("Optional[false]");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Attributes manifest() throws IOException {
        try (JarFile jar = new JarFile(BUNDLE.toFile())) {
            return jar.getManifest().getMainAttributes();
        }
    }

    /** The bundle jar and its Bundle-ClassPath jars, unpacked as the framework would read them. */
    private URL[] classPath() throws IOException {
        List<URL> urls = new ArrayList<>();
        try (JarFile jar = new JarFile(BUNDLE.toFile())) {
            for (String entry : jar.getManifest().getMainAttributes().getValue("Bundle-ClassPath").split(",")) {
                if (entry.equals(".")) {
                    urls.add(BUNDLE.toUri().toURL());
                    continue;
                }
                Path nested = folder.resolve(entry.replace('/', '_'));
                try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
                    Files.copy(in, nested);
                }
                urls.add(nested.toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** A bundle's class space: its own jars first; only the imported packages and the JDK from outside. */
    private static final class BundleLoader extends URLClassLoader {
        private static final List<String> IMPORTED = Arrays.asList("org.plumly.api.", "org.slf4j.");
        private final ClassLoader imports;

        BundleLoader(URL[] urls, ClassLoader imports) {
            super("bundle", urls, ClassLoader.getPlatformClassLoader());
            this.imports = imports;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (IMPORTED.stream().anyMatch(name::startsWith)) {
                return imports.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
