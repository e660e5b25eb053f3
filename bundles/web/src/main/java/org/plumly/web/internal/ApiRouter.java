package org.plumly.web.internal;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.plumly.api.privacy.Caller;
import org.plumly.web.routes.ApiRequest;
import org.plumly.web.routes.ApiRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every route of the hub's HTTP API, declared in one place. {@code openapi.yaml} documents exactly
 * these routes, and a test holds the two together.
 */
final class ApiRouter {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
    static final String V1 = "/api/v1";
    private static final String BEARER = "Bearer ";
    private static final long MAX_BODY_BYTES = 1024 * 1024;

    private final Buffer openApiDocument;

    private ApiRouter(Buffer openApiDocument) {
        this.openApiDocument = openApiDocument;
    }

    static Router create(Vertx vertx, HealthEndpoint health, Buffer openApiDocument) {
        return create(vertx, health, openApiDocument, List.of(), token -> Optional.empty());
    }

    /**
     * The hub's router: its own routes, and under {@code /api/v1} the routes every {@link ApiRoutes}
     * service adds, behind bearer-token authentication except on the paths they declare public.
     */
    static Router create(Vertx vertx, HealthEndpoint health, Buffer openApiDocument, List<ApiRoutes> contributions,
            Function<String, Optional<Caller>> authenticate) {
        ApiRouter api = new ApiRouter(openApiDocument);
        Router router = Router.router(vertx);
        // First of all (vertx-web#2438: the router pauses each request, and a body handler behind other handlers
        // may never see its body); no file uploads, so nothing is written to the hub's working directory.
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        router.get("/api/health").handler(health::handle);
        router.get("/api/openapi.yaml").handler(api::openApi);
        if (!contributions.isEmpty()) {
            Router v1 = Router.router(vertx);
            Set<String> publicPaths = new HashSet<>();
            contributions.forEach(routes -> routes.publicPaths().forEach(path -> publicPaths.add(V1 + path)));
            v1.route().handler(context -> authenticate(context, publicPaths, authenticate));
            for (ApiRoutes routes : contributions) {
                routes.addTo(v1);
            }
            router.route(V1 + "/*").subRouter(v1);
        }
        router.route().failureHandler(ApiRouter::failure);
        router.errorHandler(404, ApiRouter::notFound);
        router.errorHandler(405, ApiRouter::methodNotAllowed);
        return router;
    }

    private static void authenticate(RoutingContext context, Set<String> publicPaths,
            Function<String, Optional<Caller>> authenticate) {
        if (publicPaths.contains(context.normalizedPath())) {
            context.next();
            return;
        }
        String authorization = context.request().getHeader("Authorization");
        String token = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : null;
        Optional<Caller> caller = token == null ? Optional.empty() : authenticate.apply(token);
        if (caller.isEmpty()) {
            context.response().putHeader("WWW-Authenticate", "Bearer realm=\"plumly\"");
            Problem.of(401, "Unauthorized", token == null ? "Sign in, or send an API token as 'Authorization: Bearer <token>'."
                    : "The API token is not valid.").send(context.response(), context.request().path());
            return;
        }
        context.put(ApiRequest.CALLER, caller.get());
        context.next();
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
