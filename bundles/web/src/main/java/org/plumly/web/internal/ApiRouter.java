package org.plumly.web.internal;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every route of the hub's HTTP API, declared in one place. {@code openapi.yaml} documents exactly
 * these routes, and a test holds the two together.
 */
final class ApiRouter {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);

    private final Buffer openApiDocument;

    private ApiRouter(Buffer openApiDocument) {
        this.openApiDocument = openApiDocument;
    }

    static Router create(Vertx vertx, HealthEndpoint health, Buffer openApiDocument) {
        ApiRouter api = new ApiRouter(openApiDocument);
        Router router = Router.router(vertx);
        router.get("/api/health").handler(health::handle);
        router.get("/api/openapi.yaml").handler(api::openApi);
        router.route().failureHandler(ApiRouter::failure);
        router.errorHandler(404, ApiRouter::notFound);
        router.errorHandler(405, ApiRouter::methodNotAllowed);
        return router;
    }

    private void openApi(RoutingContext context) {
        context.response().putHeader("Content-Type", "application/yaml").end(openApiDocument);
    }

    private static void notFound(RoutingContext context) {
        Problem.of(404, "Not Found", "There is nothing at " + context.normalizedPath() + ".")
                .send(context.response(), context.request().path());
    }

    private static void methodNotAllowed(RoutingContext context) {
        Problem.of(405, "Method Not Allowed",
                        context.request().method() + " is not allowed on " + context.normalizedPath() + ".")
                .send(context.response(), context.request().path());
    }

    private static void failure(RoutingContext context) {
        if (context.response().headWritten()) {
            context.response().reset();
            return;
        }
        Throwable failure = context.failure();
        if (failure instanceof HttpException http && http.getStatusCode() < 500) {
            Problem.of(http.getStatusCode(), http.getMessage(), http.getPayload())
                    .send(context.response(), context.request().path());
            return;
        }
        int status = context.statusCode() >= 400 ? context.statusCode() : 500;
        if (status >= 500) {
            // The log keeps the cause; the caller gets an id to quote, never a stack trace.
            String errorId = UUID.randomUUID().toString();
            LOG.error("Request {} {} failed, error id {}", context.request().method(), context.normalizedPath(), errorId, failure);
            Problem.of(status, "Internal Server Error", "The hub could not answer; quote error id " + errorId + " to its operator.")
                    .send(context.response(), context.request().path());
        } else {
            Problem.of(status, new HttpException(status).getMessage(), null)
                    .send(context.response(), context.request().path());
        }
    }
}
