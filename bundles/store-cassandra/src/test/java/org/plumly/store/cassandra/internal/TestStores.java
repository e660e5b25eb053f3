package org.plumly.store.cassandra.internal;

import java.util.UUID;

import org.plumly.api.TenantId;
import org.plumly.cassandra.node.CassandraForTests;

/**
 * The stores of this module's tests, on the build's one Cassandra node, opened once per test JVM.
 * Tests stay apart by tenant: each makes its own with {@link #newTenant()}, which is also how the
 * product keeps customers apart.
 */
final class TestStores {
    private static CassandraStores shared;

    private TestStores() {
    }

    static synchronized CassandraStores shared() {
        if (shared == null) {
            shared = CassandraStores.open(settings("plumly_test"));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    static StoreSettings settings(String keyspace) {
        return new StoreSettings(StoreSettings.parseContactPoints(CassandraForTests.contactPoint()), "datacenter1", keyspace,
                "'class': 'SimpleStrategy', 'replication_factor': 1");
    }

    static TenantId newTenant() {
        return TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 13));
    }
}
