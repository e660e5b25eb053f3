package org.plumly.api.connector;

import java.util.Objects;

/**
 * The answer of {@link Connector#check}: ok, or a reason an admin can act on.
 *
 * @param passed whether the configuration works
 * @param reason why it failed, such as {@code "the server refused the password for dana@acme.example"}; empty when ok
 */
public record CheckResult(boolean passed, String reason) {
    public CheckResult {
        Objects.requireNonNull(reason, "reason");
        if (!passed && reason.isBlank()) {
            throw new IllegalArgumentException("a failed check needs a reason");
        }
    }

    public static CheckResult ok() {
        return new CheckResult(true, "");
    }

    public static CheckResult failed(String reason) {
        return new CheckResult(false, reason);
    }
}
