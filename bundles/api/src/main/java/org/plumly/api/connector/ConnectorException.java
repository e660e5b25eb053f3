package org.plumly.api.connector;

import java.time.Duration;
import java.util.Objects;

/**
 * A source failed in a way that ends the run. The {@link Kind} tells the engine what to do next.
 *
 * <pre>{@code
 * if (response.statusCode() == 429) {
 *     throw ConnectorException.rateLimited("HubSpot rate limit", Duration.ofSeconds(retryAfter));
 * }
 * }</pre>
 */
public class ConnectorException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final Duration retryAfter;

    public ConnectorException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfter = retryAfter;
    }

    /** A network error, a timeout, a 5xx: retry with backoff. */
    public static ConnectorException transientFailure(String message, Throwable cause) {
        return new ConnectorException(Kind.TRANSIENT, message, null, cause);
    }

    /** The source asked to slow down: retry no earlier than {@code retryAfter}. */
    public static ConnectorException rateLimited(String message, Duration retryAfter) {
        return new ConnectorException(Kind.RATE_LIMITED, message, Objects.requireNonNull(retryAfter, "retry after"), null);
    }

    /** The grant was revoked or the credentials are refused: stop syncing until an admin authorizes again. */
    public static ConnectorException unauthorized(String message) {
        return new ConnectorException(Kind.UNAUTHORIZED, message, null, null);
    }

    /** The configuration cannot work (no such folder, unknown host): an admin must change it. */
    public static ConnectorException misconfigured(String message) {
        return new ConnectorException(Kind.MISCONFIGURED, message, null, null);
    }

    /**
     * The saved state cannot be read (garbage, or written by an incompatible version): the stream needs an
     * admin to reset it. Never guess a position from a state you do not understand.
     */
    public static ConnectorException invalidState(String message) {
        return new ConnectorException(Kind.INVALID_STATE, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** How long to wait before retrying, when the source said so; null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** What failed, and what follows for the integration. */
    public enum Kind {
        TRANSIENT, RATE_LIMITED, UNAUTHORIZED, MISCONFIGURED, INVALID_STATE
    }
}
