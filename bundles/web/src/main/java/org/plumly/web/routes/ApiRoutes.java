package org.plumly.web.routes;

import io.vertx.ext.web.Router;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A bundle's part of the HTTP API. Register it as an OSGi service; the web bundle calls
 * {@link #addTo} with a router mounted at {@code /api/v1} whenever the set of services changes.
 * Every request reaching these routes carries an authenticated caller ({@link ApiRequest#caller}),
 * except on {@link #publicPaths()}. Document each route in the hub's {@code openapi.yaml} with
 * {@code x-plumly-bundle} naming the bundle.
 *
 * <pre>{@code
 * @Component(service = ApiRoutes.class)
 * public class ConnectorRoutes implements ApiRoutes {
 *     public void addTo(Router router) {
 *         router.get("/connectors").handler(this::list);
 *     }
 * }
 * }</pre>
 */
@ConsumerType
public interface ApiRoutes {

    /** Adds the routes, with paths relative to {@code /api/v1}. Handlers must not block the event loop. */
    void addTo(Router router);

    /** Paths (relative to {@code /api/v1}, as routed) that answer without a caller, such as an OAuth2 callback. */
    default Set<String> publicPaths() {
        return Set.of();
    }
}
