package org.plumly.cassandra.node;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The Cassandra a module's tests talk to: the one {@code ./plumly test} started, or else one node
 * started on first use and shared by every test of this JVM.
 *
 * <pre>{@code
 * CqlSession session = CqlSession.builder()
 *         .addContactPoint(toAddress(CassandraForTests.contactPoint()))
 *         .withLocalDatacenter(CassandraForTests.LOCAL_DATACENTER)
 *         .build();
 * }</pre>
 *
 * <p>System properties (for Surefire: {@code systemPropertyVariables}):
 * <ul>
 *   <li>{@value #CONTACT_POINT_PROPERTY}: {@code host:port} of a running node to use. Unset, blank
 *       or an unresolved {@code ${...}} means: start one.</li>
 *   <li>{@value #SERVER_LIB_PROPERTY}: the server jars for a node started here
 *       ({@code assembly/cassandra-server/target/server-lib}); unset, that folder is looked for in
 *       the working directory and its parents.</li>
 * </ul>
 *
 * <p>A node started here runs with {@link LocalCassandra.Settings#forTests() test settings} on
 * free ports, in a temporary folder deleted when the JVM exits. Tests share it: give each test
 * class its own keyspace or tables, and TRUNCATE rather than DROP between tests.
 */
public final class CassandraForTests {

    public static final String CONTACT_POINT_PROPERTY = "plumly.cassandra.contactPoint";
    public static final String SERVER_LIB_PROPERTY = "plumly.cassandra.serverLib";
    public static final String LOCAL_DATACENTER = LocalCassandra.LOCAL_DATACENTER;

    private static final Path SERVER_LIB_IN_TREE = Path.of("assembly", "cassandra-server", "target", "server-lib");

    private static String startedHere;

    private CassandraForTests() {
    }

    /**
     * {@code host:port} of the node for this JVM's tests; starts it on the first call when no
     * {@value #CONTACT_POINT_PROPERTY} is given.
     *
     * @throws IllegalStateException when a node was to be started here and could not be
     */
    public static synchronized String contactPoint() {
        Optional<String> given = configured(System.getProperty(CONTACT_POINT_PROPERTY));
        if (given.isPresent()) {
            return given.get();
        }
        if (startedHere == null) {
            startedHere = startOne();
        }
        return startedHere;
    }

    /** A property's value unless it is missing, blank, or a Maven expression nobody defined. */
    static Optional<String> configured(String value) {
        if (value == null || value.isBlank() || value.contains("${")) {
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }

    private static String startOne() {
        Path serverLib = serverLib();
        try {
            Path data = Files.createTempDirectory("plumly-cassandra-");
            LocalCassandra node = LocalCassandra.start(LocalCassandra.Settings.of(serverLib, data, 0, 0).forTests(true));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                node.close();
                deleteRecursively(data);
            }, "stop the Cassandra of the tests"));
            return node.contactPoint();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start a Cassandra for the tests: " + e.getMessage(), e);
        }
    }

    private static Path serverLib() {
        Optional<String> given = configured(System.getProperty(SERVER_LIB_PROPERTY));
        if (given.isPresent()) {
            return Path.of(given.get());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SERVER_LIB_IN_TREE);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No Cassandra server jars for the tests: set -D" + SERVER_LIB_PROPERTY
                + "=.../assembly/cassandra-server/target/server-lib (built by mvn -pl assembly/cassandra-server"
                + " package), or -D" + CONTACT_POINT_PROPERTY + "=host:port of a running node");
    }

    private static void deleteRecursively(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("plumly: could not delete the test Cassandra's folder " + root + ": " + e);
        }
    }
}
