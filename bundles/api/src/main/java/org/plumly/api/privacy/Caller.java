package org.plumly.api.privacy;

import java.util.Objects;
import java.util.Set;

import org.plumly.api.TenantId;
import org.plumly.api.UserId;

/**
 * Who is asking: a signed-in person of a tenant with their roles. A platform operator belongs to no
 * tenant.
 *
 * @param tenant the caller's company, or null for a platform operator
 * @param user   the caller
 */
public record Caller(TenantId tenant, UserId user, Set<Role> roles) {
    public Caller {
        Objects.requireNonNull(user, "user");
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a caller has at least one role");
        }
        if (tenant == null && !roles.equals(Set.of(Role.PLATFORM_OPERATOR))) {
            throw new IllegalArgumentException("only a platform operator belongs to no tenant");
        }
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
