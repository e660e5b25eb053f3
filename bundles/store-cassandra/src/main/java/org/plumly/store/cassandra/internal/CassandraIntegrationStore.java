package org.plumly.store.cassandra.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.plumly.api.Integration;
import org.plumly.api.TenantId;
import org.plumly.api.connector.StreamState;
import org.plumly.api.store.IntegrationStore;

import com.datastax.oss.driver.api.core.cql.Row;

/** A tenant's integrations and the saved state of each stream. */
final class CassandraIntegrationStore implements IntegrationStore {
    private static final String COLUMNS = "integration_id, connector_type, settings, sync_interval_ms, status, created_by, created_at, authorized_by, authorized_at";
    /** The interval given to an integration stored before V002, which had none. */
    private static final Duration INTERVAL_BEFORE_V002 = Duration.ofMinutes(15);

    private final Cql cql;

    CassandraIntegrationStore(Cql cql) {
        this.cql = cql;
    }

    @Override
    public void put(Integration integration) {
        cql.execute(cql.bind("INSERT INTO integrations (tenant, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                integration.tenant().value(), integration.id(), integration.connectorType(), integration.settings(),
                integration.syncInterval().toMillis(), integration.status().name(), integration.createdBy(), integration.createdAt(),
                integration.authorizedBy(), integration.authorizedAt()));
    }

    @Override
    public Optional<Integration> find(TenantId tenant, String integration) {
        return Optional.ofNullable(cql.one(cql.bind("SELECT " + COLUMNS + " FROM integrations WHERE tenant = ? AND integration_id = ?",
                tenant.value(), integration))).map(row -> toIntegration(tenant, row));
    }

    @Override
    public List<Integration> list(TenantId tenant) {
        return cql.all(cql.bind("SELECT " + COLUMNS + " FROM integrations WHERE tenant = ?", tenant.value())).stream()
                .map(row -> toIntegration(tenant, row)).toList();
    }

    @Override
    public void saveState(TenantId tenant, String integration, StreamState state) {
        cql.execute(cql.bind("INSERT INTO sync_state (tenant, integration_id, stream, cursor, saved_at) VALUES (?, ?, ?, ?, ?)",
                tenant.value(), integration, state.stream(), state.cursor(), Instant.now()));
    }

    @Override
    public Map<String, StreamState> states(TenantId tenant, String integration) {
        Map<String, StreamState> states = new LinkedHashMap<>();
        for (Row row : cql.all(cql.bind("SELECT stream, cursor FROM sync_state WHERE tenant = ? AND integration_id = ?", tenant.value(), integration))) {
            String stream = row.getString("stream");
            states.put(stream, new StreamState(stream, row.getMap("cursor", String.class, String.class)));
        }
        return states;
    }

    @Override
    public void resetState(TenantId tenant, String integration, String stream) {
        cql.execute(cql.bind("DELETE FROM sync_state WHERE tenant = ? AND integration_id = ? AND stream = ?", tenant.value(), integration, stream));
    }

    /** A row written before V002 has no creator nor interval: it was created when it was authorized, by its authorizer. */
    private static Integration toIntegration(TenantId tenant, Row row) {
        String authorizedBy = row.getString("authorized_by");
        Instant authorizedAt = row.getInstant("authorized_at");
        String createdBy = row.getString("created_by");
        Instant createdAt = row.getInstant("created_at");
        return new Integration(tenant, row.getString("integration_id"), row.getString("connector_type"),
                row.getMap("settings", String.class, String.class),
                row.isNull("sync_interval_ms") ? INTERVAL_BEFORE_V002 : Duration.ofMillis(row.getLong("sync_interval_ms")),
                Integration.Status.valueOf(row.getString("status")),
                createdBy == null ? authorizedBy : createdBy, createdAt == null ? authorizedAt : createdAt,
                authorizedBy, authorizedAt);
    }
}
