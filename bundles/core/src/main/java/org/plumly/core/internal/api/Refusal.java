package org.plumly.core.internal.api;

/** A request the API answers with a problem: the status, its title and what the caller should know. */
final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;

    private Refusal(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    static Refusal notFound(String detail) {
        return new Refusal(404, "Not Found", detail);
    }

    static Refusal forbidden(String detail) {
        return new Refusal(403, "Forbidden", detail);
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }
}
