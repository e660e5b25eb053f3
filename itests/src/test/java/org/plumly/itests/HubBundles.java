package org.plumly.itests;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Watches the hub's own bundles while an operator changes a plug-in: which bundles stopped, and
 * whether the hub's installations are still the same ones afterwards.
 */
final class HubBundles implements AutoCloseable {
    private final BundleContext context;
    private final Map<String, Long> before;
    private final List<String> stopped = new CopyOnWriteArrayList<>();
    // STOPPING reaches synchronous listeners only.
    private final SynchronousBundleListener listener = event -> {
        if (event.getType() == BundleEvent.STOPPING) {
            stopped.add(event.getBundle().getSymbolicName());
        }
    };

    HubBundles(BundleContext context) {
        this.context = context;
        this.before = ids();
        context.addBundleListener(listener);
    }

    /** Symbolic names of the bundles that stopped while watched, in order. */
    List<String> stopped() {
        return stopped;
    }

    /** Hub bundles that stopped while watched; should stay empty. */
    List<String> hubBundlesStopped() {
        return stopped.stream().filter(before::containsKey).collect(Collectors.toList());
    }

    /** Whether every hub bundle is the very installation it was when watching began. */
    boolean sameInstallations() {
        return before.equals(ids());
    }

    long bundlesNamed(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).count();
    }

    private Map<String, Long> ids() {
        return Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().startsWith("org.plumly.")
                        && !b.getSymbolicName().equals(PlumlyDistribution.SAMPLE_SYMBOLIC_NAME))
                .collect(Collectors.toMap(Bundle::getSymbolicName, Bundle::getBundleId));
    }

    @Override
    public void close() {
        context.removeBundleListener(listener);
    }
}
