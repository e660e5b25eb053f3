package org.plumly.connector.csv;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.plumly.api.StageChange;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.RecordSink;

/** The stages an opportunity went through, oldest first or not (the record sorts them). */
interface StageHistory extends BatchedRead.Join {

    List<StageChange> of(Row opportunity, String rowId) throws BadRow;

    /** The history of the export's layout: a file of its own, or columns of the opportunities file. */
    static StageHistory of(Export export, CsvFile opportunities, RecordSink sink) {
        return export.settings().layout().historyFile() ? new HistoryFile(export, sink, HistoryFile.CHUNK)
                : new DateEnteredColumns(opportunities);
    }

    /**
     * Salesforce's {@code OpportunityHistory.csv}, a row per stage entered or close date changed, joined
     * by opportunity id as a hash join in chunks: the opportunities file is read {@value #CHUNK} rows
     * ahead, and the history file scanned once per chunk for their rows only. Memory stays bounded by
     * the chunk (some 15 MB of rows and their history), whatever the size of the export: 100,000
     * opportunities take five scans of the history. Neither file needs to be sorted.
     */
    final class HistoryFile implements StageHistory {
        static final int CHUNK = 20_000;

        private final Export export;
        private final RecordSink sink;
        private final int chunk;
        private final Map<String, List<StageChange>> changes = new HashMap<>();
        private boolean firstScan = true;

        HistoryFile(Export export, RecordSink sink, int chunk) {
            this.export = export;
            this.sink = sink;
            this.chunk = chunk;
        }

        @Override
        public RowSource rows(RowSource opportunities) {
            Deque<Row> ahead = new ArrayDeque<>();
            ConnectorException[] failedAhead = {null};
            return () -> {
                if (ahead.isEmpty() && failedAhead[0] == null) {
                    try {
                        for (Row row; ahead.size() < chunk && (row = opportunities.next()) != null; ) {
                            ahead.add(row);
                        }
                    } catch (ConnectorException failed) {
                        failedAhead[0] = failed; // the rows before the one that failed come first
                    }
                    if (!ahead.isEmpty()) {
                        load(ahead);
                    }
                }
                if (ahead.isEmpty() && failedAhead[0] != null) {
                    throw failedAhead[0];
                }
                return ahead.poll();
            };
        }

        @Override
        public List<StageChange> of(Row opportunity, String rowId) {
            return changes.getOrDefault(rowId, List.of());
        }

        private void load(Deque<Row> chunk) throws ConnectorException {
            Set<String> ids = new HashSet<>();
            chunk.stream().map(row -> row.text(Field.OPPORTUNITY_ID)).filter(Objects::nonNull).forEach(ids::add);
            changes.clear();
            try (CsvFile history = export.open(Source.OPPORTUNITY_HISTORY)) {
                for (Row row = history.next(); row != null; row = history.next()) {
                    if (!row.blank()) {
                        add(row, ids);
                    }
                }
            }
            firstScan = false;
        }

        private void add(Row row, Set<String> ids) {
            try {
                row.requireShape();
                String opportunity = row.required(Field.HISTORY_OPPORTUNITY);
                if (ids.contains(opportunity)) {
                    StageChange change = new StageChange(row.required(Field.HISTORY_STAGE), row.requiredInstant(Field.HISTORY_CREATED),
                            row.date(Field.HISTORY_CLOSE_DATE));
                    changes.computeIfAbsent(opportunity, id -> new ArrayList<>(8)).add(change);
                }
            } catch (BadRow bad) {
                // a row of an opportunity in this chunk is reported in this chunk; one without a readable id, once
                if (firstScan || ids.contains(row.text(Field.HISTORY_OPPORTUNITY))) {
                    sink.reject(row.location(), bad.reason());
                }
            }
        }
    }

    /**
     * HubSpot's {@code Date entered "<stage> (<pipeline>)"} columns of the deals file: a stage change
     * for each such cell that holds a date. The close date each stage had is not in the export.
     */
    final class DateEnteredColumns implements StageHistory {
        private static final Pattern DATE_ENTERED = Pattern.compile("(?i)date entered \"(.+?)(?: \\([^()]*\\))?\"");

        private final List<String> stages = new ArrayList<>();
        private final List<Integer> indexes = new ArrayList<>();
        private final List<String> headers = new ArrayList<>();

        DateEnteredColumns(CsvFile deals) {
            List<String> all = deals.headers();
            for (int i = 0; i < all.size(); i++) {
                Matcher column = DATE_ENTERED.matcher(all.get(i));
                if (column.matches()) {
                    stages.add(column.group(1));
                    indexes.add(i);
                    headers.add(all.get(i));
                }
            }
        }

        @Override
        public RowSource rows(RowSource opportunities) {
            return opportunities;
        }

        @Override
        public List<StageChange> of(Row opportunity, String rowId) throws BadRow {
            List<StageChange> changes = new ArrayList<>();
            for (int i = 0; i < indexes.size(); i++) {
                Instant entered = opportunity.instant(indexes.get(i), headers.get(i));
                if (entered != null) {
                    changes.add(new StageChange(stages.get(i), entered, null));
                }
            }
            return changes;
        }
    }
}
