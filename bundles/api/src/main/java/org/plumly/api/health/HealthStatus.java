package org.plumly.api.health;

/** How well a dependency, or the hub as a whole, is doing. */
public enum HealthStatus {
    /** Working. */
    UP,
    /** Working with less than it should have: some features are unavailable or slow. */
    DEGRADED,
    /** Not working: the hub cannot do what depends on it. */
    DOWN
}
