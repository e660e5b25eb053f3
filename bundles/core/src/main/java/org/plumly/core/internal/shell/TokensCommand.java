package org.plumly.core.internal.shell;

import java.util.Comparator;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.plumly.web.routes.ApiTokens;

/** {@code plumly:tokens}: the API tokens issued, by id, without their secrets. */
@Service
@Command(scope = "plumly", name = "tokens", description = "Lists the API tokens issued (ids, never the tokens)")
public final class TokensCommand implements Action {
    @Reference
    ApiTokens tokens;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Tenant");
        table.column("User");
        table.column("Roles");
        table.column("Label");
        tokens.list().stream().sorted(Comparator.comparing(ApiTokens.IssuedToken::id)).forEach(token -> table.addRow().addContent(
                token.id(), token.caller().tenant() == null ? "-" : token.caller().tenant().value(), token.caller().user().value(),
                token.caller().roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")), token.label()));
        table.print(System.out);
        return null;
    }
}
