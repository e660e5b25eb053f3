package org.plumly.api.store;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.plumly.api.Tenant;
import org.plumly.api.TenantId;

/**
 * The registry of tenants. The only list that is not within one tenant, and it holds no customer data
 * but the company's name.
 *
 * <pre>{@code
 * tenants.put(new Tenant(TenantId.of("acme"), "Acme Corp", Instant.now()));
 * }</pre>
 */
@ProviderType
public interface TenantStore {

    void put(Tenant tenant);

    Optional<Tenant> find(TenantId id);

    /** All tenants, in no particular order. */
    Page<Tenant> list(PageRequest request);
}
