package org.plumly.cassandra.node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A single-node Apache Cassandra in a JVM of its own, bound to 127.0.0.1, with its configuration,
 * data and logs in one folder.
 *
 * <p>The server's jars are never on this JVM's class path: they are read from a folder
 * ({@code assembly/cassandra-server/target/server-lib}) and run by a forked {@code java} of the same
 * Java installation as this JVM. {@link #start} returns once the node accepts CQL connections;
 * {@link #close} stops it the way an operator would (SIGTERM, so that Cassandra drains), and the
 * same data folder can be started again with its data intact. The node never outlives this JVM
 * (a shutdown hook stops it), except when this JVM is killed with SIGKILL.
 *
 * <pre>{@code
 * try (LocalCassandra node = LocalCassandra.start(
 *         LocalCassandra.Settings.of(serverLib, dataDir, 9042, 7000))) {
 *     connect(node.contactPoint(), LocalCassandra.LOCAL_DATACENTER);   // "127.0.0.1:9042"
 * }
 * }</pre>
 */
public final class LocalCassandra implements AutoCloseable {

    /** The data center of a local node (Cassandra's {@code SimpleSnitch}). */
    public static final String LOCAL_DATACENTER = "datacenter1";
    /** How long {@link #start(Settings)} waits for the node to accept CQL connections. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final InetAddress LOOPBACK = LoopbackPorts.LOOPBACK;
    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]{0,6}[kKmMgG]?");
    private static final String INITIAL_HEAP = "64m";
    private static final long INITIAL_HEAP_BYTES = 64L << 20;

    /**
     * What node to run.
     *
     * @param serverLib   folder with the Cassandra server jars (cassandra-all and its dependencies)
     * @param dataDir     folder for everything the node writes: {@code conf/}, {@code data/},
     *                    {@code commitlog/}, {@code logs/} …; created when missing
     * @param nativePort  CQL port on 127.0.0.1; 0 picks a free one at start
     * @param storagePort inter-node port on 127.0.0.1; 0 picks a free one at start
     * @param jmxPort     JMX port on 127.0.0.1 (for nodetool); 0 leaves JMX off
     * @param heap        maximum heap ({@code -Xmx}) of the node, such as {@code 512m}; it starts at
     *                    64m and grows as needed
     * @param clusterName Cassandra's cluster_name; a data folder only starts again under the same name
     * @param forTests    faster, less durable start for throw-away nodes: system tables are not
     *                    fsynced, C2 is off, TRUNCATE and DROP take no snapshot
     */
    public record Settings(Path serverLib, Path dataDir, int nativePort, int storagePort, int jmxPort,
                           String heap, String clusterName, boolean forTests) {

        public static final String DEFAULT_HEAP = "512m";
        public static final String DEFAULT_CLUSTER_NAME = "Plumly";

        public Settings {
            Objects.requireNonNull(serverLib, "serverLib");
            Objects.requireNonNull(dataDir, "dataDir");
            requirePort("nativePort", nativePort);
            requirePort("storagePort", storagePort);
            requirePort("jmxPort", jmxPort);
            if (nativePort != 0 && nativePort == storagePort) {
                throw new IllegalArgumentException("nativePort and storagePort must differ, both are " + nativePort);
            }
            if (heap == null || !HEAP.matcher(heap).matches()) {
                throw new IllegalArgumentException("heap must look like 512m or 1g, not " + heap);
            }
            if (clusterName == null || clusterName.isBlank() || clusterName.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("clusterName must be a non-blank line of text");
            }
            serverLib = serverLib.toAbsolutePath().normalize();
            dataDir = dataDir.toAbsolutePath().normalize();
        }

        /** The maximum heap in bytes. */
        public long heapBytes() {
            char unit = Character.toLowerCase(heap.charAt(heap.length() - 1));
            int shift = switch (unit) {
                case 'k' -> 10;
                case 'm' -> 20;
                case 'g' -> 30;
                default -> 0;
            };
            String digits = shift == 0 ? heap : heap.substring(0, heap.length() - 1);
            return Long.parseLong(digits) << shift;
        }

        /** A durable node with JMX off, the default heap and cluster name. */
        public static Settings of(Path serverLib, Path dataDir, int nativePort, int storagePort) {
            return new Settings(serverLib, dataDir, nativePort, storagePort, 0, DEFAULT_HEAP, DEFAULT_CLUSTER_NAME, false);
        }

        public Settings withHeap(String newHeap) {
            return new Settings(serverLib, dataDir, nativePort, storagePort, jmxPort, newHeap, clusterName, forTests);
        }

        public Settings withClusterName(String name) {
            return new Settings(serverLib, dataDir, nativePort, storagePort, jmxPort, heap, name, forTests);
        }

        public Settings withJmxPort(int port) {
            return new Settings(serverLib, dataDir, nativePort, storagePort, port, heap, clusterName, forTests);
        }

        public Settings withPorts(int newNativePort, int newStoragePort) {
            return new Settings(serverLib, dataDir, newNativePort, newStoragePort, jmxPort, heap, clusterName, forTests);
        }

        public Settings withDataDir(Path dir) {
            return new Settings(serverLib, dir, nativePort, storagePort, jmxPort, heap, clusterName, forTests);
        }

        public Settings forTests(boolean fast) {
            return new Settings(serverLib, dataDir, nativePort, storagePort, jmxPort, heap, clusterName, fast);
        }

        private static void requirePort(String name, int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(name + " must be between 0 and 65535, not " + port);
            }
        }
    }

    private final Settings settings;
    private final Process process;
    private final NodeFiles files;
    private final Duration startTime;
    private final Thread stopOnExit;
    private boolean closed;

    private LocalCassandra(Settings settings, Process process, NodeFiles files, Duration startTime, Thread stopOnExit) {
        this.settings = settings;
        this.process = process;
        this.files = files;
        this.startTime = startTime;
        this.stopOnExit = stopOnExit;
    }

    /** Starts a node and waits up to {@link #DEFAULT_START_TIMEOUT} until it accepts CQL connections. */
    public static LocalCassandra start(Settings settings) throws IOException {
        return start(settings, DEFAULT_START_TIMEOUT);
    }

    /**
     * Starts a node and waits until it accepts CQL connections.
     *
     * @throws CassandraStartException when a port is taken, another node still runs on the data
     *                                 folder, or the node exits or does not answer in time; the
     *                                 message carries the end of the node's log
     * @throws IOException             when the data folder cannot be written
     */
    public static LocalCassandra start(Settings requested, Duration timeout) throws IOException {
        Path jamm = serverJar(requested.serverLib(), "jamm-");
        serverJar(requested.serverLib(), "cassandra-all-");
        Settings settings = withConcretePorts(requested);
        NodeFiles files = NodeFiles.prepare(settings);
        requireNoNodeRunningOn(files);
        requireFree("native (CQL)", settings.nativePort());
        requireFree("storage", settings.storagePort());
        if (settings.jmxPort() != 0) {
            requireFree("JMX", settings.jmxPort());
        }

        long logOffset = files.systemLogSize();
        long startNanos = System.nanoTime();
        Process process = new ProcessBuilder(command(settings, files, jamm))
                .directory(settings.dataDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(files.consoleLog().toFile())
                .start();
        AtomicBoolean jvmExiting = new AtomicBoolean();
        Thread stopOnExit = new Thread(() -> {
            jvmExiting.set(true);
            stop(process);
        }, "stop local Cassandra " + process.pid());
        Runtime.getRuntime().addShutdownHook(stopOnExit);

        try {
            process.getOutputStream().close();
            files.writePid(process.pid());
            awaitCql(settings, files, process, startNanos, logOffset, timeout);
        } catch (IOException | RuntimeException e) {
            stop(process);
            files.deletePid();
            removeHook(stopOnExit);
            if (jvmExiting.get()) {
                throw new CassandraStartException("Cassandra start cancelled: this JVM is exiting");
            }
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        return new LocalCassandra(settings, process, files, took, stopOnExit);
    }

    /** {@code 127.0.0.1:<native port>}, as the driver and {@code contactPoints} take it. */
    public String contactPoint() {
        return LOOPBACK.getHostAddress() + ":" + settings.nativePort();
    }

    /** The CQL address. */
    public InetSocketAddress address() {
        return new InetSocketAddress(LOOPBACK, settings.nativePort());
    }

    /** The settings the node runs with, with the ports it was given when 0 was asked for. */
    public Settings settings() {
        return settings;
    }

    /** From the fork to the first accepted CQL connection. */
    public Duration startTime() {
        return startTime;
    }

    public long pid() {
        return process.pid();
    }

    /** Cassandra's own log ({@code logs/system.log} in the data folder). */
    public Path logFile() {
        return files.systemLog();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Blocks until the node's JVM has exited, and returns its exit code. */
    public int waitForExit() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * Stops the node: SIGTERM, so that Cassandra flushes its memtables and exits cleanly, then a
     * forced kill if it has not exited after a minute. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop(process);
        files.deletePid();
        removeHook(stopOnExit);
    }

    // -- start --------------------------------------------------------------------------------

    private static Settings withConcretePorts(Settings settings) throws IOException {
        int wanted = (settings.nativePort() == 0 ? 1 : 0) + (settings.storagePort() == 0 ? 1 : 0);
        if (wanted == 0) {
            return settings;
        }
        int[] free = LoopbackPorts.pickFree(wanted);
        int next = 0;
        int nativePort = settings.nativePort() == 0 ? free[next++] : settings.nativePort();
        int storagePort = settings.storagePort() == 0 ? free[next] : settings.storagePort();
        return settings.withPorts(nativePort, storagePort);
    }

    private static void requireFree(String what, int port) throws CassandraStartException {
        if (!LoopbackPorts.isFree(port)) {
            throw new CassandraStartException("Cassandra cannot start: its " + what + " port " + port
                    + " on 127.0.0.1 is already in use (another Cassandra or another program listens there)");
        }
    }

    private static void requireNoNodeRunningOn(NodeFiles files) throws CassandraStartException {
        Optional<ProcessHandle> earlier = files.readPid()
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments()
                        .map(args -> String.join(" ", args).contains(files.yaml().toUri().toString()))
                        .orElse(true));
        if (earlier.isPresent()) {
            long pid = earlier.get().pid();
            throw new CassandraStartException("Cassandra cannot start: a node started earlier (pid " + pid
                    + ") still runs on " + files.dataDir() + "; stop it first (kill " + pid + ")");
        }
    }

    private static List<String> command(Settings settings, NodeFiles files, Path jamm) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A small initial heap that grows on demand: about 500 MB of RSS instead of 950 MB for an
        // idle node with -Xms = -Xmx = 512m (Cassandra's advice of equal sizes is for production).
        cmd.add("-Xms" + (settings.heapBytes() < INITIAL_HEAP_BYTES ? settings.heap() : INITIAL_HEAP));
        cmd.add("-Xmx" + settings.heap());
        // From Cassandra's jvm-server.options and jvm17-server.options.
        cmd.addAll(List.of(
                "-ea", "-da:net.openhft...",
                "-Xss256k",
                "-XX:+UseThreadPriorities",
                "-XX:+PerfDisableSharedMem",
                "-XX:+UseG1GC", "-XX:+ParallelRefProcEnabled", "-XX:MaxTenuringThreshold=1",
                "-XX:G1RSetUpdatingPauseTimePercent=5", "-XX:MaxGCPauseMillis=300",
                "-XX:InitiatingHeapOccupancyPercent=70",
                // a node out of memory is of no use: exit, so that whoever started it sees it
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.net.preferIPv4Stack=true",
                "-Djdk.attach.allowAttachSelf=true",
                "-Dio.netty.tryReflectionSetAccessible=true",
                "-Dio.netty.allocator.useCacheForAllThreads=true",
                "-Dio.netty.allocator.maxOrder=11"));
        cmd.addAll(JPMS_OPTIONS);
        cmd.add("-javaagent:" + jamm);
        cmd.add("-Dcassandra-foreground=yes");
        cmd.add("-Dcassandra.config=" + files.yaml().toUri());
        cmd.add("-Dlogback.configurationFile=" + files.logbackXml());
        cmd.add("-Dcassandra.logdir=" + files.logDir());
        cmd.add("-Dcassandra.storagedir=" + settings.dataDir());
        cmd.add("-Dcassandra.triggers_dir=" + files.triggersDir());
        if (settings.jmxPort() != 0) {
            cmd.add("-Dcassandra.jmx.local.port=" + settings.jmxPort());
            cmd.add("-Djava.rmi.server.hostname=127.0.0.1");
        }
        // One node alone: no gossip to wait for, no ring to learn, nobody to tell it is leaving.
        cmd.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
        cmd.add("-Dcassandra.ring_delay_ms=100");
        cmd.add("-Dcassandra.shutdown_announce_in_ms=0");
        if (settings.forTests()) {
            cmd.add("-Dcassandra.unsafesystem=true");
            cmd.add("-XX:TieredStopAtLevel=1");
        }
        cmd.add("-cp");
        cmd.add(settings.serverLib().resolve("*").toString());
        cmd.add("org.apache.cassandra.service.CassandraDaemon");
        return cmd;
    }

    /** The one jar of the server lib folder whose name starts with {@code prefix}. */
    private static Path serverJar(Path lib, String prefix) throws IOException {
        if (!Files.isDirectory(lib)) {
            throw new CassandraStartException("Cassandra cannot start: no server lib folder " + lib
                    + " (build it: mvn -pl assembly/cassandra-server package)");
        }
        List<Path> found;
        try (Stream<Path> jars = Files.list(lib)) {
            found = jars.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        }
        if (found.isEmpty()) {
            throw new CassandraStartException("Cassandra cannot start: " + lib + " has no " + prefix + "*.jar");
        }
        if (found.size() > 1) {
            throw new CassandraStartException("Cassandra cannot start: " + lib + " holds jars of two versions ("
                    + found.stream().map(p -> p.getFileName().toString()).toList()
                    + "); delete the folder and build assembly/cassandra-server again");
        }
        return found.get(0);
    }

    private static void awaitCql(Settings settings, NodeFiles files, Process process, long startNanos,
                                 long logOffset, Duration timeout) throws IOException {
        long deadline = startNanos + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new CassandraStartException(String.format(Locale.ROOT,
                        "Cassandra did not start: its JVM exited with code %d after %.1f s (CQL port %d).%s%s",
                        process.exitValue(), seconds(System.nanoTime() - startNanos), settings.nativePort(),
                        javaHint(), files.describeLogs(logOffset)));
            }
            if (acceptsConnections(settings.nativePort())) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new CassandraStartException(String.format(Locale.ROOT,
                        "Cassandra did not start: no CQL answer on port %d after %d s.%s",
                        settings.nativePort(), timeout.toSeconds(), files.describeLogs(logOffset)));
            }
            try {
                process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CassandraStartException("Cassandra start interrupted");
            }
        }
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String javaHint() {
        int feature = Runtime.version().feature();
        return feature == 11 || feature == 17 ? ""
                : " Cassandra 5.0 runs on Java 11 or 17, and this is Java " + feature + ".";
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    // -- stop ---------------------------------------------------------------------------------

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs or has run, and stop() is idempotent
        }
    }

    /** Cassandra's jvm17-server.options, one token each (the two-token form is not one argument). */
    private static final List<String> JPMS_OPTIONS = List.of(
            "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-exports=java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports=java.sql/java.sql=ALL-UNNAMED",
            "--add-exports=java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED");
}
