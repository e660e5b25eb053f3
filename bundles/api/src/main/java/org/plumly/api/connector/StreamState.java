package org.plumly.api.connector;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where reading a stream stands: a few named values only the connector interprets (a modification
 * timestamp, an IMAP UIDVALIDITY and last UID, a CalDAV sync token). Immutable; {@link #with} makes
 * the next one.
 *
 * <pre>{@code
 * Instant since = state.find("modified").map(Instant::parse).orElse(Instant.EPOCH);
 * sink.checkpoint(state.with("modified", newest.toString()));
 * }</pre>
 */
public record StreamState(String stream, Map<String, String> cursor) {
    /** The most characters a state may hold, keys and values together: a cursor, not a copy of the source. */
    public static final int MAX_CHARS = 16_384;

    public StreamState {
        Objects.requireNonNull(stream, "stream");
        cursor = Map.copyOf(cursor);
        int chars = cursor.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
        if (chars > MAX_CHARS) {
            throw new IllegalArgumentException("state of stream " + stream + " holds " + chars
                    + " characters; at most " + MAX_CHARS + " are kept");
        }
    }

    /** The state of a stream never read. */
    public static StreamState initial(String stream) {
        return new StreamState(stream, Map.of());
    }

    public boolean isInitial() {
        return cursor.isEmpty();
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(cursor.get(key));
    }

    /** This state with one value set. */
    public StreamState with(String key, String value) {
        Map<String, String> next = new HashMap<>(cursor);
        next.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new StreamState(stream, next);
    }
}
