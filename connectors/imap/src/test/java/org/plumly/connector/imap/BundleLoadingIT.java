package org.plumly.connector.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plumly.api.Activity;
import org.plumly.api.TenantId;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.StreamState;
import org.plumly.connector.testkit.RecordingEgress;
import org.plumly.connector.testkit.RecordingSink;
import org.plumly.connector.testkit.TestConnectorContext;

/**
 * The built bundle on its own, as OSGi will load it: a class loader holding only the jar, which sees from
 * outside only what the manifest imports (the Plumly API, SLF4J and the JDK). A Jakarta Mail class or
 * resource the bundle forgot to embed fails here, not in Karaf.
 */
class BundleLoadingIT {
    private static final List<String> IMPORTED_FROM_OUTSIDE = List.of("org.plumly.api.", "org.slf4j.");

    private MailServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = MailServer.imaps();
        server.append("INBOX", MailServer.message("it-1@globex.example", "Lee <lee@globex.example>", MailServer.USER, "Hello"));
        server.append("INBOX", MailServer.message("it-2@globex.example", "Lee <lee@globex.example>", MailServer.USER, "Again"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void theBundleImportsOnlyTheApiSlf4jAndTheJdk() throws IOException {
        try (JarFile jar = new JarFile(bundle().toFile())) {
            Manifest manifest = jar.getManifest();
            String imports = manifest.getMainAttributes().getValue("Import-Package");
            List<String> packages = Stream.of(imports.split(",(?=[a-z])")).map(clause -> clause.split(";")[0].trim()).toList();
            assertThat(packages).isNotEmpty().allSatisfy(name -> assertThat(name).matches(
                    "org\\.plumly\\.api(\\..+)?|org\\.slf4j|javax\\..+"));
            assertThat(manifest.getMainAttributes().getValue("Export-Package")).isNull();
            assertThat(jar.getEntry("META-INF/services/jakarta.mail.Provider")).isNotNull();
        }
    }

    @Test
    void theBundleAloneChecksAndReadsAMailbox() throws Exception {
        try (URLClassLoader bundle = new URLClassLoader(new URL[] {bundle().toUri().toURL()}, new ImportsOnly())) {
            Connector connector = (Connector) bundle.loadClass(ImapConnector.class.getName()).getConstructor().newInstance();
            assertThat(connector.getClass().getClassLoader()).isSameAs(bundle);
            ConnectorSpec spec = connector.spec();
            Map<String, String> settings = server.settings();
            settings.put("folders", "INBOX");
            ConnectorConfig config = new ConnectorConfig(TenantId.of("acme"), "acme-mail", spec.withDefaults(settings), spec.secretKeys());
            TestConnectorContext context = new TestConnectorContext(config, new RecordingEgress(spec, config));
            ClassLoader before = Thread.currentThread().getContextClassLoader();

            CheckResult check = connector.check(context);
            RecordingSink sink = new RecordingSink();
            connector.read(context, StreamState.initial("inbox"), sink);

            assertThat(check.passed()).as("check: %s", check.reason()).isTrue();
            assertThat(sink.records()).map(record -> ((Activity) record).subject()).containsExactly("Hello", "Again");
            assertThat(Thread.currentThread().getContextClassLoader()).as("the caller's context class loader, restored").isSameAs(before);
        }
    }

    private static Path bundle() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(path -> path.getFileName().toString().matches("plumly-connector-imap-.*\\.jar"))
                    .filter(path -> !path.getFileName().toString().contains("sources")).findFirst()
                    .orElseThrow(() -> new AssertionError("no bundle in target: run after the package phase"));
        }
    }

    /** The bundle's view of the world: the JDK, and the packages it imports, which the hub's other bundles export. */
    private static final class ImportsOnly extends ClassLoader {
        private final ClassLoader application = BundleLoadingIT.class.getClassLoader();

        ImportsOnly() {
            super(ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (IMPORTED_FROM_OUTSIDE.stream().anyMatch(name::startsWith)) {
                return application.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
