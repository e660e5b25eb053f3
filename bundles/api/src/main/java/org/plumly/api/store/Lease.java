package org.plumly.api.store;

import java.time.Instant;
import java.util.Objects;

import org.plumly.api.TenantId;

/**
 * The right to do one thing alone for a while, such as syncing an integration, held by one hub node.
 *
 * @param name      what it guards, such as {@code sync:acme-mail}
 * @param holder    who holds it: a hub node and a unique token, so that a restarted node does not take over its old lease
 * @param expiresAt when it lapses unless renewed
 */
public record Lease(TenantId tenant, String name, String holder, Instant expiresAt) {
    public Lease {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(expiresAt, "expires at");
    }
}
