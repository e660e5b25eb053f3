package org.plumly.api.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.plumly.api.Insight;
import org.plumly.api.InsightId;
import org.plumly.api.OpportunityId;
import org.plumly.api.TenantId;

/**
 * Insights and their lifecycle. Writes are idempotent upserts by id.
 *
 * <pre>{@code
 * insights.put(insight);
 * Page<Insight> open = insights.open(acme, PageRequest.first(50));
 * }</pre>
 */
@ProviderType
public interface InsightStore {

    void put(Insight insight);

    Optional<Insight> find(TenantId tenant, InsightId id);

    /** All insights of an opportunity, whatever their status. */
    List<Insight> ofOpportunity(TenantId tenant, OpportunityId opportunity);

    /** The tenant's open insights. */
    Page<Insight> open(TenantId tenant, PageRequest request);
}
