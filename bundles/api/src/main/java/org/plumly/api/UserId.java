package org.plumly.api;

/**
 * Identifies a user within its tenant. Ids of records that come from a source are stable across
 * syncs ({@link SourceRef#entityId()} builds them), so syncing the same source record again updates
 * it instead of adding a copy.
 *
 * @param value 1 to 256 characters, no spaces or control characters
 */
public record UserId(String value) {
    public UserId {
        Ids.check(value, "user id");
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
