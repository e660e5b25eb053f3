package org.plumly.api.store;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.plumly.api.SyncRun;
import org.plumly.api.TenantId;

/**
 * The run history of each integration. The sync engine writes a run when it starts and again when its
 * counts change or it ends.
 *
 * <pre>{@code
 * runs.put(run);
 * Page<SyncRun> recent = runs.list(acme, "acme-mail", PageRequest.first(20));
 * }</pre>
 */
@ProviderType
public interface SyncRunStore {

    /** Saves a run, replacing the one with the same id. */
    void put(SyncRun run);

    Optional<SyncRun> find(TenantId tenant, String integration, String runId);

    /** The integration's runs, newest first. */
    Page<SyncRun> list(TenantId tenant, String integration, PageRequest request);
}
