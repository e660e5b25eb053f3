package org.plumly.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a tenant's append-only audit log: who did what to what, when. Never personal content:
 * ids, not names or addresses.
 *
 * <pre>{@code
 * new AuditEntry(acme, now, "user:admin-1", "integration.authorize", "integration:acme-mail", "imap")
 * }</pre>
 *
 * @param actor  who acted, such as {@code user:dana} or {@code system:sync}
 * @param action what was done, such as {@code integration.revoke}
 * @param target what it was done to, such as {@code integration:acme-mail}
 * @param detail more, or empty
 */
public record AuditEntry(TenantId tenant, Instant at, String actor, String action, String target, String detail)
        implements CustomerRecord {
    public AuditEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(at, "at");
        Ids.check(actor, "actor");
        Ids.check(action, "action");
        Ids.check(target, "target");
        Objects.requireNonNull(detail, "detail");
    }
}
