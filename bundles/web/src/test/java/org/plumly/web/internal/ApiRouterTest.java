package org.plumly.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.health.HealthIndicator;
import org.plumly.api.health.HealthReport;
import org.plumly.api.privacy.Caller;
import org.plumly.api.privacy.Role;
import org.plumly.web.routes.ApiRequest;
import org.plumly.web.routes.ApiRoutes;

@ExtendWith(VertxExtension.class)
class ApiRouterTest {

    private final List<PlumlyBundle> bundles = new CopyOnWriteArrayList<>();
    private final List<HealthIndicator> indicators = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private HttpServer server;
    private HttpClient client;
    private volatile Router router;

    @BeforeEach
    void startServer(Vertx vertx) throws Exception {
        this.vertx = vertx;
        router = ApiRouter.create(vertx, health(), WebServer.openApiDocument());
        server = vertx.createHttpServer().requestHandler(request -> router.handle(request))
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        // One connection per request: the Vert.x 5 client, reusing a kept-alive connection, now and then never
        // sees the next response here; java.net.http clients (the Pax Exam tests) reuse connections without fault.
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    }

    private HealthEndpoint health() {
        Supplier<List<PlumlyBundle>> bundleSupplier = () -> List.copyOf(bundles);
        return new HealthEndpoint(vertx, "1.2.3", bundleSupplier, () -> List.copyOf(indicators));
    }

    private void swapRouter(Router next) {
        router = next;
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void healthReportsVersionBundlesAndDependencies() throws Exception {
        bundles.add(new PlumlyBundle("org.plumly.api", "0.1.0", "ACTIVE", false));
        indicators.add(indicator("store", () -> HealthReport.up("3 nodes")));

        Reply reply = call(HttpMethod.GET, "/api/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/json");
        JsonObject body = reply.json();
        assertThat(body.getString("status")).isEqualTo("UP");
        assertThat(body.getString("version")).isEqualTo("1.2.3");
        assertThat(body.getJsonArray("bundles").getJsonObject(0).getString("name")).isEqualTo("org.plumly.api");
        assertThat(body.getJsonObject("dependencies").getJsonObject("store").getString("detail")).isEqualTo("3 nodes");
    }

    @Test
    void healthIsServiceUnavailableWhenADependencyIsDown() throws Exception {
        indicators.add(indicator("store", () -> HealthReport.up("fine")));
        indicators.add(indicator("mail", () -> HealthReport.down("unreachable")));

        Reply reply = call(HttpMethod.GET, "/api/health");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().getString("status")).isEqualTo("DOWN");
    }

    @Test
    void aBundleThatIsNotActiveDegradesHealth() throws Exception {
        bundles.add(new PlumlyBundle("org.plumly.web", "0.1.0", "ACTIVE", false));
        bundles.add(new PlumlyBundle("org.plumly.connector.csv", "0.1.0", "RESOLVED", false));

        Reply reply = call(HttpMethod.GET, "/api/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getString("status")).isEqualTo("DEGRADED");
    }

    @Test
    void aHealthCheckThatThrowsIsReportedDownWithoutItsMessage() throws Exception {
        indicators.add(indicator("store", () -> {
            throw new IllegalStateException("password=hunter2");
        }));

        Reply reply = call(HttpMethod.GET, "/api/health");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().getJsonObject("dependencies").getJsonObject("store").getString("detail"))
                .isEqualTo("check failed: IllegalStateException");
        assertThat(reply.body()).doesNotContain("hunter2");
    }

    @Test
    void healthChecksRunOffTheEventLoop() throws Exception {
        List<Boolean> onEventLoop = new CopyOnWriteArrayList<>();
        indicators.add(indicator("store", () -> {
            onEventLoop.add(Context.isOnEventLoopThread());
            return HealthReport.up("fine");
        }));

        call(HttpMethod.GET, "/api/health");

        assertThat(onEventLoop).containsExactly(false);
    }

    @Test
    void openApiDocumentIsServedAsYaml() throws Exception {
        Reply reply = call(HttpMethod.GET, "/api/openapi.yaml");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/yaml");
        assertThat(reply.body()).startsWith("openapi: 3.1.0");
    }

    @Test
    void unknownPathAnswersNotFoundAsProblemJson() throws Exception {
        Reply reply = call(HttpMethod.GET, "/api/v1/nothing-here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getInteger("status")).isEqualTo(404);
        assertThat(problem.getString("title")).isEqualTo("Not Found");
        assertThat(problem.getString("instance")).isEqualTo("/api/v1/nothing-here");
    }

    @Test
    void wrongMethodAnswersMethodNotAllowedAsProblemJson() throws Exception {
        Reply reply = call(HttpMethod.DELETE, "/api/health");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.json().getString("title")).isEqualTo("Method Not Allowed");
    }

    @Test
    void aFailingHandlerAnswersAProblemWithAnErrorIdAndNoInternals() throws Exception {
        router.get("/api/explode").handler(context -> {
            throw new IllegalStateException("internal secret detail");
        });

        Reply reply = call(HttpMethod.GET, "/api/explode");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.json().getString("detail")).contains("error id");
        assertThat(reply.body()).doesNotContain("internal secret detail").doesNotContain("IllegalStateException");
    }

    @Test
    void contributedRoutesAnswerOnlyAnAuthenticatedCaller() throws Exception {
        useContribution();

        Reply anonymous = call(HttpMethod.GET, "/api/v1/whoami", null);
        Reply wrongToken = call(HttpMethod.GET, "/api/v1/whoami", "plm_wrong");
        Reply signedIn = call(HttpMethod.GET, "/api/v1/whoami", "plm_good");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).isEqualTo("application/problem+json");
        assertThat(anonymous.json().getString("detail")).contains("Bearer");
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.body()).isEqualTo("acme/admin-1");
    }

    @Test
    void aPublicPathOfAContributionAnswersWithoutACaller() throws Exception {
        useContribution();

        Reply callback = call(HttpMethod.GET, "/api/v1/callback", null);

        assertThat(callback.status()).isEqualTo(200);
        assertThat(callback.body()).isEqualTo("no caller");
    }

    @Test
    void aRouteOfAContributionIsGoneWithTheContribution() throws Exception {
        useContribution();
        assertThat(call(HttpMethod.GET, "/api/v1/whoami", "plm_good").status()).isEqualTo(200);

        swapRouter(ApiRouter.create(vertx, health(), WebServer.openApiDocument(), List.of(), token -> Optional.empty()));

        assertThat(call(HttpMethod.GET, "/api/v1/whoami", "plm_good").status()).isEqualTo(404);
    }

    private void useContribution() {
        ApiRoutes routes = new ApiRoutes() {
            @Override
            public void addTo(Router v1) {
                v1.get("/whoami").handler(context -> {
                    Caller caller = ApiRequest.caller(context);
                    context.end(caller.tenant().value() + "/" + caller.user().value());
                });
                v1.get("/callback").handler(context -> context.end(context.get(ApiRequest.CALLER) == null ? "no caller" : "caller"));
            }

            @Override
            public Set<String> publicPaths() {
                return Set.of("/callback");
            }
        };
        Caller admin = new Caller(TenantId.of("acme"), UserId.of("admin-1"), Set.of(Role.COMPANY_ADMIN));
        swapRouter(ApiRouter.create(vertx, health(), WebServer.openApiDocument(), List.of(routes),
                token -> "plm_good".equals(token) ? Optional.of(admin) : Optional.empty()));
    }

    private static HealthIndicator indicator(String name, Supplier<HealthReport> check) {
        return new HealthIndicator() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public HealthReport check() {
                return check.get();
            }
        };
    }

    private Reply call(HttpMethod method, String path) throws Exception {
        return call(method, path, null);
    }

    private Reply call(HttpMethod method, String path, String token) throws Exception {
        return client.request(method, server.actualPort(), "127.0.0.1", path)
                .compose(request -> {
                    if (token != null) {
                        request.putHeader("Authorization", "Bearer " + token);
                    }
                    return request.send();
                })
                .compose(response -> response.body().map(body -> new Reply(response, body)))
                .await(10, TimeUnit.SECONDS);
    }

    private record Reply(int status, String contentType, String body) {
        Reply(HttpClientResponse response, Buffer body) {
            this(response.statusCode(), response.getHeader("Content-Type"), body.toString());
        }

        JsonObject json() {
            return new JsonObject(body);
        }
    }
}
