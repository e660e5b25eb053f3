package org.plumly.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.plumly.web.routes.ApiTokens;

/** {@code plumly:token-revoke <id>}: withdraws an API token at once. */
@Service
@Command(scope = "plumly", name = "token-revoke", description = "Revokes an API token by its id (see plumly:tokens)")
public final class TokenRevokeCommand implements Action {
    @Argument(index = 0, name = "id", required = true, description = "The token's id, as plumly:tokens shows it")
    String id;

    @Reference
    ApiTokens tokens;

    @Override
    public Object execute() {
        if (tokens.revoke(id)) {
            System.out.println("Revoked API token " + id + ".");
        } else {
            System.err.println("There is no API token " + id + ".");
        }
        return null;
    }
}
