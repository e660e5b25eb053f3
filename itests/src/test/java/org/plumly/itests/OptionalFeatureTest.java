package org.plumly.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;

/**
 * An operator adds a plug-in's feature to the live hub and removes it again, the way the README says
 * (no auto refresh): the plug-in comes and goes, and no bundle of the hub restarts.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class OptionalFeatureTest {
    private static final String FEATURE = "plumly-sample-plugin";
    private static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    private final Hub hub = new Hub();

    @Configuration
    public Option[] configuration() {
        return PlumlyDistribution.options();
    }

    @Test
    public void anOptionalFeatureInstallsAndUninstallsWithoutRestartingTheHub() throws Exception {
        Hub.eventually("the hub answers", () -> !hub.bodyOrEmpty("/api/health").isEmpty());
        URI repository = sampleRepository();
        features.addRepository(repository);
        try (HubBundles hubBundles = new HubBundles(context)) {
            features.installFeature(FEATURE, NO_REFRESH);
            Hub.eventually("health shows the plug-in", () -> "build 1".equals(hub.dependencyDetail("sample-plugin")));
            assertTrue("feature installed", features.isInstalled(features.getFeature(FEATURE)));

            features.uninstallFeature(FEATURE, NO_REFRESH);
            Hub.eventually("the plug-in is gone", () -> hub.dependencyDetail("sample-plugin") == null);

            assertEquals("no hub bundle stopped", List.of(), hubBundles.hubBundlesStopped());
            assertTrue("hub bundles are the same installations", hubBundles.sameInstallations());
            assertEquals("the plug-in is uninstalled", 0, hubBundles.bundlesNamed(PlumlyDistribution.SAMPLE_SYMBOLIC_NAME));
        } finally {
            features.removeRepository(repository);
        }
    }

    /** A features repository as a plug-in vendor would ship it: one feature, on top of the hub's API. */
    private static URI sampleRepository() throws Exception {
        Path jar = Path.of(System.getProperty(PlumlyDistribution.SAMPLE_V1));
        Path repository = jar.resolveSibling("sample-plugin-features.xml");
        Files.writeString(repository, """
                <features name="plumly-sample-plugin" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                  <feature name="%s" version="1.0.0" description="A sample plug-in">
                    <feature>plumly-api</feature>
                    <bundle>%s</bundle>
                  </feature>
                </features>
                """.formatted(FEATURE, jar.toUri()));
        return repository.toUri();
    }
}
