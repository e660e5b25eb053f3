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
    public StreamState {
        Objects.requireNonNull(stream, "stream");
        cursor = Map.copyOf(cursor);
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
