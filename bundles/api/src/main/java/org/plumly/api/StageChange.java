package org.plumly.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One step of an opportunity's history: it entered {@code stage} at {@code enteredAt}, with the
 * close date it had then. Stalled-stage and slipping-close-date insights read this history.
 *
 * @param closeDate the expected close date at that moment, or null
 */
public record StageChange(String stage, Instant enteredAt, LocalDate closeDate) {
    public StageChange {
        Ids.text(stage, "stage");
        Objects.requireNonNull(enteredAt, "entered at");
    }
}
