package org.plumly.api.store;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.plumly.api.TenantId;

/**
 * Deletes everything an integration brought in, when a company admin revokes it and asks for its data
 * to go: users, reporting lines, accounts, contacts, opportunities, activities with their content and tone verdicts, and
 * the integration's stream states. Records another integration also wrote keep that integration's version.
 *
 * <pre>{@code
 * Map<String, Long> deleted = purge.purge(acme, "acme-mail");   // {"activity": 5012, "contact": 40}
 * }</pre>
 */
@ProviderType
public interface SourcePurge {

    /** Deletes the integration's records; the count deleted by kind of record. Safe to run again. */
    Map<String, Long> purge(TenantId tenant, String integration);
}
