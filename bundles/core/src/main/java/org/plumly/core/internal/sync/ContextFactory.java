package org.plumly.core.internal.sync;

import org.plumly.api.Integration;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;
import org.plumly.core.internal.connectors.ConnectorRegistry;

/** Makes the context a connector gets for one run of an integration: settings with secrets, egress, token. */
@FunctionalInterface
public interface ContextFactory {
    ConnectorContext create(Integration integration, ConnectorRegistry.Installed connector) throws ConnectorException;
}
