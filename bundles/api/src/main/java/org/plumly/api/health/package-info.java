/**
 * Health of the hub's dependencies: a bundle that depends on something outside the JVM (a database,
 * a mail server) registers a {@link org.plumly.api.health.HealthIndicator} and {@code GET /api/health}
 * reports it.
 */
@Version("0.1.0")
@Export
package org.plumly.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
