package org.plumly.store.cassandra.internal;

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
    private static final String COLUMNS = "integration_id, connector_type, settings, status, authorized_by, authorized_at";

    private final Cql cql;

    CassandraIntegrationStore(Cql cql) {
        this.cql = cql;
    }

    @Override
    public void put(Integration integration) {
        cql.execute(cql.bind("INSERT INTO integrations (tenant, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                integration.tenant().value(), integration.id(), integration.connectorType(), integration.settings(),
                integration.status().name(), integration.authorizedBy(), integration.authorizedAt()));
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

    private static Integration toIntegration(TenantId tenant, Row row) {
        return new Integration(tenant, row.getString("integration_id"), row.getString("connector_type"),
                row.getMap("settings", String.class, String.class), Integration.Status.valueOf(row.getString("status")),
                row.getString("authorized_by"), row.getInstant("authorized_at"));
    }
}
