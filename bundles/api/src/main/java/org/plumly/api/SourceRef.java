package org.plumly.api;

import java.util.Objects;

/**
 * Where a record came from: the integration that synced it, the stream, and the id the source gave
 * it. Two records with the same source reference are the same record: syncing again updates it.
 *
 * <pre>{@code
 * SourceRef ref = new SourceRef("acme-salesforce", "opportunities", "0065g00000AbCdE");
 * OpportunityId id = OpportunityId.of(ref.entityId());   // "acme-salesforce:0065g00000AbCdE"
 * }</pre>
 *
 * @param integration the integration (an authorized connection of a connector) within the tenant
 * @param stream      the connector stream, such as {@code opportunities} or {@code emails}
 * @param sourceId    the id in the source system, such as a CRM record id or a mail's Message-ID
 */
public record SourceRef(String integration, String stream, String sourceId) {
    public SourceRef {
        Ids.check(integration, "integration id");
        Ids.check(stream, "stream");
        Objects.requireNonNull(sourceId, "source id");
        if (sourceId.isBlank()) {
            throw new IllegalArgumentException("source id must not be blank");
        }
    }

    /**
     * A stable entity id for this source record: the integration and the source id, with spaces and
     * control characters percent-encoded. The stream is left out, so a user referenced as an
     * opportunity's owner gets the same id as in the users stream.
     */
    public String entityId() {
        StringBuilder id = new StringBuilder(integration).append(':');
        for (int i = 0; i < sourceId.length(); i++) {
            char c = sourceId.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '%') {
                id.append('%').append(String.format("%02X", (int) c));
            } else {
                id.append(c);
            }
        }
        return id.toString();
    }
}
