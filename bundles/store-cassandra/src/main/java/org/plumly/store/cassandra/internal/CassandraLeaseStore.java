package org.plumly.store.cassandra.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.plumly.api.TenantId;
import org.plumly.api.store.Lease;
import org.plumly.api.store.LeaseStore;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Row;

/**
 * Leases as rows that Cassandra lets lapse by themselves (a TTL), changed only through lightweight
 * transactions, so two nodes never both hold one. The TTL is whole seconds, rounded up: the row lives
 * at least until {@link Lease#expiresAt()}, never less, so no one takes a lease its holder still counts on.
 */
final class CassandraLeaseStore implements LeaseStore {
    private final Cql cql;

    CassandraLeaseStore(Cql cql) {
        this.cql = cql;
    }

    @Override
    public Optional<Lease> acquire(TenantId tenant, String name, String holder, Duration ttl) {
        Lease lease = new Lease(tenant, name, holder, expiry(ttl));
        boolean taken = cql.execute(serial(cql.bind("INSERT INTO leases (tenant, name, holder, expires_at) VALUES (?, ?, ?, ?) IF NOT EXISTS USING TTL ?",
                tenant.value(), name, holder, lease.expiresAt(), seconds(ttl)))).wasApplied();
        return taken ? Optional.of(lease) : Optional.empty();
    }

    @Override
    public Optional<Lease> renew(Lease lease, Duration ttl) {
        Lease renewed = new Lease(lease.tenant(), lease.name(), lease.holder(), expiry(ttl));
        // Both columns are written again: the row lives as long as its newest cells.
        boolean held = cql.execute(serial(cql.bind("UPDATE leases USING TTL ? SET holder = ?, expires_at = ? WHERE tenant = ? AND name = ? IF holder = ?",
                seconds(ttl), lease.holder(), renewed.expiresAt(), lease.tenant().value(), lease.name(), lease.holder()))).wasApplied();
        return held ? Optional.of(renewed) : Optional.empty();
    }

    @Override
    public void release(Lease lease) {
        cql.execute(serial(cql.bind("DELETE FROM leases WHERE tenant = ? AND name = ? IF holder = ?",
                lease.tenant().value(), lease.name(), lease.holder())));
    }

    @Override
    public Optional<Lease> find(TenantId tenant, String name) {
        Row row = cql.one(cql.bind("SELECT holder, expires_at FROM leases WHERE tenant = ? AND name = ?", tenant.value(), name)
                .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_SERIAL));
        return Optional.ofNullable(row).map(r -> new Lease(tenant, name, r.getString("holder"), r.getInstant("expires_at")));
    }

    private static BoundStatement serial(BoundStatement statement) {
        return statement.setSerialConsistencyLevel(DefaultConsistencyLevel.LOCAL_SERIAL);
    }

    /** Now plus the TTL, to the millisecond the row keeps: the lease handed out equals the one found later. */
    private static Instant expiry(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a lease lasts a while: " + ttl);
        }
        return Instant.now().plus(ttl).truncatedTo(ChronoUnit.MILLIS);
    }

    private static int seconds(Duration ttl) {
        return Math.toIntExact((ttl.toMillis() + 999) / 1000);
    }
}
