package org.plumly.core.internal.shell;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.privacy.Caller;
import org.plumly.api.privacy.Role;
import org.plumly.api.store.TenantStore;
import org.plumly.web.routes.ApiTokens;

/** {@code plumly:token-issue <tenant> <user> <role>…}: an API token, printed once. */
@Service
@Command(scope = "plumly", name = "token-issue", description = "Issues an API token for a user of a tenant; prints it once")
public final class TokenIssueCommand implements Action {
    @Argument(index = 0, name = "tenant", required = true, description = "The tenant id; '-' for a platform operator")
    String tenant;

    @Argument(index = 1, name = "user", required = true, description = "The user id the token acts as")
    String user;

    @Argument(index = 2, name = "roles", required = true, multiValued = true,
            description = "REP, MANAGER, COMPANY_ADMIN or PLATFORM_OPERATOR")
    List<String> roles;

    @Option(name = "--label", description = "What the token is for")
    String label = "";

    @Reference
    ApiTokens tokens;

    @Reference
    TenantStore tenants;

    @Override
    public Object execute() {
        Set<Role> granted = EnumSet.noneOf(Role.class);
        for (String role : roles) {
            try {
                granted.add(Role.valueOf(role.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                System.err.println("Unknown role " + role + "; the roles are " + Arrays.toString(Role.values())
                        + " (put options such as --label before the arguments).");
                return null;
            }
        }
        TenantId tenantId = "-".equals(tenant) ? null : TenantId.of(tenant);
        if (tenantId != null && tenants.find(tenantId).isEmpty()) {
            System.err.println("There is no tenant " + tenant + ": register it first with plumly:tenant-add.");
            return null;
        }
        Caller caller = new Caller(tenantId, UserId.of(user), granted);
        System.out.println(tokens.issue(caller, label));
        return null;
    }
}
