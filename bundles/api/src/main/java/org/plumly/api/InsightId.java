package org.plumly.api;

/**
 * Identifies a insight within its tenant. Ids of records that come from a source are stable across
 * syncs ({@link SourceRef#entityId()} builds them), so syncing the same source record again updates
 * it instead of adding a copy.
 *
 * @param value 1 to 256 characters, no spaces or control characters
 */
public record InsightId(String value) {
    public InsightId {
        Ids.check(value, "insight id");
    }

    public static InsightId of(String value) {
        return new InsightId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
