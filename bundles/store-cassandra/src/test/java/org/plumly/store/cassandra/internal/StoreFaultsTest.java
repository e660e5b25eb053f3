package org.plumly.store.cassandra.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumly.api.Activity;
import org.plumly.api.OpportunityId;
import org.plumly.api.TenantId;
import org.plumly.api.health.HealthStatus;
import org.plumly.api.store.PageRequest;
import org.plumly.api.store.StoreUnavailableException;
import org.plumly.cassandra.node.CassandraForTests;
import org.plumly.cassandra.node.LocalCassandra;
import org.plumly.cassandra.node.LoopbackPorts;

/**
 * Cassandra missing at start, then gone in the middle of writing, with a node of this test's own
 * (the shared one must stay up for the other tests).
 */
class StoreFaultsTest {
    private final TenantId tenant = TestStores.newTenant();
    private final OpportunityId renewal = OpportunityId.of("crm:renewal");

    @Test
    void theStoreWaitsForCassandraFailsWritesVisiblyWhileItIsGoneAndLosesNothingAcknowledged(@TempDir Path data) throws Exception {
        int[] ports = LoopbackPorts.pickFree(2);
        StoreSettings settings = new StoreSettings(StoreSettings.parseContactPoints("127.0.0.1:" + ports[0]), "datacenter1", "plumly_faults",
                "'class': 'SimpleStrategy', 'replication_factor': 1");
        LocalCassandra.Settings nodeSettings = LocalCassandra.Settings.of(Path.of(System.getProperty(CassandraForTests.SERVER_LIB_PROPERTY)),
                data, ports[0], ports[1]).forTests(true);
        AtomicReference<CassandraStores> connected = new AtomicReference<>();

        try (StoreConnector connector = new StoreConnector(settings, connected::set).start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> connector.attempts() >= 2);
            assertThat(connector.health().status()).isEqualTo(HealthStatus.DOWN);
            assertThat(connector.health().detail()).contains("127.0.0.1:" + ports[0]).contains("not reachable").doesNotContain("\n");
            assertThat(connected.get()).isNull();

            LocalCassandra node = LocalCassandra.start(nodeSettings);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> connected.get() != null);
                assertThat(connector.health().status()).isEqualTo(HealthStatus.UP);
                CassandraStores stores = connected.get();
                List<Activity> acknowledged = IntStream.range(0, 200)
                        .mapToObj(i -> Records.mail(tenant, "ack" + i, "2026-11-%02dT10:00:00Z".formatted(i % 28 + 1), renewal)).toList();
                stores.activities.putAll(acknowledged);

                node.close();

                assertThatThrownBy(() -> stores.activities.put(Records.mail(tenant, "while-down", "2026-11-25T10:00:00Z", renewal)))
                        .isInstanceOf(StoreUnavailableException.class);
                await().atMost(Duration.ofSeconds(30)).until(() -> connector.health().status() == HealthStatus.DOWN);

                node = LocalCassandra.start(nodeSettings);
                Activity retried = Records.mail(tenant, "while-down", "2026-11-25T10:00:00Z", renewal);
                await().atMost(Duration.ofSeconds(60)).ignoreException(StoreUnavailableException.class)
                        .untilAsserted(() -> stores.activities.put(retried));

                assertThat(CassandraActivityStoreTest.readAll(request -> stores.activities.timeline(tenant, renewal, request), 100))
                        .hasSize(201)
                        .containsAll(acknowledged)
                        .contains(retried);
            } finally {
                node.close();
            }
        }
    }
}
