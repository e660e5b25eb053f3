package org.plumly.cassandra.node;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The layout of a local node's data folder, and the configuration written into it at each start.
 * Everything the node writes stays in this folder, so deleting it deletes the node.
 */
final class NodeFiles {

    private static final int LOG_TAIL_LINES = 25;
    private static final int LOG_TAIL_BYTES = 16 * 1024;

    private final Path dataDir;

    private NodeFiles(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Creates the folders and (over)writes {@code conf/cassandra.yaml} and {@code conf/logback.xml}. */
    static NodeFiles prepare(LocalCassandra.Settings settings) throws IOException {
        NodeFiles files = new NodeFiles(settings.dataDir());
        for (Path dir : List.of(files.confDir(), files.triggersDir(), files.logDir(), files.dir("data"),
                files.dir("commitlog"), files.dir("saved_caches"), files.dir("hints"), files.dir("cdc_raw"))) {
            Files.createDirectories(dir);
        }
        writeAtomically(files.yaml(), files.yamlText(settings));
        writeAtomically(files.logbackXml(), files.logbackText());
        return files;
    }

    Path dataDir() {
        return dataDir;
    }

    Path confDir() {
        return dir("conf");
    }

    Path triggersDir() {
        return confDir().resolve("triggers");
    }

    Path logDir() {
        return dir("logs");
    }

    Path yaml() {
        return confDir().resolve("cassandra.yaml");
    }

    Path logbackXml() {
        return confDir().resolve("logback.xml");
    }

    /** Cassandra's log, rolled at 10 MB. */
    Path systemLog() {
        return logDir().resolve("system.log");
    }

    /** What the JVM itself prints (errors before logging starts, crashes); new at each start. */
    Path consoleLog() {
        return logDir().resolve("console.log");
    }

    private Path pidFile() {
        return dataDir.resolve("cassandra.pid");
    }

    private Path dir(String name) {
        return dataDir.resolve(name);
    }

    long systemLogSize() throws IOException {
        return Files.exists(systemLog()) ? Files.size(systemLog()) : 0;
    }

    void writePid(long pid) throws IOException {
        writeAtomically(pidFile(), pid + "\n");
    }

    Optional<Long> readPid() {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile()).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    void deletePid() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            // a stale pid file is harmless: the next start checks whether that process still runs
        }
    }

    /** The end of what the node logged since {@code systemLogOffset}, and of its console, for an error message. */
    String describeLogs(long systemLogOffset) {
        StringBuilder text = new StringBuilder();
        appendTail(text, systemLog(), systemLogOffset);
        appendTail(text, consoleLog(), 0);
        if (text.length() == 0) {
            text.append("\nThe node wrote no log; see ").append(logDir());
        }
        return text.toString();
    }

    /**
     * Appends the last lines of {@code file} from {@code offset} on. Lines the JVM prints with
     * "WARNING:" (Cassandra installs a SecurityManager at every start) are left out.
     */
    private static void appendTail(StringBuilder text, Path file, long offset) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long from = Math.max(length < offset ? 0 : offset, length - LOG_TAIL_BYTES);
            if (from >= length) {
                return;
            }
            byte[] bytes = new byte[(int) (length - from)];
            in.seek(from);
            in.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("WARNING: "))
                    .toList();
            if (lines.isEmpty()) {
                return;
            }
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            text.append("\nLast lines of ").append(file).append(':');
            tail.forEach(line -> text.append("\n  ").append(line));
        } catch (IOException e) {
            // no such log: nothing to add
        }
    }

    private String yamlText(LocalCassandra.Settings s) {
        // Only what differs from Cassandra's defaults, or what it has no default for.
        return String.join("\n",
                "# Written by Plumly (LocalCassandra) at every start of this node: edits here are lost.",
                "cluster_name: " + quoted(s.clusterName()),
                "num_tokens: 16",
                "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
                "endpoint_snitch: SimpleSnitch",
                "seed_provider:",
                "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
                "    parameters:",
                "      - seeds: \"127.0.0.1:" + s.storagePort() + "\"",
                "listen_address: 127.0.0.1",
                "rpc_address: 127.0.0.1",
                "storage_port: " + s.storagePort(),
                "native_transport_port: " + s.nativePort(),
                "start_native_transport: true",
                "data_file_directories:",
                "  - " + quoted(dir("data")),
                "commitlog_directory: " + quoted(dir("commitlog")),
                "saved_caches_directory: " + quoted(dir("saved_caches")),
                "hints_directory: " + quoted(dir("hints")),
                "cdc_raw_directory: " + quoted(dir("cdc_raw")),
                "commitlog_sync: periodic",
                "commitlog_sync_period: 10000ms",
                "storage_compatibility_mode: NONE",
                // a test truncates tables between cases: snapshots of them would only fill the disk
                "auto_snapshot: " + !s.forTests(),
                "");
    }

    private String logbackText() {
        String log = xml(systemLog().toString());
        return String.join("\n",
                "<!-- Written by Plumly (LocalCassandra) at every start of this node: edits here are lost. -->",
                "<configuration scan=\"false\">",
                "  <appender name=\"SYSTEMLOG\" class=\"ch.qos.logback.core.rolling.RollingFileAppender\">",
                "    <file>" + log + "</file>",
                "    <rollingPolicy class=\"ch.qos.logback.core.rolling.FixedWindowRollingPolicy\">",
                "      <fileNamePattern>" + log + ".%i.zip</fileNamePattern>",
                "      <minIndex>1</minIndex>",
                "      <maxIndex>5</maxIndex>",
                "    </rollingPolicy>",
                "    <triggeringPolicy class=\"ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy\">",
                "      <maxFileSize>10MB</maxFileSize>",
                "    </triggeringPolicy>",
                "    <encoder>",
                "      <pattern>%-5level [%thread] %date{ISO8601} %logger{0} - %msg%n</pattern>",
                "    </encoder>",
                "  </appender>",
                "  <root level=\"INFO\">",
                "    <appender-ref ref=\"SYSTEMLOG\"/>",
                "  </root>",
                "</configuration>",
                "");
    }

    private static String quoted(Object value) {
        return "'" + value.toString().replace("'", "''") + "'";
    }

    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
