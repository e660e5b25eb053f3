package org.plumly.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

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
        Map<String, Long> hubBundles = plumlyBundleIds();
        List<String> stopped = new CopyOnWriteArrayList<>();
        // STOPPING reaches synchronous listeners only.
        SynchronousBundleListener stops = event -> {
            if (event.getType() == BundleEvent.STOPPING) {
                stopped.add(event.getBundle().getSymbolicName());
            }
        };
        context.addBundleListener(stops);
        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", "sample-plugin.jar");
        try {
            Files.copy(Path.of(System.getProperty(PlumlyDistribution.SAMPLE_V1)), deployed);
            Hub.eventually("health shows build 1", () -> "build 1".equals(sampleDetail()));

            replace(deployed, Path.of(System.getProperty(PlumlyDistribution.SAMPLE_V2)));
            Hub.eventually("health shows build 2", () -> "build 2".equals(sampleDetail()));
            assertEquals("one sample bundle after the swap", 1, bundlesNamed(PlumlyDistribution.SAMPLE_SYMBOLIC_NAME));

            Files.delete(deployed);
            Hub.eventually("the sample is gone", () -> sampleDetail() == null);
        } finally {
            context.removeBundleListener(stops);
            Files.deleteIfExists(deployed);
        }

        assertTrue("the sample was stopped to be swapped", stopped.contains(PlumlyDistribution.SAMPLE_SYMBOLIC_NAME));
        assertFalse("no hub bundle stopped: " + stopped, stopped.stream().anyMatch(hubBundles::containsKey));
        assertEquals("hub bundles are the same installations", hubBundles, plumlyBundleIds());
    }

    private String sampleDetail() {
        String body = hub.bodyOrEmpty("/api/health");
        if (body.isEmpty()) {
            return null;
        }
        JsonObject sample = new JsonObject(body).getJsonObject("dependencies").getJsonObject("sample-plugin");
        return sample == null ? null : sample.getString("detail");
    }

    /** Writes the new build beside the old one and moves it into place, as an operator's copy should. */
    private static void replace(Path deployed, Path newBuild) throws Exception {
        Path staged = deployed.resolveSibling(".sample-plugin.jar.tmp");
        Files.copy(newBuild, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, deployed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Map<String, Long> plumlyBundleIds() {
        return Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().startsWith("org.plumly.")
                        && !b.getSymbolicName().equals(PlumlyDistribution.SAMPLE_SYMBOLIC_NAME))
                .collect(Collectors.toMap(Bundle::getSymbolicName, Bundle::getBundleId));
    }

    private long bundlesNamed(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).count();
    }
}
