package org.plumly.connector.ical;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.StreamState;

/**
 * The state of the {@code events} stream, checked before it is used. Keys:
 * <ul>
 *   <li>{@code origin}: a hash of the source, address or file and username it was saved for; a state of
 *       another origin is no position in this one, and the read starts afresh;</li>
 *   <li>{@code horizon}: the end of the window recurrences were expanded in (an instant);</li>
 *   <li>feed: {@code etag}, {@code lastModified}, the validators of the last answer;</li>
 *   <li>file: {@code size}, {@code modified} (milliseconds) of the file last read;</li>
 *   <li>CalDAV: {@code syncToken}, where the next sync-collection starts; while a sync is under way,
 *       {@code target}, the token it ends at, and {@code after}, the last member href it delivered.</li>
 * </ul>
 * Anything else, or a value that does not parse, is refused: the stream needs a reset, never a guess.
 */
final class SavedState {
    static final String ORIGIN = "origin";
    static final String HORIZON = "horizon";
    static final String ETAG = "etag";
    static final String LAST_MODIFIED = "lastModified";
    static final String SIZE = "size";
    static final String MODIFIED = "modified";
    static final String SYNC_TOKEN = "syncToken";
    static final String TARGET = "target";
    static final String AFTER = "after";

    private static final int MAX_VALUE = 2_048;
    private static final Map<Settings.Source, Set<String>> KEYS = Map.of(
            Settings.Source.FEED, Set.of(ORIGIN, HORIZON, ETAG, LAST_MODIFIED),
            Settings.Source.FILE, Set.of(ORIGIN, HORIZON, SIZE, MODIFIED),
            Settings.Source.CALDAV, Set.of(ORIGIN, HORIZON, SYNC_TOKEN, TARGET, AFTER));

    private SavedState() {
    }

    /**
     * The saved state when it is a position in the configured source; empty when there is none (a first
     * run, or a state saved for another source).
     *
     * @throws ConnectorException {@link ConnectorException.Kind#INVALID_STATE} when the state is not one this connector wrote
     */
    static Optional<StreamState> usable(StreamState state, Settings settings) throws ConnectorException {
        if (state.isInitial()) {
            return Optional.empty();
        }
        Set<String> known = KEYS.get(settings.source());
        for (Map.Entry<String, String> entry : state.cursor().entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw ConnectorException.invalidState("the state of stream " + state.stream() + " holds a key this "
                        + settings.source().name().toLowerCase() + " calendar never writes: " + printable(entry.getKey()));
            }
            String value = entry.getValue();
            if (value.length() > MAX_VALUE || value.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
                throw ConnectorException.invalidState("the state of stream " + state.stream() + " holds an unreadable " + entry.getKey());
            }
        }
        String origin = state.find(ORIGIN).orElseThrow(() -> ConnectorException.invalidState(
                "the state of stream " + state.stream() + " does not say which calendar it belongs to"));
        if (!origin.matches("[0-9a-f]{32}")) {
            throw ConnectorException.invalidState("the state of stream " + state.stream() + " holds an unreadable origin");
        }
        horizon(state);
        number(state, SIZE);
        number(state, MODIFIED);
        if (state.find(AFTER).isPresent() != state.find(TARGET).isPresent()) {
            throw ConnectorException.invalidState("the state of stream " + state.stream() + " holds half of a sync under way");
        }
        return origin.equals(settings.origin()) ? Optional.of(state) : Optional.empty();
    }

    /** The state a read starts from: the usable saved one, or one that names only the origin. */
    static StreamState startingPoint(StreamState state, Settings settings) throws ConnectorException {
        return usable(state, settings).orElse(StreamState.initial(state.stream()).with(ORIGIN, settings.origin()));
    }

    static Optional<Instant> horizon(StreamState state) throws ConnectorException {
        Optional<String> value = state.find(HORIZON);
        try {
            return value.map(Instant::parse);
        } catch (DateTimeParseException garbage) {
            throw ConnectorException.invalidState("the horizon in the state of stream " + state.stream() + " is not an instant");
        }
    }

    static Optional<Long> number(StreamState state, String key) throws ConnectorException {
        Optional<String> value = state.find(key);
        try {
            return value.map(Long::parseLong);
        } catch (NumberFormatException garbage) {
            throw ConnectorException.invalidState("the " + key + " in the state of stream " + state.stream() + " is not a number");
        }
    }

    /** The state without the keys of a sync under way. */
    static StreamState settled(StreamState state, String syncToken, Instant horizon) {
        StreamState settled = StreamState.initial(state.stream()).with(ORIGIN, state.find(ORIGIN).orElseThrow())
                .with(HORIZON, horizon.toString());
        return syncToken.isEmpty() ? settled : settled.with(SYNC_TOKEN, syncToken);
    }

    private static String printable(String key) {
        return key.length() <= 40 && key.matches("[A-Za-z0-9_.-]+") ? key : "(unprintable)";
    }
}
