package org.plumly.api;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A customer's customer: the company an opportunity is sold to. Its e-mail domains link mail and
 * meetings with people of that company to it.
 *
 * <pre>{@code
 * new Account(acme, AccountId.of("crm:001B7"), "Globex", Set.of("globex.example"), dana, source);
 * }</pre>
 *
 * @param domains e-mail domains of the company, lower-cased; may be empty
 * @param owner   the user who owns the account, or null
 */
public record Account(TenantId tenant, AccountId id, String name, Set<String> domains, UserId owner, SourceRef source)
        implements SourcedRecord {
    public Account {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Ids.text(name, "name");
        TreeSet<String> normal = new TreeSet<>();
        for (String domain : Objects.requireNonNull(domains, "domains")) {
            normal.add(EmailAddress.domain("x@" + domain));
        }
        domains = Set.copyOf(normal);
    }
}
