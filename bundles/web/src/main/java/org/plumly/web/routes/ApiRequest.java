package org.plumly.web.routes;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import org.plumly.api.privacy.Caller;

/**
 * What a route handler needs from the request beyond Vert.x: the authenticated caller, and the API's
 * error format (RFC 9457 problem details).
 *
 * <pre>{@code
 * Caller caller = ApiRequest.caller(context);
 * if (!caller.has(Role.COMPANY_ADMIN)) {
 *     ApiRequest.problem(context, 403, "Forbidden", "Only a company admin manages integrations.");
 *     return;
 * }
 * }</pre>
 */
public final class ApiRequest {
    /** The key of the caller in the routing context's data. */
    public static final String CALLER = "plumly.caller";
    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    private ApiRequest() {
    }

    /** The caller the web bundle authenticated; an {@link IllegalStateException} on a public path. */
    public static Caller caller(RoutingContext context) {
        Caller caller = context.get(CALLER);
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller on " + context.normalizedPath());
        }
        return caller;
    }

    /**
     * Ends the request with a problem.
     *
     * @param detail what went wrong this time, for a person; never a stack trace, a secret or personal data
     */
    public static void problem(RoutingContext context, int status, String title, String detail) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has an error status, not " + status);
        }
        JsonObject body = new JsonObject().put("type", "about:blank").put("title", Objects.requireNonNull(title, "title"))
                .put("status", status).put("instance", context.request().path());
        if (detail != null) {
            body.put("detail", detail);
        }
        context.response().setStatusCode(status).putHeader("Content-Type", PROBLEM_MEDIA_TYPE).end(body.encode());
    }
}
