package org.plumly.web.internal;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.plumly.api.health.HealthIndicator;
import org.plumly.web.routes.ApiRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The hub's HTTP server on the shared Vert.x instance; configured by {@code etc/org.plumly.web.cfg}. */
@Component(immediate = true, configurationPid = "org.plumly.web", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WebServer.Config.class)
public final class WebServer {

    @ObjectClassDefinition(name = "Plumly web server", description = "HTTP API and dashboard")
    public @interface Config {
        @AttributeDefinition(description = "TCP port of the API and the dashboard")
        int port() default 8181;

        @AttributeDefinition(description = "Address to listen on; 0.0.0.0 for every interface")
        String host() default "127.0.0.1";
    }

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String BUNDLE_PREFIX = "org.plumly.";

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<HealthIndicator> healthIndicators = List.of();

    private final Map<ApiRoutes, Boolean> contributions = new ConcurrentHashMap<>();
    private final AtomicReference<Router> router = new AtomicReference<>();
    private final Vertx vertx;
    private final HealthEndpoint health;
    private final Buffer openApi = openApiDocument();
    private final ConfiguredApiTokens tokens;
    private final HttpServer server;

    @Activate
    public WebServer(@Reference Vertx vertx, @Reference ConfiguredApiTokens tokens, BundleContext context, Config config)
            throws Exception {
        this.vertx = vertx;
        this.tokens = tokens;
        this.health = new HealthEndpoint(vertx, context.getBundle().getVersion().toString(),
                () -> plumlyBundles(context), () -> healthIndicators);
        rebuildRouter();
        this.server = vertx.createHttpServer().requestHandler(request -> router.get().handle(request));
        server.listen(config.port(), config.host()).await(30, TimeUnit.SECONDS);
        LOG.info("Plumly API listening on http://{}:{}/", config.host(), server.actualPort());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRoutes(ApiRoutes routes) {
        contributions.put(routes, Boolean.TRUE);
        rebuildRouter();
    }

    void removeRoutes(ApiRoutes routes) {
        contributions.remove(routes);
        rebuildRouter();
    }

    /** Routes are fixed once a Vert.x router serves them, so a change of contributions swaps in a new router. */
    private synchronized void rebuildRouter() {
        router.set(ApiRouter.create(vertx, health, openApi, List.copyOf(contributions.keySet()), tokens::authenticate));
    }

    @Deactivate
    void stop() throws Exception {
        server.close().await(10, TimeUnit.SECONDS);
    }

    private static List<PlumlyBundle> plumlyBundles(BundleContext context) {
        return Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith(BUNDLE_PREFIX))
                .map(b -> new PlumlyBundle(b.getSymbolicName(), b.getVersion().toString(), stateName(b.getState()),
                        b.getHeaders("").get(Constants.FRAGMENT_HOST) != null))
                .sorted(Comparator.comparing(PlumlyBundle::symbolicName))
                .toList();
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.INSTALLED -> "INSTALLED";
            default -> "UNINSTALLED";
        };
    }

    static Buffer openApiDocument() {
        try (InputStream in = WebServer.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the web bundle");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
