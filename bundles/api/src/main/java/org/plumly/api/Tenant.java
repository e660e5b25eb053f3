package org.plumly.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer company: the unit of isolation. Nothing of one tenant is ever shown to another.
 *
 * @param name display name
 */
public record Tenant(TenantId id, String name, Instant createdAt) {
    public Tenant {
        Objects.requireNonNull(id, "id");
        Ids.text(name, "name");
        Objects.requireNonNull(createdAt, "created at");
    }
}
