package org.plumly.core.internal.api;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.plumly.api.privacy.Caller;
import org.plumly.web.routes.ApiRequest;
import org.plumly.web.routes.ApiRoutes;

/**
 * A bundle's routes served on a free port under {@code /api/v1}, the caller set as the web bundle's
 * authentication sets it: from a header naming one of the test's callers.
 */
final class RoutesOverHttp implements AutoCloseable {
    private final HttpServer server;
    private final HttpClient client;

    RoutesOverHttp(Vertx vertx, Map<String, Caller> callers, ApiRoutes... routes) throws Exception {
        Router v1 = Router.router(vertx);
        v1.route().handler(context -> {
            String name = context.request().getHeader("X-Test-Caller");
            Caller caller = name == null ? null : callers.get(name);
            if (caller != null) {
                context.put(ApiRequest.CALLER, caller);
            }
            context.next();
        });
        v1.route().handler(BodyHandler.create());
        for (ApiRoutes route : routes) {
            route.addTo(v1);
        }
        Router root = Router.router(vertx);
        root.route("/api/v1/*").subRouter(v1);
        server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        // One connection per request: the Vert.x 5 client, reusing a kept-alive connection, now and then never
        // sees the next response here; java.net.http clients (the Pax Exam tests) reuse connections without fault.
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    }

    /** A request as the named caller (null: none), with a JSON object or raw text body, or none. */
    Reply call(String caller, HttpMethod method, String path, Object body) throws Exception {
        return client.request(method, server.actualPort(), "127.0.0.1", path)
                .compose(request -> {
                    if (caller != null) {
                        request.putHeader("X-Test-Caller", caller);
                    }
                    if (body == null) {
                        return request.send();
                    }
                    request.putHeader("Content-Type", "application/json");
                    return request.send(body instanceof JsonObject json ? json.toBuffer() : Buffer.buffer(body.toString()));
                })
                .compose(response -> response.body().map(buffer -> new Reply(response, buffer)))
                .await(30, TimeUnit.SECONDS);
    }

    Reply get(String caller, String path) throws Exception {
        return call(caller, HttpMethod.GET, path, null);
    }

    @Override
    public void close() throws Exception {
        server.close().await(10, TimeUnit.SECONDS);
    }

    record Reply(int status, String contentType, String location, String setCookie, String body) {
        Reply(HttpClientResponse response, Buffer body) {
            this(response.statusCode(), response.getHeader("Content-Type"), response.getHeader("Location"),
                    response.getHeader("Set-Cookie"), body.toString());
        }

        JsonObject json() {
            return new JsonObject(body);
        }
    }
}
