package org.plumly.core.internal.shell;

import java.time.Instant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.plumly.api.AuditEntry;
import org.plumly.api.Integration;
import org.plumly.api.SyncRun;
import org.plumly.api.TenantId;
import org.plumly.api.store.AuditLog;
import org.plumly.api.store.IntegrationStore;
import org.plumly.core.internal.sync.SyncEngine;

/** {@code plumly:sync <tenant> <integration>}: starts a run of an active integration now. */
@Service
@Command(scope = "plumly", name = "sync", description = "Syncs an integration now")
public final class SyncCommand implements Action {
    @Argument(index = 0, name = "tenant", required = true, description = "The tenant id")
    String tenant;

    @Argument(index = 1, name = "integration", required = true, description = "The integration id")
    String integration;

    @Reference
    SyncEngine engine;

    @Reference
    IntegrationStore integrations;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() {
        TenantId tenantId = TenantId.of(tenant);
        Integration found = integrations.find(tenantId, integration).orElse(null);
        if (found == null) {
            System.err.println("Tenant " + tenant + " has no integration " + integration + ".");
            return null;
        }
        SyncEngine.Triggered triggered = engine.trigger(found, SyncRun.Trigger.MANUAL);
        if (triggered.runId().isPresent()) {
            audit.append(new AuditEntry(tenantId, Instant.now(), "operator:shell", "integration.sync", "integration:" + integration,
                    "run " + triggered.runId().get()));
            System.out.println("Started run " + triggered.runId().get() + " of " + tenant + "/" + integration
                    + "; see plumly:runs " + tenant + " " + integration);
        } else {
            System.err.println("No run started: " + triggered.reason());
        }
        return null;
    }
}
