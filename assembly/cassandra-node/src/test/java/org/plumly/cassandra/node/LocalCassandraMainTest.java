package org.plumly.cassandra.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LocalCassandraMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final LocalCassandraMain main = new LocalCassandraMain(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void missingArgumentsExitWithTwoAndTheUsage() {
        int code = main.run(new String[] {"--data", "/tmp/x"});

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--server-lib, --data, --native-port and --storage-port are required")
                .contains("usage: LocalCassandraMain");
    }

    @Test
    void aBadHeapIsRefusedBeforeAnythingStarts() {
        int code = main.run(new String[] {"--server-lib", "lib", "--data", "data", "--native-port", "0",
                "--storage-port", "0", "--heap", "lots"});

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("heap must look like 512m or 1g, not lots");
    }

    @Test
    void aStartThatFailsExitsWithOneAndSaysWhy() {
        int code = main.run(new String[] {"--server-lib", "/nonexistent/server-lib", "--data",
                System.getProperty("java.io.tmpdir") + "/plumly-main-test", "--native-port", "0", "--storage-port", "0"});

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no server lib folder /nonexistent/server-lib");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
