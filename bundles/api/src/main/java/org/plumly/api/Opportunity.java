package org.plumly.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A deal being worked, in its current state, with the history of its stages.
 *
 * <pre>{@code
 * new Opportunity(acme, OpportunityId.of("crm:006D1"), globex, "Globex renewal", dana, "Proposal",
 *         OpportunityStatus.OPEN, Money.of("48000", "EUR"), LocalDate.parse("2026-12-15"),
 *         created, List.of(new StageChange("Qualification", created, null)), source);
 * }</pre>
 *
 * @param account      the account it is sold to, or null when unknown
 * @param owner        the rep who owns it
 * @param stage        the CRM's name of the current stage
 * @param amount       or null when not set
 * @param closeDate    the expected (or actual, once closed) close date, or null
 * @param stageHistory oldest first; sorted by the constructor
 */
public record Opportunity(TenantId tenant, OpportunityId id, AccountId account, String name, UserId owner,
                          String stage, OpportunityStatus status, Money amount, LocalDate closeDate,
                          Instant createdAt, List<StageChange> stageHistory, SourceRef source)
        implements SourcedRecord {
    public Opportunity {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Ids.text(name, "name");
        Objects.requireNonNull(owner, "owner");
        Ids.text(stage, "stage");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "created at");
        stageHistory = Objects.requireNonNull(stageHistory, "stage history").stream()
                .sorted(Comparator.comparing(StageChange::enteredAt)).toList();
    }

    public boolean isOpen() {
        return status == OpportunityStatus.OPEN;
    }
}
