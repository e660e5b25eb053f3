package org.plumly.cassandra.node;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;

/**
 * Runs a local node in the foreground until SIGTERM or SIGINT, for the launcher:
 *
 * <pre>
 * java -jar plumly-cassandra-node.jar --server-lib DIR --data DIR --native-port N --storage-port N
 *      [--heap 512m] [--cluster-name NAME] [--jmx-port N] [--for-tests] [--ready-file FILE]
 *      [--start-timeout SECONDS]
 * </pre>
 *
 * <p>A port of 0 picks a free one. Once the node answers CQL it prints one line
 * ({@code cassandra: ready on 127.0.0.1:9042 in 12.3 s}) and writes the contact point into the
 * ready file, if asked. Exit codes: 0 after a requested stop (143 when the JVM reports SIGTERM),
 * 1 when the node did not start or died, 2 for bad arguments.
 */
public final class LocalCassandraMain {

    private static final String USAGE = "usage: LocalCassandraMain --server-lib DIR --data DIR"
            + " --native-port N --storage-port N [--heap 512m] [--cluster-name NAME] [--jmx-port N]"
            + " [--for-tests] [--ready-file FILE] [--start-timeout SECONDS]";

    private final PrintStream out;
    private final PrintStream err;
    private volatile boolean stopping;

    LocalCassandraMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new LocalCassandraMain(System.out, System.err).run(args));
    }

    int run(String[] args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("cassandra: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }

        LocalCassandra node;
        try {
            node = LocalCassandra.start(arguments.settings(), arguments.startTimeout());
        } catch (IOException e) {
            err.println("cassandra: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node, arguments.readyFile()), "stop cassandra"));

        out.printf(Locale.ROOT, "cassandra: ready on %s in %.1f s (pid %d, data in %s)%n", node.contactPoint(),
                node.startTime().toMillis() / 1000.0, node.pid(), node.settings().dataDir());
        out.flush();
        if (arguments.readyFile() != null) {
            try {
                writeReadyFile(arguments.readyFile(), node.contactPoint());
            } catch (IOException e) {
                err.println("cassandra: cannot write " + arguments.readyFile() + ": " + e);
                return 1;
            }
        }

        int code;
        try {
            code = node.waitForExit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        if (stopping) {
            return 0;
        }
        err.println("cassandra: the node exited on its own (code " + code + "); see " + node.logFile());
        return 1;
    }

    private void stop(LocalCassandra node, Path readyFile) {
        stopping = true;
        long start = System.nanoTime();
        err.println("cassandra: stopping");
        node.close();
        if (readyFile != null) {
            try {
                Files.deleteIfExists(readyFile);
            } catch (IOException e) {
                err.println("cassandra: cannot delete " + readyFile + ": " + e);
            }
        }
        err.printf(Locale.ROOT, "cassandra: stopped in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static void writeReadyFile(Path file, String contactPoint) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, contactPoint + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private record Arguments(LocalCassandra.Settings settings, Path readyFile, Duration startTimeout) {

        static Arguments parse(String[] args) {
            Path serverLib = null;
            Path data = null;
            Integer nativePort = null;
            Integer storagePort = null;
            int jmxPort = 0;
            String heap = LocalCassandra.Settings.DEFAULT_HEAP;
            String clusterName = LocalCassandra.Settings.DEFAULT_CLUSTER_NAME;
            boolean forTests = false;
            Path readyFile = null;
            Duration startTimeout = LocalCassandra.DEFAULT_START_TIMEOUT;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                switch (name) {
                    case "--for-tests" -> forTests = true;
                    case "--server-lib" -> serverLib = Path.of(value(args, ++i, name));
                    case "--data" -> data = Path.of(value(args, ++i, name));
                    case "--native-port" -> nativePort = number(args, ++i, name);
                    case "--storage-port" -> storagePort = number(args, ++i, name);
                    case "--jmx-port" -> jmxPort = number(args, ++i, name);
                    case "--heap" -> heap = value(args, ++i, name);
                    case "--cluster-name" -> clusterName = value(args, ++i, name);
                    case "--ready-file" -> readyFile = Path.of(value(args, ++i, name)).toAbsolutePath();
                    case "--start-timeout" -> startTimeout = Duration.ofSeconds(number(args, ++i, name));
                    default -> throw new IllegalArgumentException("unknown argument " + name);
                }
            }
            if (serverLib == null || data == null || nativePort == null || storagePort == null) {
                throw new IllegalArgumentException("--server-lib, --data, --native-port and --storage-port are required");
            }
            LocalCassandra.Settings settings = new LocalCassandra.Settings(serverLib, data, nativePort, storagePort,
                    jmxPort, heap, clusterName, forTests);
            return new Arguments(settings, readyFile, startTimeout);
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[i];
        }

        private static int number(String[] args, int i, String name) {
            String text = value(args, i, name);
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a number, not " + text);
            }
        }
    }
}
