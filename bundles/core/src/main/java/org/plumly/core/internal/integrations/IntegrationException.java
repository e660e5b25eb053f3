package org.plumly.core.internal.integrations;

/** A request about an integration that cannot be done, with the HTTP status that says why. */
public final class IntegrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;

    IntegrationException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    static IntegrationException notFound(String id) {
        return new IntegrationException(404, "Not Found", "There is no integration " + id + ".");
    }

    static IntegrationException forbidden(String detail) {
        return new IntegrationException(403, "Forbidden", detail);
    }

    public static IntegrationException invalid(String detail) {
        return new IntegrationException(400, "Bad Request", detail);
    }

    static IntegrationException conflict(String detail) {
        return new IntegrationException(409, "Conflict", detail);
    }

    static IntegrationException refused(String detail) {
        return new IntegrationException(422, "Unprocessable Content", detail);
    }

    static IntegrationException unavailable(String detail) {
        return new IntegrationException(503, "Service Unavailable", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
