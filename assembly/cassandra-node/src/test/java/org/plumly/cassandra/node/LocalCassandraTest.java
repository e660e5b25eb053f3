package org.plumly.cassandra.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts real nodes (about 7 s each): one shared by the class, started a second time by the
 * restart test. The failures are provoked without a full start.
 */
class LocalCassandraTest {

    private static final Path SERVER_LIB = Path.of(System.getProperty(CassandraForTests.SERVER_LIB_PROPERTY,
            "../cassandra-server/target/server-lib"));

    @TempDir
    static Path folder;

    private static LocalCassandra node;

    @BeforeAll
    static void startNode() throws IOException {
        node = LocalCassandra.start(testNode("node", 0, 0));
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void answersCqlWithTheReleaseVersionOfTheServerJars() {
        String expected = System.getProperty("plumly.cassandra.expectedVersion");
        assertThat(expected).as("the root pom's cassandra.version, passed by Surefire").isNotBlank();

        try (CqlSession session = connect(node)) {
            Row row = session.execute("SELECT release_version FROM system.local").one();

            assertThat(row).isNotNull();
            assertThat(row.getString("release_version")).isEqualTo(expected);
        }
        assertThat(node.contactPoint()).isEqualTo("127.0.0.1:" + node.settings().nativePort());
    }

    @Test
    void aRowWrittenSurvivesCloseAndARestartOnTheSameDataFolder() throws IOException {
        try (CqlSession session = connect(node)) {
            session.execute("CREATE KEYSPACE IF NOT EXISTS survival"
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            session.execute("CREATE TABLE IF NOT EXISTS survival.notes (id int PRIMARY KEY, text text)");
            session.execute("INSERT INTO survival.notes (id, text) VALUES (1, 'still here')");
        }

        node.close();
        assertThat(node.isRunning()).isFalse();
        node = LocalCassandra.start(node.settings());

        try (CqlSession session = connect(node)) {
            Row row = session.execute("SELECT text FROM survival.notes WHERE id = 1").one();

            assertThat(row).isNotNull();
            assertThat(row.getString("text")).isEqualTo("still here");
        }
    }

    @Test
    void aSecondNodeOnATakenPortFailsWithAClearMessage() {
        int taken = node.settings().nativePort();

        assertThatThrownBy(() -> LocalCassandra.start(testNode("second", taken, 0)))
                .isInstanceOf(CassandraStartException.class)
                .hasMessageContaining("native (CQL) port " + taken)
                .hasMessageContaining("already in use");
    }

    @Test
    void aSecondNodeOnTheDataFolderOfARunningOneFailsWithAClearMessage() {
        LocalCassandra.Settings sameFolder = node.settings().withPorts(0, 0);

        assertThatThrownBy(() -> LocalCassandra.start(sameFolder))
                .isInstanceOf(CassandraStartException.class)
                .hasMessageContaining("(pid " + node.pid() + ") still runs on " + node.settings().dataDir());
    }

    @Test
    void aNodeWhoseJvmExitsFailsWithTheEndOfItsOutput() {
        LocalCassandra.Settings tooSmall = testNode("tiny", 0, 0).withHeap("1k");

        assertThatThrownBy(() -> LocalCassandra.start(tooSmall))
                .isInstanceOf(CassandraStartException.class)
                .hasMessageContaining("its JVM exited with code")
                .hasMessageContaining("console.log")
                .hasMessageContaining("heap");
    }

    @Test
    void aNodeThatDoesNotAnswerInTimeIsStoppedAndReported() throws IOException {
        LocalCassandra.Settings settings = testNode("slow", 0, 0);

        assertThatThrownBy(() -> LocalCassandra.start(settings, Duration.ofSeconds(1)))
                .isInstanceOf(CassandraStartException.class)
                .hasMessageContaining("no CQL answer on port")
                .hasMessageContaining("after 1 s");
        // stopped, and its pid file gone: the folder can be started again at once
        assertThat(settings.dataDir().resolve("cassandra.pid")).doesNotExist();
    }

    private static LocalCassandra.Settings testNode(String name, int nativePort, int storagePort) {
        return LocalCassandra.Settings.of(SERVER_LIB, folder.resolve(name), nativePort, storagePort).forTests(true);
    }

    private static CqlSession connect(LocalCassandra node) {
        return CqlSession.builder()
                .addContactPoint(node.address())
                .withLocalDatacenter(LocalCassandra.LOCAL_DATACENTER)
                .build();
    }
}
