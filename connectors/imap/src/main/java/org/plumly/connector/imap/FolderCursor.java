package org.plumly.connector.imap;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.StreamState;

/**
 * Where reading a folder stands: its UIDVALIDITY, the last UID delivered and, on a CONDSTORE server, the
 * folder's HIGHESTMODSEQ when that UID was reached (0 when unknown).
 */
record FolderCursor(long uidValidity, long lastUid, long highestModSeq) {
    static final String UID_VALIDITY = "uidvalidity";
    static final String LAST_UID = "uid";
    static final String HIGHEST_MODSEQ = "modseq";
    private static final Set<String> KEYS = Set.of(UID_VALIDITY, LAST_UID, HIGHEST_MODSEQ);

    static final FolderCursor START = new FolderCursor(0, 0, 0);

    /** The cursor a state holds; {@link ConnectorException.Kind#INVALID_STATE} for one this connector never wrote. */
    static FolderCursor of(StreamState state) throws ConnectorException {
        if (state.isInitial()) {
            return START;
        }
        if (!KEYS.containsAll(state.cursor().keySet()) || state.find(UID_VALIDITY).isEmpty() || state.find(LAST_UID).isEmpty()) {
            throw ConnectorException.invalidState("the state of stream " + state.stream() + " is not an IMAP cursor (keys "
                    + state.cursor().keySet() + ")");
        }
        long validity = number(state, UID_VALIDITY);
        if (validity == 0) {
            throw ConnectorException.invalidState(UID_VALIDITY + " of stream " + state.stream() + " is 0");
        }
        return new FolderCursor(validity, number(state, LAST_UID), state.find(HIGHEST_MODSEQ).isPresent() ? number(state, HIGHEST_MODSEQ) : 0);
    }

    /** The state of {@code stream} that holds this cursor. */
    StreamState state(String stream) {
        Map<String, String> cursor = new HashMap<>();
        cursor.put(UID_VALIDITY, Long.toString(uidValidity));
        cursor.put(LAST_UID, Long.toString(lastUid));
        if (highestModSeq > 0) {
            cursor.put(HIGHEST_MODSEQ, Long.toString(highestModSeq));
        }
        return new StreamState(stream, cursor);
    }

    FolderCursor at(long uid) {
        return new FolderCursor(uidValidity, uid, highestModSeq);
    }

    private static long number(StreamState state, String key) throws ConnectorException {
        String value = state.find(key).orElseThrow();
        // UIDs, UIDVALIDITY and mod-sequences are unsigned numbers: at most 20 digits, no sign
        if (!value.matches("[0-9]{1,20}")) {
            throw ConnectorException.invalidState(key + " of stream " + state.stream() + " is not a number");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException tooLarge) {
            throw ConnectorException.invalidState(key + " of stream " + state.stream() + " is out of range");
        }
    }
}
