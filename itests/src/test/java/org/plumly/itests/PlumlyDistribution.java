package org.plumly.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.tinybundles.TinyBundles;
import org.osgi.framework.BundleActivator;
import org.plumly.cassandra.node.CassandraForTests;
import org.plumly.demo.DemoCompany;

/**
 * How every integration test boots the hub: the distribution built by this reactor, unpacked once per
 * test run (one container for the whole suite), on free ports, resolving bundles from Maven's local
 * repository.
 */
final class PlumlyDistribution {
    static final String WEB_PORT = "plumly.itest.web.port";
    static final String SAMPLE_V1 = "plumly.itest.sample.v1";
    static final String SAMPLE_V2 = "plumly.itest.sample.v2";
    static final String SAMPLE_SYMBOLIC_NAME = "org.plumly.itests.sample";
    static final String CONNECTOR_V1 = "plumly.itest.connector.v1";
    static final String CONNECTOR_V2 = "plumly.itest.connector.v2";
    static final String CONNECTOR_SYMBOLIC_NAME = "org.plumly.itests.pagedsource";
    static final String ARCHETYPE_CONNECTOR = "plumly.archetype.connector";
    static final String DEMO_COMPANY = "plumly.itest.demo";

    private PlumlyDistribution() {
    }

    /** The same options for every test class, so that they share one container. */
    static Option[] options() {
        return Once.OPTIONS.clone();
    }

    private static final class Once {
        static final Option[] OPTIONS = build();
    }

    private static Option[] build() {
        String distribution = System.getProperty("plumly.distribution");
        if (distribution == null) {
            throw new IllegalStateException("plumly.distribution is not set: run the tests through Maven (./plumly test)");
        }
        Path target = Path.of("target").toAbsolutePath();
        int webPort = freePort();
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(distribution)
                    .name("Plumly")
                    .unpackDirectory(target.resolve("exam").toFile())
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/org.plumly.web.cfg", "port", Integer.toString(webPort)),
            editConfigurationFilePut("etc/org.plumly.store.cassandra.cfg", "contactPoints", CassandraForTests.contactPoint()),
            editConfigurationFilePut("etc/org.plumly.store.cassandra.cfg", "keyspace", "plumly_itests"),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    System.getProperty("plumly.maven.repository", System.getProperty("user.home") + "/.m2/repository")),
            systemProperty(WEB_PORT).value(Integer.toString(webPort)),
            systemProperty(SAMPLE_V1).value(sampleBundle(target, "1", SampleHealthV1.class)),
            systemProperty(SAMPLE_V2).value(sampleBundle(target, "2", SampleHealthV2.class)),
            systemProperty(ARCHETYPE_CONNECTOR).value(System.getProperty(ARCHETYPE_CONNECTOR, "")),
            systemProperty(CONNECTOR_V1).value(connectorBundle(target, "1", PagedSourceConnector.class)),
            systemProperty(CONNECTOR_V2).value(connectorBundle(target, "2", PagedSourceConnectorV2.class)),
            systemProperty(DEMO_COMPANY).value(demoCompany(target)),
            editConfigurationFilePut("etc/org.plumly.vault.cfg", "keys", "k1:" + newVaultKey()),
            editConfigurationFilePut("etc/org.plumly.sync.cfg", "backoffBaseMillis", "50"),
            // The tests' sources run on this machine, at the address an integration's settings give.
            editConfigurationFilePut("etc/org.plumly.sync.cfg", "egressToPrivateNetworks", "true"),
        };
    }

    /** A plug-in bundle as a third party would ship it: same symbolic name and version, different code. */
    private static String sampleBundle(Path target, String build, Class<? extends BundleActivator> activator) {
        Path jar = target.resolve("sample-plugin-build-" + build + ".jar");
        try (InputStream bundle = TinyBundles.bundle()
                .symbolicName(SAMPLE_SYMBOLIC_NAME)
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Bundle-ManifestVersion", "2")
                .setHeader("Import-Package", "org.osgi.framework,org.plumly.api.health")
                .addClass(activator)
                .activator(activator)
                .build(TinyBundles.rawBuilder())) {
            Files.copy(bundle, jar, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar.toString();
    }

    /** A connector bundle as a third party would ship it: same symbolic name and version in both builds. */
    private static String connectorBundle(Path target, String build, Class<? extends BundleActivator> activator) {
        Path jar = target.resolve("paged-source-connector-build-" + build + ".jar");
        var builder = TinyBundles.bundle()
                .symbolicName(CONNECTOR_SYMBOLIC_NAME)
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Bundle-ManifestVersion", "2")
                .setHeader("Import-Package", "org.osgi.framework,org.plumly.api,org.plumly.api.connector")
                .addClass(PagedSourceConnector.class)
                .activator(activator);
        if (activator != PagedSourceConnector.class) {
            builder.addClass(activator);
        }
        try (InputStream bundle = builder.build(TinyBundles.rawBuilder())) {
            Files.copy(bundle, jar, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar.toString();
    }

    /** The demo company's sources, as ./plumly run writes them (seed 42, a fixed day). */
    private static String demoCompany(Path target) {
        Path out = target.resolve("demo-company");
        try {
            DemoCompany.main(new String[] {"--out", out.toString(), "--seed", "42", "--today", "2026-11-20"});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String newVaultKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
