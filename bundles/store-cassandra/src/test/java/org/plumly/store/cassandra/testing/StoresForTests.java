package org.plumly.store.cassandra.testing;

import java.util.UUID;

import org.plumly.api.TenantId;
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
import org.plumly.store.cassandra.internal.StoreFixture;

/**
 * The hub's real stores for other modules' tests: one set per test JVM, on the build's Cassandra node
 * ({@link CassandraForTests}: the one {@code ./plumly test} started, or one started on first use), in
 * the keyspace {@value #KEYSPACE}. Tests keep apart by tenant, as customers do.
 *
 * <pre>{@code
 * TenantId acme = StoresForTests.newTenant();
 * StoresForTests.integrations().put(Integration.created(acme, "acme-mail", "imap", Map.of(), Duration.ofMinutes(15), "user:admin-1", now));
 * }</pre>
 *
 * <p>In the module's pom, at test scope: {@code plumly-store-cassandra} (type {@code test-jar} and the
 * bundle itself) and {@code plumly-cassandra-node}; Surefire passes {@code plumly.cassandra.contactPoint}
 * and {@code plumly.cassandra.serverLib} as this module's pom does.
 */
public final class StoresForTests {
    public static final String KEYSPACE = "plumly_core_test";

    private static StoreFixture shared;

    private StoresForTests() {
    }

    private static synchronized StoreFixture stores() {
        if (shared == null) {
            shared = StoreFixture.open(CassandraForTests.contactPoint(), KEYSPACE);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "close the stores of the tests"));
        }
        return shared;
    }

    /** A tenant no test used before. */
    public static TenantId newTenant() {
        return TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 13));
    }

    public static ActivityStore activities() {
        return stores().activities();
    }

    public static DirectoryStore directory() {
        return stores().directory();
    }

    public static OpportunityStore opportunities() {
        return stores().opportunities();
    }

    public static InsightStore insights() {
        return stores().insights();
    }

    public static IntegrationStore integrations() {
        return stores().integrations();
    }

    public static AuditLog audit() {
        return stores().audit();
    }

    public static TenantStore tenants() {
        return stores().tenants();
    }

    public static SyncRunStore syncRuns() {
        return stores().syncRuns();
    }

    public static LeaseStore leases() {
        return stores().leases();
    }

    public static CredentialStore credentials() {
        return stores().credentials();
    }

    public static SourcePurge sourcePurge() {
        return stores().sourcePurge();
    }
}
