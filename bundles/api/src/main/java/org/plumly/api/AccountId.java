package org.plumly.api;

/**
 * Identifies a account within its tenant. Ids of records that come from a source are stable across
 * syncs ({@link SourceRef#entityId()} builds them), so syncing the same source record again updates
 * it instead of adding a copy.
 *
 * @param value 1 to 256 characters, no spaces or control characters
 */
public record AccountId(String value) {
    public AccountId {
        Ids.check(value, "account id");
    }

    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
