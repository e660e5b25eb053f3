package org.plumly.itests;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.plumly.api.health.HealthIndicator;
import org.plumly.api.health.HealthReport;

/** First build of the sample plug-in: a health indicator that answers "build 1". */
public final class SampleHealthV1 implements BundleActivator, HealthIndicator {
    @Override
    public void start(BundleContext context) {
        context.registerService(HealthIndicator.class, this, null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }

    @Override
    public String name() {
        return "sample-plugin";
    }

    @Override
    public HealthReport check() {
        return HealthReport.up("build 1");
    }
}
