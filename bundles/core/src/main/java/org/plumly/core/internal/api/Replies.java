package org.plumly.core.internal.api;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.plumly.api.store.InvalidCursorException;
import org.plumly.api.store.PageRequest;
import org.plumly.api.store.StoreUnavailableException;
import org.plumly.core.internal.integrations.IntegrationException;
import org.plumly.web.routes.ApiRequest;

/** How the bundle's routes read a request and answer: JSON, pages, and store work off the event loop. */
final class Replies {
    private static final int DEFAULT_PAGE = 20;

    private Replies() {
    }

    static PageRequest pageRequest(RoutingContext context) {
        try {
            String limit = context.queryParams().get("limit");
            return new PageRequest(limit == null ? DEFAULT_PAGE : Integer.parseInt(limit), context.queryParams().get("cursor"));
        } catch (IllegalArgumentException e) {
            ApiRequest.problem(context, 400, "Bad Request", "limit must be 1 to " + PageRequest.MAX_SIZE + ".");
            return null;
        }
    }

    static JsonObject body(RoutingContext context) {
        try {
            JsonObject body = context.body().isEmpty() ? new JsonObject() : context.body().asJsonObject();
            return body == null ? new JsonObject() : body;
        } catch (DecodeException | ClassCastException e) {
            ApiRequest.problem(context, 400, "Bad Request", "The body must be a JSON object.");
            return null;
        }
    }

    /** Runs store and connector work off the event loop, and turns its failures into problems. */
    static <T> void blocking(RoutingContext context, Callable<T> work, Consumer<T> respond) {
        context.vertx().executeBlocking(work, false).onSuccess(respond::accept).onFailure(failure -> {
            if (failure instanceof IntegrationException refused) {
                ApiRequest.problem(context, refused.status(), refused.title(), refused.getMessage());
            } else if (failure instanceof Refusal refused) {
                ApiRequest.problem(context, refused.status(), refused.title(), refused.getMessage());
            } else if (failure instanceof InvalidCursorException) {
                ApiRequest.problem(context, 400, "Bad Request", "The cursor is not valid for this list.");
            } else if (failure instanceof StoreUnavailableException) {
                ApiRequest.problem(context, 503, "Service Unavailable", "The store is unavailable; try again shortly.");
            } else {
                context.fail(failure);
            }
        });
    }

    static void json(RoutingContext context, int status, JsonObject body) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(body.encode());
    }
}
