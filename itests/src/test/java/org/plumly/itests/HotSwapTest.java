package org.plumly.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;

/** An operator swaps a plug-in on the live hub through deploy/: the hub serves the new build, nothing else restarts. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class HotSwapTest {
    @Inject
    private BundleContext context;

    private final Hub hub = new Hub();

    @Configuration
    public Option[] configuration() {
        return PlumlyDistribution.options();
    }

    @Test
    public void aPluginReplacedInDeployServesItsNewBuildWithoutRestartingTheHub() throws Exception {
        Hub.eventually("the hub answers", () -> !hub.bodyOrEmpty("/api/health").isEmpty());
        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", "sample-plugin.jar");
        try (HubBundles hubBundles = new HubBundles(context)) {
            try {
                Files.copy(Path.of(System.getProperty(PlumlyDistribution.SAMPLE_V1)), deployed);
                Hub.eventually("health shows build 1", () -> "build 1".equals(hub.dependencyDetail("sample-plugin")));

                replace(deployed, Path.of(System.getProperty(PlumlyDistribution.SAMPLE_V2)));
                Hub.eventually("health shows build 2", () -> "build 2".equals(hub.dependencyDetail("sample-plugin")));
                assertEquals("one sample bundle after the swap", 1, hubBundles.bundlesNamed(PlumlyDistribution.SAMPLE_SYMBOLIC_NAME));

                Files.delete(deployed);
                Hub.eventually("the sample is gone", () -> hub.dependencyDetail("sample-plugin") == null);
            } finally {
                Files.deleteIfExists(deployed);
            }

            assertTrue("the sample was stopped to be swapped", hubBundles.stopped().contains(PlumlyDistribution.SAMPLE_SYMBOLIC_NAME));
            assertEquals("no hub bundle stopped", List.of(), hubBundles.hubBundlesStopped());
            assertTrue("hub bundles are the same installations", hubBundles.sameInstallations());
        }
    }

    /** Writes the new build beside the old one and moves it into place, as an operator's copy should. */
    private static void replace(Path deployed, Path newBuild) throws Exception {
        Path staged = deployed.resolveSibling(".sample-plugin.jar.tmp");
        Files.copy(newBuild, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, deployed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
