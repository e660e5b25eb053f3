package org.plumly.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DistributionBootTest {
    private static final Set<String> CORE_BUNDLES = Set.of("org.plumly.api", "org.plumly.vertx", "org.plumly.web", "org.plumly.store.cassandra");

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    private final Hub hub = new Hub();

    @Configuration
    public Option[] configuration() {
        return PlumlyDistribution.options();
    }

    @Before
    public void hubAnswers() throws InterruptedException {
        Hub.eventually("GET /api/health answers 200", () -> !hub.bodyOrEmpty("/api/health").isEmpty());
    }

    @Test
    public void everyPlumlyBundleIsActive() {
        List<Bundle> plumly = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().startsWith("org.plumly."))
                .toList();
        Set<String> names = plumly.stream().map(Bundle::getSymbolicName).collect(Collectors.toSet());
        assertTrue("core bundles installed: " + names, names.containsAll(CORE_BUNDLES));
        for (Bundle bundle : plumly) {
            assertEquals(bundle.getSymbolicName() + " is active", Bundle.ACTIVE, bundle.getState());
        }
    }

    @Test
    public void healthReportsTheHubUpWithItsBundles() throws Exception {
        HttpResponse<String> response = hub.get("/api/health");

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject health = new JsonObject(response.body());
        assertEquals("UP", health.getString("status"));
        JsonArray bundles = health.getJsonArray("bundles");
        Set<String> reported = bundles.stream()
                .map(JsonObject.class::cast)
                .filter(b -> "ACTIVE".equals(b.getString("state")))
                .map(b -> b.getString("name"))
                .collect(Collectors.toSet());
        assertTrue("health lists the core bundles active: " + reported, reported.containsAll(CORE_BUNDLES));
    }

    @Test
    public void unknownRoutesAnswerProblemJson() throws Exception {
        HttpResponse<String> response = hub.get("/api/no-such-thing");

        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, new JsonObject(response.body()).getInteger("status").intValue());
    }

    @Test
    public void theVersionedApiAnswersNobodyWithoutAToken() throws Exception {
        for (String path : new String[] {"/api/v1/connectors", "/api/v1/integrations", "/api/v1/no-such-thing"}) {
            HttpResponse<String> response = hub.get(path);

            assertEquals(path, 401, response.statusCode());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        }
    }

    @Test
    public void thePlumlyFeaturesAreListedAndTheCoreIsInstalled() throws Exception {
        Set<String> listed = Arrays.stream(features.listFeatures())
                .map(Feature::getName)
                .filter(name -> name.startsWith("plumly"))
                .collect(Collectors.toSet());

        assertTrue("features listed: " + listed, listed.containsAll(Set.of("plumly", "plumly-web", "plumly-vertx", "plumly-api", "plumly-store-cassandra")));
        assertTrue("plumly feature installed", features.isInstalled(features.getFeature("plumly")));
    }
}
