package org.plumly.web.internal;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.plumly.api.health.HealthIndicator;
import org.plumly.api.health.HealthReport;
import org.plumly.api.health.HealthStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/health}: the hub's version, the state of its own bundles and of every dependency that
 * registered a {@link HealthIndicator}. Answers 503 when a dependency is down, so that load balancers and
 * the launcher can tell.
 */
final class HealthEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(HealthEndpoint.class);

    private final Vertx vertx;
    private final String version;
    private final Supplier<List<PlumlyBundle>> bundles;
    private final Supplier<List<HealthIndicator>> indicators;

    HealthEndpoint(Vertx vertx, String version, Supplier<List<PlumlyBundle>> bundles,
            Supplier<List<HealthIndicator>> indicators) {
        this.vertx = vertx;
        this.version = version;
        this.bundles = bundles;
        this.indicators = indicators;
    }

    void handle(RoutingContext context) {
        List<PlumlyBundle> bundleStates = bundles.get();
        List<HealthIndicator> checks = indicators.get();
        // Indicators may talk to a database: never on the event loop.
        vertx.executeBlocking(() -> runChecks(checks), false)
                .onSuccess(reports -> respond(context, bundleStates, reports))
                .onFailure(context::fail);
    }

    private static Map<String, HealthReport> runChecks(List<HealthIndicator> checks) {
        Map<String, HealthReport> reports = new LinkedHashMap<>();
        for (HealthIndicator indicator : checks) {
            reports.put(indicator.name(), checkSafely(indicator));
        }
        return reports;
    }

    private static HealthReport checkSafely(HealthIndicator indicator) {
        try {
            return indicator.check();
        } catch (RuntimeException e) {
            LOG.warn("Health check {} failed", indicator.name(), e);
            return HealthReport.down("check failed: " + e.getClass().getSimpleName());
        }
    }

    private void respond(RoutingContext context, List<PlumlyBundle> bundleStates, Map<String, HealthReport> reports) {
        HealthStatus status = overall(bundleStates, reports);
        JsonArray bundleJson = new JsonArray();
        bundleStates.forEach(b -> bundleJson.add(new JsonObject()
                .put("name", b.symbolicName()).put("version", b.version()).put("state", b.state())));
        JsonObject dependencies = new JsonObject();
        reports.forEach((name, report) -> dependencies.put(name, new JsonObject()
                .put("status", report.status().name()).put("detail", report.detail())));
        JsonObject body = new JsonObject()
                .put("status", status.name())
                .put("version", version)
                .put("bundles", bundleJson)
                .put("dependencies", dependencies);
        context.response()
                .setStatusCode(status == HealthStatus.DOWN ? 503 : 200)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }

    /** Down when a dependency is down; degraded when a dependency is degraded or one of our bundles is not running. */
    static HealthStatus overall(List<PlumlyBundle> bundleStates, Map<String, HealthReport> reports) {
        if (reports.values().stream().anyMatch(r -> r.status() == HealthStatus.DOWN)) {
            return HealthStatus.DOWN;
        }
        boolean degraded = reports.values().stream().anyMatch(r -> r.status() == HealthStatus.DEGRADED)
                || bundleStates.stream().anyMatch(b -> !b.healthy());
        return degraded ? HealthStatus.DEGRADED : HealthStatus.UP;
    }
}
