package org.plumly.core.internal.shell;

import java.time.Instant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.plumly.api.Tenant;
import org.plumly.api.TenantId;
import org.plumly.api.store.TenantStore;

/** {@code plumly:tenant-add <id> <name>}: registers a customer company. */
@Service
@Command(scope = "plumly", name = "tenant-add", description = "Registers a tenant (a customer company)")
public final class TenantAddCommand implements Action {
    @Argument(index = 0, name = "id", required = true, description = "The tenant id: lower-case letters, digits and dashes")
    String id;

    @Argument(index = 1, name = "name", required = true, description = "The company's name")
    String name;

    @Reference
    TenantStore tenants;

    @Override
    public Object execute() {
        TenantId tenant = TenantId.of(id);
        if (tenants.find(tenant).isPresent()) {
            System.err.println("Tenant " + id + " exists already.");
            return null;
        }
        tenants.put(new Tenant(tenant, name, Instant.now()));
        System.out.println("Registered tenant " + id + " (" + name + ").");
        return null;
    }
}
