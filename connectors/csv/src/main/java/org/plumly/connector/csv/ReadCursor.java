package org.plumly.connector.csv;

import java.util.Map;
import java.util.Set;

import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.StreamState;

/**
 * Where the read of a stream stands: which version of its files ({@code source}: the settings and each
 * file's name, size and modification time), how many of their data rows are delivered, and whether that
 * was all of them. A stream whose files are as they were when it was last read in full is not read
 * again; one stopped half-way goes on from its row; one whose files changed is read again from the top.
 */
record ReadCursor(String source, long rowsDone, boolean complete) {
    private static final String SOURCE = "source";
    private static final String ROWS = "rows";
    private static final String COMPLETE = "complete";
    private static final Set<String> KEYS = Set.of(SOURCE, ROWS, COMPLETE);

    /** The cursor a state holds; null for the initial state. */
    static ReadCursor of(StreamState state) throws ConnectorException {
        if (state.isInitial()) {
            return null;
        }
        Map<String, String> cursor = state.cursor();
        if (!cursor.keySet().equals(KEYS)) {
            throw ConnectorException.invalidState("the state of stream " + state.stream() + " holds " + cursor.keySet()
                    + " instead of " + KEYS + "; reset the stream to read it again");
        }
        String source = cursor.get(SOURCE);
        String rows = cursor.get(ROWS);
        String complete = cursor.get(COMPLETE);
        if (!source.matches("[^\\p{Cntrl}]{1,8000}") || !rows.matches("\\d{1,18}")
                || !(complete.equals("true") || complete.equals("false"))) {
            throw ConnectorException.invalidState("the state of stream " + state.stream()
                    + " is not one this connector writes; reset the stream to read it again");
        }
        return new ReadCursor(source, Long.parseLong(rows), Boolean.parseBoolean(complete));
    }

    /** How many rows a read of files {@code source} has behind it already, by this cursor. */
    static long rowsDone(ReadCursor cursor, String source) {
        return cursor != null && cursor.source.equals(source) ? cursor.rowsDone : 0;
    }

    /** Whether files {@code source} were read in full by this cursor. */
    static boolean readInFull(ReadCursor cursor, String source) {
        return cursor != null && cursor.complete && cursor.source.equals(source);
    }

    StreamState state(String stream) {
        return new StreamState(stream, Map.of(SOURCE, source, ROWS, Long.toString(rowsDone), COMPLETE, Boolean.toString(complete)));
    }
}
