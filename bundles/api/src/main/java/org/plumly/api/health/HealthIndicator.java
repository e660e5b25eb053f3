package org.plumly.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A dependency whose state {@code GET /api/health} reports. Register one as an OSGi service (whiteboard):
 * the web bundle picks it up while it is registered. {@link #check()} may block briefly (it runs on a
 * worker thread, never on an event loop); it should answer within a second.
 *
 * <pre>{@code
 * @Component
 * public class StoreHealth implements HealthIndicator {
 *     public String name() { return "store"; }
 *     public HealthReport check() {
 *         return session.isConnected() ? HealthReport.up("1 node") : HealthReport.down("no node reachable");
 *     }
 * }
 * }</pre>
 */
@ConsumerType
public interface HealthIndicator {

    /** A short, stable name for the dependency, such as {@code store}; the key in the health document. */
    String name();

    /** The dependency's state now. */
    HealthReport check();
}
