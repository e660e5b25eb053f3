package org.plumly.web.internal;

import java.util.Objects;

/**
 * One of the hub's own bundles as health reports it.
 *
 * @param symbolicName the bundle's symbolic name, {@code org.plumly.…}
 * @param version the bundle's version
 * @param state {@code ACTIVE}, {@code RESOLVED}, …; only {@code ACTIVE} (or {@code RESOLVED} for a fragment) is healthy
 * @param fragment whether the bundle is a fragment, which never becomes active
 */
record PlumlyBundle(String symbolicName, String version, String state, boolean fragment) {
    PlumlyBundle {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
    }

    boolean healthy() {
        return "ACTIVE".equals(state) || (fragment && "RESOLVED".equals(state));
    }
}
