/**
 * How a bundle adds to the hub's HTTP API: register an {@link org.plumly.web.routes.ApiRoutes} service
 * (the OSGi whiteboard) and the web bundle mounts its routes under {@code /api/v1}, behind
 * authentication; unregister it and they are gone. {@link org.plumly.web.routes.ApiRequest} gives a
 * handler its caller and answers problems in the API's one format.
 */
@Version("0.1.0")
@Export
package org.plumly.web.routes;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
