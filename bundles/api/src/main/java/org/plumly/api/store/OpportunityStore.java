package org.plumly.api.store;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.plumly.api.AccountId;
import org.plumly.api.Opportunity;
import org.plumly.api.OpportunityId;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;

/**
 * Opportunities in their current state, with their stage history. Writes are idempotent upserts by id;
 * a put keeps every stage change seen so far, so re-syncing an export that lost history loses nothing.
 *
 * <pre>{@code
 * opportunities.put(renewal);
 * Page<Opportunity> open = opportunities.open(acme, PageRequest.first(100));
 * }</pre>
 */
@ProviderType
public interface OpportunityStore {

    void put(Opportunity opportunity);

    Optional<Opportunity> find(TenantId tenant, OpportunityId id);

    /** The tenant's open opportunities, by id. */
    Page<Opportunity> open(TenantId tenant, PageRequest request);

    /** An owner's opportunities, open and closed, by id. */
    Page<Opportunity> byOwner(TenantId tenant, UserId owner, PageRequest request);

    /** An account's opportunities, open and closed, by id. */
    Page<Opportunity> byAccount(TenantId tenant, AccountId account, PageRequest request);
}
