package org.plumly.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A connector a company admin authorized for their tenant, with its settings. Secrets are not here:
 * they live encrypted in the credential vault.
 *
 * <pre>{@code
 * new Integration(acme, "acme-mail", "imap", Map.of("host", "imap.acme.example"), Integration.Status.ACTIVE, "admin@acme.example", now);
 * }</pre>
 *
 * @param id            unique within the tenant; the first part of its records' {@link SourceRef}
 * @param connectorType the {@code type} of the connector's spec
 * @param settings      the non-secret settings
 * @param authorizedBy  who authorized it (a company admin's user id)
 */
public record Integration(TenantId tenant, String id, String connectorType, Map<String, String> settings, Status status,
                          String authorizedBy, Instant authorizedAt) implements CustomerRecord {
    public Integration {
        Objects.requireNonNull(tenant, "tenant");
        Ids.check(id, "integration id");
        Ids.check(connectorType, "connector type");
        settings = Map.copyOf(settings);
        Objects.requireNonNull(status, "status");
        Ids.text(authorizedBy, "authorized by");
        Objects.requireNonNull(authorizedAt, "authorized at");
    }

    /** Whether it syncs. */
    public enum Status {
        ACTIVE, PAUSED, REVOKED
    }
}
