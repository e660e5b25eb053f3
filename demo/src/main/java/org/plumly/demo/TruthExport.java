package org.plumly.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** truth.csv: which deal each message and meeting (occurrence) belongs to; the hub never reads it. */
final class TruthExport {
    private TruthExport() {
    }

    static List<List<String>> rows(List<Mail> mails, List<Meeting> meetings, ZonedDateTime horizon) {
        List<List<String>> rows = new ArrayList<>();
        for (Mail m : mails) {
            if (m.defect().isEmpty()) {
                rows.add(List.of("email", m.messageId(), m.opportunityId()));
            }
        }
        for (Meeting m : meetings) {
            if (m.recurrence() == null) {
                rows.add(List.of("meeting", m.uid(), m.opportunityId()));
            } else {
                for (ZonedDateTime start : m.occurrences(horizon)) {
                    rows.add(List.of("meeting", m.uid() + "/" + Icalendar.utc(start), m.opportunityId()));
                }
            }
        }
        return rows;
    }

    static void write(List<Mail> mails, List<Meeting> meetings, ZonedDateTime horizon, Path file) throws IOException {
        Csv.write(file, List.of("kind", "key", "opportunity"), rows(mails, meetings, horizon));
    }
}
