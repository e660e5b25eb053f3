package org.plumly.api.store;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.plumly.api.TenantId;

/**
 * Leases shared by every hub node on the same store, so that one node at a time syncs an integration.
 * A lease lapses by itself after its time to live; the holder renews it while it works.
 *
 * <pre>{@code
 * Optional<Lease> lease = leases.acquire(acme, "sync:acme-mail", "node-1/" + UUID.randomUUID(), Duration.ofSeconds(30));
 * lease.ifPresent(held -> {
 *     try { sync(); leases.renew(held, Duration.ofSeconds(30)); } finally { leases.release(held); }
 * });
 * }</pre>
 */
@ProviderType
public interface LeaseStore {

    /** Takes the lease when nobody holds it; empty when someone does. */
    Optional<Lease> acquire(TenantId tenant, String name, String holder, Duration ttl);

    /** Extends a lease still held by its holder; empty when it lapsed or another holder took it. */
    Optional<Lease> renew(Lease lease, Duration ttl);

    /** Gives the lease up, if still held by this holder. */
    void release(Lease lease);

    Optional<Lease> find(TenantId tenant, String name);
}
