package org.plumly.api;

/**
 * Identifies a opportunity within its tenant. Ids of records that come from a source are stable across
 * syncs ({@link SourceRef#entityId()} builds them), so syncing the same source record again updates
 * it instead of adding a copy.
 *
 * @param value 1 to 256 characters, no spaces or control characters
 */
public record OpportunityId(String value) {
    public OpportunityId {
        Ids.check(value, "opportunity id");
    }

    public static OpportunityId of(String value) {
        return new OpportunityId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
