package org.plumly.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code user} reports to {@code manager} from {@code validFrom} (inclusive) until {@code validTo}
 * (exclusive; null while it holds). Managers see what their reports create, as of each day: a rep who
 * moved teams in March is seen by the old manager for the deals of February.
 *
 * <pre>{@code
 * new ReportingLine(acme, dana, sam, LocalDate.parse("2026-01-01"), null, source);
 * }</pre>
 */
public record ReportingLine(TenantId tenant, UserId user, UserId manager, LocalDate validFrom, LocalDate validTo,
                            SourceRef source) implements SourcedRecord {
    public ReportingLine {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(validFrom, "valid from");
        if (user.equals(manager)) {
            throw new IllegalArgumentException("a user cannot report to themselves: " + user);
        }
        if (validTo != null && !validTo.isAfter(validFrom)) {
            throw new IllegalArgumentException("valid to " + validTo + " must be after valid from " + validFrom);
        }
    }

    /** Whether the line holds on {@code day}. */
    public boolean holdsOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }
}
