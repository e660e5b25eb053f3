package org.plumly.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A connector a company admin added for their tenant, with its settings and where it stands. It syncs
 * only once authorized ({@link Status#ACTIVE}). Secrets are not here: they live encrypted in the
 * credential vault.
 *
 * <pre>{@code
 * Integration mail = Integration.created(acme, "acme-mail", "imap", Map.of("host", "imap.acme.example"),
 *         Duration.ofMinutes(15), "user:admin-1", now);
 * Integration live = mail.authorized("user:admin-1", now);
 * }</pre>
 *
 * @param id            unique within the tenant; the first part of its records' {@link SourceRef}
 * @param connectorType the {@code type} of the connector's spec
 * @param settings      the non-secret settings
 * @param syncInterval  how often the engine syncs it
 * @param createdBy     the company admin who added it, such as {@code user:admin-1}
 * @param authorizedBy  who authorized it last; null while never authorized
 * @param authorizedAt  when; null while never authorized
 */
public record Integration(TenantId tenant, String id, String connectorType, Map<String, String> settings,
                          Duration syncInterval, Status status, String createdBy, Instant createdAt,
                          String authorizedBy, Instant authorizedAt) implements CustomerRecord {
    /** The shortest sync interval: a minute, so that a mistyped setting cannot hammer a vendor. */
    public static final Duration MIN_SYNC_INTERVAL = Duration.ofMinutes(1);

    public Integration {
        Objects.requireNonNull(tenant, "tenant");
        Ids.check(id, "integration id");
        Ids.check(connectorType, "connector type");
        settings = Map.copyOf(settings);
        Objects.requireNonNull(syncInterval, "sync interval");
        if (syncInterval.compareTo(MIN_SYNC_INTERVAL) < 0) {
            throw new IllegalArgumentException("sync interval must be at least " + MIN_SYNC_INTERVAL + ": " + syncInterval);
        }
        Objects.requireNonNull(status, "status");
        Ids.check(createdBy, "created by");
        Objects.requireNonNull(createdAt, "created at");
        if ((authorizedBy == null) != (authorizedAt == null)) {
            throw new IllegalArgumentException("authorized by and at are given together");
        }
        if (status == Status.ACTIVE && authorizedBy == null) {
            throw new IllegalArgumentException("an active integration has been authorized");
        }
    }

    /** A new integration, waiting for a company admin to authorize it. */
    public static Integration created(TenantId tenant, String id, String connectorType, Map<String, String> settings,
            Duration syncInterval, String createdBy, Instant at) {
        return new Integration(tenant, id, connectorType, settings, syncInterval, Status.PENDING_AUTHORIZATION,
                createdBy, at, null, null);
    }

    public Integration authorized(String by, Instant at) {
        return new Integration(tenant, id, connectorType, settings, syncInterval, Status.ACTIVE, createdBy, createdAt,
                Ids.check(by, "authorized by"), Objects.requireNonNull(at, "authorized at"));
    }

    public Integration withStatus(Status next) {
        return new Integration(tenant, id, connectorType, settings, syncInterval, next, createdBy, createdAt,
                authorizedBy, authorizedAt);
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    /** Where an integration stands. */
    public enum Status {
        /** Added, not yet authorized: never syncs. */
        PENDING_AUTHORIZATION,
        /** Authorized: syncs on its schedule and on demand. */
        ACTIVE,
        /** Stopped by an admin; the grant is kept. */
        PAUSED,
        /** The source refused the grant (expired, revoked at the vendor): an admin must authorize again. */
        NEEDS_AUTHORIZATION,
        /** Revoked by an admin: the grant and secrets are deleted. */
        REVOKED
    }
}
