package org.plumly.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * truth.csv: which deal each message and meeting (occurrence) belongs to; tones.csv: the tone each customer
 * message was written in. The hub never reads them; tests and benchmarks compare the hub's answers with them.
 */
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

    /** Messages a customer wrote (not a rep), well-formed, with the tone their text was written in. */
    static void writeTones(List<Mail> mails, Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Mail m : mails) {
            if (m.defect().isEmpty() && !m.from().email().endsWith("@" + CrmGenerator.DOMAIN)) {
                rows.add(List.of(m.messageId(), m.tone().name()));
            }
        }
        Csv.write(file, List.of("message_id", "tone"), rows);
    }
}
