package org.plumly.store.cassandra.internal;

import org.plumly.api.store.ActivityStore;
import org.plumly.api.store.AuditLog;
import org.plumly.api.store.CredentialStore;
import org.plumly.api.store.DirectoryStore;
import org.plumly.api.store.InsightStore;
import org.plumly.api.store.IntegrationStore;
import org.plumly.api.store.LeaseStore;
import org.plumly.api.store.OpportunityStore;
import org.plumly.api.store.SourcePurge;
import org.plumly.api.store.SyncRunStore;
import org.plumly.api.store.TenantStore;
import org.plumly.cassandra.node.CassandraForTests;

/**
 * The stores of one keyspace by their public SPI types, for tests outside this package: the one way
 * past the package-private {@link CassandraStores}. It ships in the test-jar only, never in the bundle.
 * Other modules use it through {@link org.plumly.store.cassandra.testing.StoresForTests}.
 */
public final class StoreFixture implements AutoCloseable {
    private final CassandraStores stores;

    private StoreFixture(CassandraStores stores) {
        this.stores = stores;
    }

    /** Opens the keyspace on the node at {@code host:port}, creating and migrating it when needed. */
    public static StoreFixture open(String contactPoint, String keyspace) {
        return new StoreFixture(CassandraStores.open(new StoreSettings(StoreSettings.parseContactPoints(contactPoint),
                CassandraForTests.LOCAL_DATACENTER, keyspace, "'class': 'SimpleStrategy', 'replication_factor': 1")));
    }

    public ActivityStore activities() {
        return stores.activities;
    }

    public DirectoryStore directory() {
        return stores.directory;
    }

    public OpportunityStore opportunities() {
        return stores.opportunities;
    }

    public InsightStore insights() {
        return stores.insights;
    }

    public IntegrationStore integrations() {
        return stores.integrations;
    }

    public AuditLog audit() {
        return stores.audit;
    }

    public TenantStore tenants() {
        return stores.tenants;
    }

    public SyncRunStore syncRuns() {
        return stores.syncRuns;
    }

    public LeaseStore leases() {
        return stores.leases;
    }

    public CredentialStore credentials() {
        return stores.credentials;
    }

    public SourcePurge sourcePurge() {
        return stores.sourcePurge;
    }

    @Override
    public void close() {
        stores.close();
    }
}
