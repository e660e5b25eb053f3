package org.plumly.api;

import java.util.Objects;

/**
 * A person of the customer's own company who uses or appears in Plumly: a rep, a manager, an admin.
 * Who reports to whom is a separate, effective-dated {@link ReportingLine}.
 *
 * <pre>{@code
 * User rep = new User(acme, UserId.of("crm:005A1"), "Dana Reyes", "dana@acme.example", true, source);
 * }</pre>
 *
 * @param name   display name
 * @param email  work e-mail address, lower-cased; the key for identity resolution
 * @param active false once the person left or was deactivated in the source
 * @param source where it came from, or null when created in Plumly
 */
public record User(TenantId tenant, UserId id, String name, String email, boolean active, SourceRef source)
        implements SourcedRecord {
    public User {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Ids.text(name, "name");
        email = EmailAddress.normalize(email);
    }
}
