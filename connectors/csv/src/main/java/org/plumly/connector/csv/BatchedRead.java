package org.plumly.connector.csv;

import org.plumly.api.SourcedRecord;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.RecordSink;

/**
 * Reads a file into a stream batch by batch: a checkpoint every {@value #BATCH} rows, after which it
 * returns if a stop is requested. Only the current batch is in the sink's hands, never the whole file.
 * A row that makes no record is rejected with its location and the other rows go on.
 */
final class BatchedRead {
    static final int BATCH = 500;

    private BatchedRead() {
    }

    /** What a row becomes: a record, or null when it holds none for this stream (a user without a manager). */
    @FunctionalInterface
    interface Mapping {
        SourcedRecord map(Row row) throws BadRow;
    }

    /**
     * Reads {@code file} from the row after the first {@code rowsDone}, through {@code join} (which may
     * look ahead to join another file), and ends with a checkpoint that marks files {@code source} read in full.
     */
    static void read(CsvFile file, String stream, String source, long rowsDone, Join join, Mapping mapping, RecordSink sink)
            throws ConnectorException {
        long done = 0;
        while (done < rowsDone && file.next() != null) {
            done++;
        }
        RowSource rows = join.rows(file::next);
        int inBatch = 0;
        for (Row row; (row = next(rows, stream, source, done, sink)) != null; ) {
            done++;
            if (!row.blank()) {
                emit(row, mapping, sink);
            }
            if (++inBatch == BATCH) {
                sink.checkpoint(new ReadCursor(source, done, false).state(stream));
                inBatch = 0;
                if (sink.stopRequested()) {
                    return;
                }
            }
        }
        sink.checkpoint(new ReadCursor(source, done, true).state(stream));
    }

    /** The next row; when the file fails (a broken quote), the rows before it are delivered first. */
    private static Row next(RowSource rows, String stream, String source, long done, RecordSink sink) throws ConnectorException {
        try {
            return rows.next();
        } catch (ConnectorException failed) {
            sink.checkpoint(new ReadCursor(source, done, false).state(stream));
            throw failed;
        }
    }

    private static void emit(Row row, Mapping mapping, RecordSink sink) {
        try {
            row.requireShape();
            SourcedRecord record = mapping.map(row);
            if (record != null) {
                sink.emit(record);
            }
        } catch (BadRow bad) {
            sink.reject(row.location(), bad.reason());
        } catch (IllegalArgumentException invalid) {
            // a record's own check (an id over 256 characters); its message may quote a value, so it is not passed on
            sink.reject(row.location(), "the values of the row make no valid record");
        }
    }

    /** Reads the rows of a file alongside another, such as opportunities with their stage history. */
    @FunctionalInterface
    interface Join {
        Join NONE = rows -> rows;

        RowSource rows(RowSource rows);
    }
}
