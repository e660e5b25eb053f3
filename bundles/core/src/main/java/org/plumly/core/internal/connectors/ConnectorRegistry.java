package org.plumly.core.internal.connectors;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.ConnectorSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connectors installed right now, by type: a connector bundle that starts appears here, one that
 * stops or is updated disappears first. Listeners (the sync engine) hear of both.
 */
@Component(service = ConnectorRegistry.class)
public final class ConnectorRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRegistry.class);

    private final Map<String, Installed> byType = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addConnector(Connector connector) {
        ConnectorSpec spec;
        try {
            spec = connector.spec();
        } catch (RuntimeException broken) {
            LOG.error("Ignoring connector {}: its spec() failed", connector.getClass().getName(), broken);
            return;
        }
        Installed installed = new Installed(connector, spec, bundleOf(connector));
        Installed previous = byType.putIfAbsent(spec.type(), installed);
        if (previous != null) {
            LOG.error("Ignoring connector type {} from {}: {} already provides it", spec.type(), installed.bundle(), previous.bundle());
            return;
        }
        LOG.info("Connector {} ({}) available from {}", spec.type(), spec.name(), installed.bundle());
        listeners.forEach(listener -> listener.connectorAdded(spec.type()));
    }

    public void removeConnector(Connector connector) {
        for (Installed installed : List.copyOf(byType.values())) {
            if (installed.connector() == connector && byType.remove(installed.spec().type(), installed)) {
                LOG.info("Connector {} withdrawn ({})", installed.spec().type(), installed.bundle());
                listeners.forEach(listener -> listener.connectorRemoved(installed.spec().type()));
            }
        }
    }

    public Optional<Installed> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The installed connectors, by type. */
    public List<Installed> all() {
        return byType.values().stream().sorted(Comparator.comparing(installed -> installed.spec().type())).toList();
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private static String bundleOf(Connector connector) {
        Bundle bundle = FrameworkUtil.getBundle(connector.getClass());
        return bundle == null ? connector.getClass().getName() : bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    /** A connector service with its spec, read once, and the bundle that provides it. */
    public record Installed(Connector connector, ConnectorSpec spec, String bundle) {
    }

    /** Told when a connector type comes or goes; called on the thread that changes the bundle: return quickly. */
    public interface Listener {
        void connectorAdded(String type);

        void connectorRemoved(String type);
    }
}
