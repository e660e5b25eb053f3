package org.plumly.core.internal.shell;

import java.time.Instant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.plumly.api.AuditEntry;
import org.plumly.api.TenantId;
import org.plumly.api.store.AuditLog;
import org.plumly.api.store.IntegrationStore;

/**
 * {@code plumly:reset-state <tenant> <integration> <stream>}: forgets where a stream stands, so that its
 * next read starts from the beginning; for a state the connector refuses as invalid.
 */
@Service
@Command(scope = "plumly", name = "reset-state", description = "Makes a stream of an integration read from the beginning next time")
public final class ResetStateCommand implements Action {
    @Argument(index = 0, name = "tenant", required = true, description = "The tenant id")
    String tenant;

    @Argument(index = 1, name = "integration", required = true, description = "The integration id")
    String integration;

    @Argument(index = 2, name = "stream", required = true, description = "The stream, as the run history names it")
    String stream;

    @Reference
    IntegrationStore integrations;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() {
        TenantId tenantId = TenantId.of(tenant);
        if (!integrations.states(tenantId, integration).containsKey(stream)) {
            System.err.println("Integration " + tenant + "/" + integration + " has no saved state of stream " + stream + ".");
            return null;
        }
        integrations.resetState(tenantId, integration, stream);
        audit.append(new AuditEntry(tenantId, Instant.now(), "operator:shell", "integration.reset-state", "integration:" + integration,
                "stream " + stream));
        System.out.println("Stream " + stream + " of " + tenant + "/" + integration + " reads from the beginning at its next run.");
        return null;
    }
}
