package org.plumly.api.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.plumly.api.Integration;
import org.plumly.api.TenantId;
import org.plumly.api.connector.StreamState;

/**
 * A tenant's integrations and where each of their streams stands. The sync engine saves a stream's
 * state after every batch it stored, and resumes from it.
 *
 * <pre>{@code
 * integrations.saveState(acme, "acme-mail", state);
 * StreamState resume = integrations.states(acme, "acme-mail").getOrDefault("emails", StreamState.initial("emails"));
 * }</pre>
 */
@ProviderType
public interface IntegrationStore {

    void put(Integration integration);

    Optional<Integration> find(TenantId tenant, String integration);

    List<Integration> list(TenantId tenant);

    void saveState(TenantId tenant, String integration, StreamState state);

    /** The last saved state of each stream, by stream name. */
    Map<String, StreamState> states(TenantId tenant, String integration);

    /** Forgets where a stream stands: its next read starts from the beginning. */
    void resetState(TenantId tenant, String integration, String stream);
}
