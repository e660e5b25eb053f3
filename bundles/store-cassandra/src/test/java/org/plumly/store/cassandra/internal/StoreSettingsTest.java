package org.plumly.store.cassandra.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class StoreSettingsTest {
    private static final List<InetSocketAddress> LOCAL = StoreSettings.parseContactPoints("127.0.0.1:9042");

    @Test
    void contactPointsAreHostAndPortWithTheCqlPortByDefault() {
        assertThat(StoreSettings.parseContactPoints(" cass-1:9142, cass-2 ,"))
                .extracting(InetSocketAddress::getHostString, InetSocketAddress::getPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cass-1", 9142), org.assertj.core.groups.Tuple.tuple("cass-2", 9042));
        assertThatThrownBy(() -> StoreSettings.parseContactPoints("cass-1:x")).hasMessageContaining("host:port");
    }

    @Test
    void nothingButAKeyspaceNameAndReplicationEntriesReachesCql() {
        assertThatThrownBy(() -> new StoreSettings(LOCAL, "dc1", "plumly; DROP KEYSPACE x", "'class': 'SimpleStrategy', 'replication_factor': 1"))
                .hasMessageContaining("keyspace");
        assertThatThrownBy(() -> new StoreSettings(LOCAL, "dc1", "plumly", "'class': 'SimpleStrategy'} AND durable_writes = false AND {'a': 1"))
                .hasMessageContaining("replication");
        assertThat(new StoreSettings(LOCAL, "dc1", "plumly", "'class': 'NetworkTopologyStrategy', 'dc1': 3").keyspace()).isEqualTo("plumly");
    }

    @Test
    void aStoreNeedsANodeToContact() {
        assertThatThrownBy(() -> new StoreSettings(List.of(), "dc1", "plumly", "'class': 'SimpleStrategy', 'replication_factor': 1"))
                .hasMessageContaining("no node");
    }
}
