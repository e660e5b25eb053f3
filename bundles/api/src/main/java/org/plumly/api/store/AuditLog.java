package org.plumly.api.store;

import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;
import org.plumly.api.AuditEntry;
import org.plumly.api.TenantId;

/**
 * A tenant's append-only audit log. Entries are never changed or removed one by one.
 *
 * <pre>{@code
 * audit.append(new AuditEntry(acme, Instant.now(), "user:admin-1", "integration.revoke", "integration:acme-mail", ""));
 * Page<AuditEntry> today = audit.entries(acme, LocalDate.now(ZoneOffset.UTC), PageRequest.first(100));
 * }</pre>
 */
@ProviderType
public interface AuditLog {

    void append(AuditEntry entry);

    /** The entries of one UTC day, newest first. */
    Page<AuditEntry> entries(TenantId tenant, LocalDate day, PageRequest request);
}
