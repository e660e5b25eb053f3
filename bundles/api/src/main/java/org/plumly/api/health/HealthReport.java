package org.plumly.api.health;

import java.util.Objects;

/**
 * One dependency's state and a line for an operator.
 *
 * @param status the state
 * @param detail what an operator should know, such as {@code "3 nodes, keyspace plumly"}; never a credential
 */
public record HealthReport(HealthStatus status, String detail) {
    public HealthReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public static HealthReport up(String detail) {
        return new HealthReport(HealthStatus.UP, detail);
    }

    public static HealthReport degraded(String detail) {
        return new HealthReport(HealthStatus.DEGRADED, detail);
    }

    public static HealthReport down(String detail) {
        return new HealthReport(HealthStatus.DOWN, detail);
    }
}
