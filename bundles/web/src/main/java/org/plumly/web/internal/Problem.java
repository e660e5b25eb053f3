package org.plumly.web.internal;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * An RFC 9457 problem detail, the body of every error the API returns.
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title a short summary of the kind of problem, the same for every occurrence
 * @param status the HTTP status code
 * @param detail what went wrong this time, for a person; never a stack trace or personal data
 */
record Problem(String type, String title, int status, String detail) {
    static final String MEDIA_TYPE = "application/problem+json";

    Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has an error status, not " + status);
        }
    }

    static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail);
    }

    JsonObject toJson(String instance) {
        JsonObject json = new JsonObject().put("type", type).put("title", title).put("status", status);
        if (detail != null) {
            json.put("detail", detail);
        }
        if (instance != null) {
            json.put("instance", instance);
        }
        return json;
    }

    void send(HttpServerResponse response, String instance) {
        response.setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(toJson(instance).encode());
    }
}
