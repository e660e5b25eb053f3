package org.plumly.store.cassandra.internal;

import java.util.Optional;

import org.plumly.api.Tenant;
import org.plumly.api.TenantId;
import org.plumly.api.store.Page;
import org.plumly.api.store.PageRequest;
import org.plumly.api.store.TenantStore;

/** The tenant registry. */
final class CassandraTenantStore implements TenantStore {
    private static final TenantId REGISTRY = TenantId.of("registry");

    private final Cql cql;

    CassandraTenantStore(Cql cql) {
        this.cql = cql;
    }

    @Override
    public void put(Tenant tenant) {
        cql.execute(cql.bind("INSERT INTO tenants (tenant, name, created_at) VALUES (?, ?, ?)", tenant.id().value(), tenant.name(), tenant.createdAt()));
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return Optional.ofNullable(cql.one(cql.bind("SELECT name, created_at FROM tenants WHERE tenant = ?", id.value())))
                .map(row -> new Tenant(id, row.getString("name"), row.getInstant("created_at")));
    }

    @Override
    public Page<Tenant> list(PageRequest request) {
        return cql.page(cql.bind("SELECT tenant, name, created_at FROM tenants"), request, "tenants", REGISTRY, "",
                row -> new Tenant(TenantId.of(row.getString("tenant")), row.getString("name"), row.getInstant("created_at")));
    }
}
