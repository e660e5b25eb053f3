package org.plumly.api;

/**
 * Identifies a activity within its tenant. Ids of records that come from a source are stable across
 * syncs ({@link SourceRef#entityId()} builds them), so syncing the same source record again updates
 * it instead of adding a copy.
 *
 * @param value 1 to 256 characters, no spaces or control characters
 */
public record ActivityId(String value) {
    public ActivityId {
        Ids.check(value, "activity id");
    }

    public static ActivityId of(String value) {
        return new ActivityId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
