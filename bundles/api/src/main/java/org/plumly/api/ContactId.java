package org.plumly.api;

/**
 * Identifies a contact within its tenant. Ids of records that come from a source are stable across
 * syncs ({@link SourceRef#entityId()} builds them), so syncing the same source record again updates
 * it instead of adding a copy.
 *
 * @param value 1 to 256 characters, no spaces or control characters
 */
public record ContactId(String value) {
    public ContactId {
        Ids.check(value, "contact id");
    }

    public static ContactId of(String value) {
        return new ContactId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
