package org.plumly.store.cassandra.internal;

import java.time.Duration;
import java.util.List;

import org.plumly.api.health.HealthReport;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;

/**
 * An open connection to the hub's keyspace and the stores on it. {@link #open} creates the keyspace
 * when missing and applies the schema migrations; it fails fast when no node answers (the caller
 * decides when to try again).
 */
final class CassandraStores implements AutoCloseable {
    private final CqlSession session;
    private final StoreSettings settings;
    final CassandraActivityStore activities;
    final CassandraDirectoryStore directory;
    final CassandraOpportunityStore opportunities;
    final CassandraInsightStore insights;
    final CassandraIntegrationStore integrations;
    final CassandraAuditLog audit;
    final CassandraTenantStore tenants;
    final CassandraSyncRunStore syncRuns;
    final CassandraLeaseStore leases;
    final CassandraCredentialStore credentials;
    final CassandraSourcePurge sourcePurge;

    private CassandraStores(CqlSession session, StoreSettings settings) {
        this.session = session;
        this.settings = settings;
        Cql cql = new Cql(session);
        Json json = new Json();
        SourceIndex index = new SourceIndex(cql);
        activities = new CassandraActivityStore(cql, json, index);
        directory = new CassandraDirectoryStore(cql, index);
        opportunities = new CassandraOpportunityStore(cql, index);
        insights = new CassandraInsightStore(cql, json);
        integrations = new CassandraIntegrationStore(cql);
        audit = new CassandraAuditLog(cql);
        tenants = new CassandraTenantStore(cql);
        syncRuns = new CassandraSyncRunStore(cql, json);
        leases = new CassandraLeaseStore(cql);
        credentials = new CassandraCredentialStore(cql);
        sourcePurge = new CassandraSourcePurge(cql, activities);
    }

    static CassandraStores open(StoreSettings settings) {
        try (CqlSession bootstrap = session(settings, null)) {
            bootstrap.execute("CREATE KEYSPACE IF NOT EXISTS " + settings.keyspace() + " WITH replication = {" + settings.replication() + "}");
        }
        CqlSession session = session(settings, settings.keyspace());
        try {
            SchemaMigrations.apply(session, settings.keyspace());
            return new CassandraStores(session, settings);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * A session whose driver classes and configuration come from the driver's own bundle: in OSGi the
     * thread's context class loader is not the driver's, so both are set explicitly.
     */
    private static CqlSession session(StoreSettings settings, String keyspace) {
        ClassLoader driver = CqlSession.class.getClassLoader();
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder(driver)
                // Schema changes are only made at start; waiting a second per table for agreement is wasted.
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(10))
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(5))
                .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(500))
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(10))
                // Two connections per node: bulk writes keep over a thousand requests in flight, one connection's limit.
                .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, 2)
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, "LOCAL_QUORUM")
                .withString(DefaultDriverOption.REQUEST_SERIAL_CONSISTENCY, "LOCAL_SERIAL")
                .build();
        var builder = CqlSession.builder()
                .withClassLoader(driver)
                .withConfigLoader(config)
                .addContactPoints(settings.contactPoints())
                .withLocalDatacenter(settings.localDatacenter());
        if (keyspace != null) {
            builder.withKeyspace(keyspace);
        }
        return builder.build();
    }

    CqlSession session() {
        return session;
    }

    /** The store's state as /api/health shows it. */
    HealthReport health() {
        if (session.isClosed()) {
            return HealthReport.down("session closed");
        }
        List<Node> nodes = List.copyOf(session.getMetadata().getNodes().values());
        long up = nodes.stream().filter(node -> node.getState() == NodeState.UP).count();
        String detail = up + " of " + nodes.size() + " Cassandra nodes up, keyspace " + settings.keyspace();
        if (up == 0) {
            return HealthReport.down(detail);
        }
        return up < nodes.size() ? HealthReport.degraded(detail) : HealthReport.up(detail);
    }

    @Override
    public void close() {
        session.close();
    }
}
