package org.plumly.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * When each stage of a deal was worked, for the meetings and mail that go with it. Derived from the history alone,
 * so the calendar and the mailboxes agree on it.
 */
final class DealTimeline {
    /** A stage and the time the deal spent in it. */
    record Episode(Stage stage, Instant from, Instant to) {
    }

    final List<Episode> episodes = new ArrayList<>();
    /** The last moment anyone works on the deal; for open deals that are alive, the start of today. */
    final Instant end;
    /** When the customer stops answering (going quiet); null when they never do. */
    final Instant quietFrom;

    DealTimeline(Opportunity deal, LocalDate today, ZoneId zone) {
        List<HistoryRow> entries = new ArrayList<>();
        for (HistoryRow row : deal.history()) {
            if (entries.isEmpty() || entries.get(entries.size() - 1).stage() != row.stage()) {
                entries.add(row);
            }
        }
        Instant startOfToday = today.atStartOfDay(zone).toInstant();
        Instant lastEntry = entries.get(entries.size() - 1).at();
        this.end = switch (deal.fate()) {
            case WON, LOST -> lastEntry;
            case STALLED -> min(lastEntry.plus(12, ChronoUnit.DAYS), startOfToday.minus(1, ChronoUnit.DAYS));
            default -> startOfToday;
        };
        this.quietFrom = deal.fate() == Fate.GOING_QUIET ? lastEntry.plus(3, ChronoUnit.DAYS) : null;
        for (int i = 0; i < entries.size(); i++) {
            HistoryRow row = entries.get(i);
            if (row.stage().isClosed()) {
                continue;
            }
            Instant to = i + 1 < entries.size() ? entries.get(i + 1).at() : end;
            episodes.add(new Episode(row.stage(), row.at(), to));
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
