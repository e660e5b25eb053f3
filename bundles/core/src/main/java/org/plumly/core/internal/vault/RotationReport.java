package org.plumly.core.internal.vault;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link KeyRotation} did. The old keys may leave the configuration only when it is
 * {@link #complete()}.
 *
 * @param primary      the key everything was re-sealed under
 * @param tenants      tenants walked
 * @param integrations integrations walked
 * @param resealed     secrets re-sealed under the primary key
 * @param current      secrets that were sealed under it already
 * @param failures     secrets that could not be re-sealed, as {@code tenant/integration/name: reason}; never a value
 */
public record RotationReport(String primary, int tenants, int integrations, int resealed, int current,
                             List<String> failures) {
    public RotationReport {
        Objects.requireNonNull(primary, "primary");
        failures = List.copyOf(failures);
    }

    /** Whether every stored secret is now sealed under the primary key. */
    public boolean complete() {
        return failures.isEmpty();
    }
}
