package org.plumly.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something a rep or manager should know about an opportunity, raised by an insight algorithm.
 *
 * <pre>{@code
 * new Insight(acme, InsightId.of("follow-up-gap:crm:006D1"), "follow-up-gap", renewal, dana, Severity.HIGH,
 *         InsightStatus.OPEN, "Met Globex on 3 Nov; no next meeting booked.", evidence, raised, raised);
 * }</pre>
 *
 * @param type        the algorithm's type, such as {@code follow-up-gap}
 * @param owner       the opportunity's owner when it was raised
 * @param explanation one or two sentences a person understands
 * @param evidence    what it rests on; never empty
 */
public record Insight(TenantId tenant, InsightId id, String type, OpportunityId opportunity, UserId owner,
                      Severity severity, InsightStatus status, String explanation, List<Evidence> evidence,
                      Instant raisedAt, Instant updatedAt) implements CustomerRecord {
    public Insight {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Ids.check(type, "insight type");
        Objects.requireNonNull(opportunity, "opportunity");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Ids.text(explanation, "explanation");
        evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("an insight needs evidence");
        }
        Objects.requireNonNull(raisedAt, "raised at");
        Objects.requireNonNull(updatedAt, "updated at");
    }
}
