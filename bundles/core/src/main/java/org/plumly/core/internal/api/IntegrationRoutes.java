package org.plumly.core.internal.api;

import static org.plumly.core.internal.api.Replies.blocking;
import static org.plumly.core.internal.api.Replies.body;
import static org.plumly.core.internal.api.Replies.json;
import static org.plumly.core.internal.api.Replies.pageRequest;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.plumly.api.Integration;
import org.plumly.api.privacy.Caller;
import org.plumly.api.store.PageRequest;
import org.plumly.core.internal.connectors.ConnectorRegistry;
import org.plumly.core.internal.oauth.AuthorizationFlow;
import org.plumly.core.internal.integrations.IntegrationException;
import org.plumly.core.internal.integrations.IntegrationService;
import org.plumly.core.internal.integrations.NewIntegration;
import org.plumly.core.internal.sync.SyncEngine;
import org.plumly.web.routes.ApiRequest;
import org.plumly.web.routes.ApiRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connectors and integrations API under {@code /api/v1}: what connectors are installed, and a
 * company admin's integrations with their authorization, manual sync, run history and revocation.
 */
@Component(service = ApiRoutes.class, configurationPid = "org.plumly.integrations", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = IntegrationRoutes.Config.class)
public final class IntegrationRoutes implements ApiRoutes {

    @ObjectClassDefinition(name = "Plumly integrations API", description = "How admins authorize integrations")
    public @interface Config {
        @AttributeDefinition(description = "The hub's public base URL, such as https://plumly.acme.example; empty to take it "
                + "from each request. OAuth2 vendors redirect to <publicUrl>/api/v1/oauth2/callback")
        String publicUrl() default "";
    }

    static final String CALLBACK = "/oauth2/callback";
    static final String BROWSER_KEY_COOKIE = "plumly_oauth2";
    private static final Logger LOG = LoggerFactory.getLogger(IntegrationRoutes.class);

    private final ConnectorRegistry registry;
    private final IntegrationService integrations;
    private final SyncEngine engine;
    private final String publicUrl;

    @Activate
    public IntegrationRoutes(Config config, @Reference ConnectorRegistry registry, @Reference IntegrationService integrations,
            @Reference SyncEngine engine) {
        this.registry = registry;
        this.integrations = integrations;
        this.engine = engine;
        this.publicUrl = config.publicUrl().strip().replaceAll("/+$", "");
    }

    @Override
    public void addTo(Router router) {
        router.get("/connectors").handler(this::listConnectors);
        router.get("/integrations").handler(this::listIntegrations);
        router.post("/integrations").handler(this::createIntegration);
        router.get("/integrations/:id").handler(this::getIntegration);
        router.post("/integrations/:id/authorize").handler(this::authorize);
        router.post("/integrations/:id/oauth2/authorize").handler(this::startOAuth2);
        router.get(CALLBACK).handler(this::oauth2Callback);
        router.post("/integrations/:id/sync").handler(this::sync);
        router.post("/integrations/:id/revoke").handler(this::revoke);
        router.get("/integrations/:id/runs").handler(this::listRuns);
        router.get("/integrations/:id/runs/:run").handler(this::getRun);
    }

    @Override
    public Set<String> publicPaths() {
        return Set.of(CALLBACK);
    }

    private void listConnectors(RoutingContext context) {
        JsonArray items = new JsonArray();
        registry.all().forEach(installed -> items.add(Json.connector(installed)));
        json(context, 200, new JsonObject().put("items", items));
    }

    private void listIntegrations(RoutingContext context) {
        Caller caller = ApiRequest.caller(context);
        blocking(context, () -> integrations.list(caller), list -> {
            JsonArray items = new JsonArray();
            list.forEach(integration -> items.add(Json.integration(integration, null, syncing(integration))));
            json(context, 200, new JsonObject().put("items", items));
        });
    }

    private void createIntegration(RoutingContext context) {
        Caller caller = ApiRequest.caller(context);
        JsonObject body = body(context);
        if (body == null) {
            return;
        }
        Duration interval = body.getValue("syncIntervalMinutes") instanceof Number minutes
                ? Duration.ofMinutes(minutes.longValue()) : null;
        blocking(context, () -> integrations.create(caller, new NewIntegration(text(body, "id"), text(body, "connector"),
                strings(body.getValue("settings"), "settings"), strings(body.getValue("secrets"), "secrets"), interval)), created -> {
            context.response().putHeader("Location", "/api/v1/integrations/" + created.id());
            json(context, 201, Json.integration(created, null, false));
        });
    }

    private void getIntegration(RoutingContext context) {
        Caller caller = ApiRequest.caller(context);
        String id = context.pathParam("id");
        blocking(context, () -> Json.integration(integrations.get(caller, id), integrations.secretNames(caller, id),
                engine.isRunning(caller.tenant(), id)), json -> json(context, 200, json));
    }

    private void authorize(RoutingContext context) {
        Caller caller = ApiRequest.caller(context);
        JsonObject body = body(context);
        if (body == null) {
            return;
        }
        String id = context.pathParam("id");
        blocking(context, () -> integrations.authorize(caller, id, strings(body.getValue("secrets"), "secrets")),
                active -> json(context, 200, Json.integration(active, null, syncing(active))));
    }

    private void startOAuth2(RoutingContext context) {
        Caller caller = ApiRequest.caller(context);
        String id = context.pathParam("id");
        URI redirect = URI.create(baseUrl(context) + "/api/v1" + CALLBACK);
        blocking(context, () -> integrations.startAuthorization(caller, id, redirect), started -> {
            // Only this browser may finish the authorization: the callback checks the key against the state.
            context.response().addCookie(Cookie.cookie(BROWSER_KEY_COOKIE, started.browserKey())
                    .setPath("/api/v1" + CALLBACK).setHttpOnly(true).setSecure("https".equals(redirect.getScheme()))
                    .setSameSite(CookieSameSite.LAX).setMaxAge(AuthorizationFlow.PENDING_TTL.toSeconds()));
            json(context, 200, new JsonObject().put("authorizationUrl", started.authorizationUrl().toString()));
        });
    }

    /** Where the vendor sends the admin's browser back: answers a small page, not JSON. */
    private void oauth2Callback(RoutingContext context) {
        String state = context.queryParams().get("state");
        String code = context.queryParams().get("code");
        String error = context.queryParams().get("error");
        Cookie browserKey = context.request().getCookie(BROWSER_KEY_COOKIE);
        context.vertx().executeBlocking(() -> integrations.completeAuthorization(state, browserKey == null ? null : browserKey.getValue(),
                        code, error), false)
                .onSuccess(active -> page(context, 200, "Integration " + active.id() + " is authorized and syncing. You can close this window."))
                .onFailure(failure -> {
                    if (failure instanceof IntegrationException refused) {
                        page(context, refused.status(), "The authorization did not complete: " + refused.getMessage());
                    } else {
                        context.fail(failure);
                    }
                });
    }

    private void sync(RoutingContext context) {
        Caller caller = ApiRequest.caller(context);
        String id = context.pathParam("id");
        blocking(context, () -> integrations.sync(caller, id), triggered -> {
            if (triggered.runId().isPresent()) {
                json(context, 202, new JsonObject().put("run", triggered.runId().get()));
            } else {
                ApiRequest.problem(context, 409, "Conflict", triggered.reason());
            }
        });
    }

    private void revoke(RoutingContext context) {
        Caller caller = ApiRequest.caller(context);
        JsonObject body = body(context);
        if (body == null) {
            return;
        }
        String id = context.pathParam("id");
        boolean purge = Boolean.TRUE.equals(body.getBoolean("purgeData", false));
        blocking(context, () -> integrations.revoke(caller, id, purge), deleted -> json(context, 200,
                new JsonObject().put("id", id).put("status", Integration.Status.REVOKED.name())
                        .put("purged", new JsonObject(new HashMap<>(deleted)))));
    }

    private void listRuns(RoutingContext context) {
        Caller caller = ApiRequest.caller(context);
        String id = context.pathParam("id");
        PageRequest request = pageRequest(context);
        if (request == null) {
            return;
        }
        blocking(context, () -> integrations.runs(caller, id, request), page -> {
            JsonArray items = new JsonArray();
            page.items().forEach(run -> items.add(Json.run(run)));
            JsonObject json = new JsonObject().put("items", items);
            if (page.hasNext()) {
                json.put("nextCursor", page.nextCursor());
            }
            json(context, 200, json);
        });
    }

    private void getRun(RoutingContext context) {
        Caller caller = ApiRequest.caller(context);
        String id = context.pathParam("id");
        String run = context.pathParam("run");
        blocking(context, () -> integrations.run(caller, id, run), found -> found.ifPresentOrElse(
                r -> json(context, 200, Json.run(r)),
                () -> ApiRequest.problem(context, 404, "Not Found", "Integration " + id + " has no run " + run + ".")));
    }

    private boolean syncing(Integration integration) {
        return engine.isRunning(integration.tenant(), integration.id());
    }

    private String baseUrl(RoutingContext context) {
        return publicUrl.isEmpty() ? context.request().scheme() + "://" + context.request().authority() : publicUrl;
    }

    private static String text(JsonObject body, String key) {
        if (!(body.getValue(key) instanceof String value) || value.isBlank()) {
            throw IntegrationException.invalid("'" + key + "' is required");
        }
        return value.strip();
    }

    /** A JSON object of strings, such as settings; absent means none. */
    private static Map<String, String> strings(Object value, String what) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof JsonObject object)) {
            throw IntegrationException.invalid("'" + what + "' must be an object of strings");
        }
        Map<String, String> strings = new HashMap<>();
        for (Map.Entry<String, Object> entry : object) {
            if (!(entry.getValue() instanceof String text)) {
                throw IntegrationException.invalid("'" + what + "." + entry.getKey() + "' must be a string");
            }
            strings.put(entry.getKey(), text);
        }
        return strings;
    }

    private static void page(RoutingContext context, int status, String message) {
        String escaped = message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        context.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Content-Security-Policy", "default-src 'none'")
                .end("<!doctype html><title>Plumly</title><p>" + escaped + "</p>");
    }
}
