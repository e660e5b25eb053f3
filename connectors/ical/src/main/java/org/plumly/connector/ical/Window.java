package org.plumly.connector.ical;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time span recurrences are expanded in: from {@code windowPastDays} before now to the end of the UTC
 * day {@code windowFutureDays} after now. The end moves once a day, so runs within a day see the same
 * window and the state can tell when new instances came into it.
 *
 * @param from    the earliest instance start read
 * @param horizon the first instant after the window
 */
record Window(Instant from, Instant horizon) {

    static Window around(Instant now, Settings settings) {
        return new Window(now.minus(settings.windowPastDays(), ChronoUnit.DAYS),
                now.plus(settings.windowFutureDays() + 1L, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS));
    }

    boolean contains(Instant start) {
        return !start.isBefore(from) && start.isBefore(horizon);
    }
}
