package org.plumly.itests;

import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.privacy.Caller;
import org.plumly.api.privacy.Role;
import org.plumly.web.routes.ApiTokens;

/**
 * A third party's connector, made by the archetype and built by the archetype's own test, dropped into
 * deploy/ of the running hub: it is listed by the API, and gone again when its jar is removed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ArchetypeConnectorDeployTest {
    @Inject
    @Filter(timeout = 120_000)
    private ApiTokens tokens;

    private final Hub hub = new Hub();

    @Configuration
    public Option[] configuration() {
        return PlumlyDistribution.options();
    }

    @Test
    public void aConnectorMadeByTheArchetypeAppearsWhenDeployedAndGoesWhenRemoved() throws Exception {
        Path built = Path.of(System.getProperty(PlumlyDistribution.ARCHETYPE_CONNECTOR));
        assertTrue("the archetype test built " + built, Files.isRegularFile(built));
        String token = tokens.issue(new Caller(TenantId.of("archetype-test"), UserId.of("admin"), Set.of(Role.COMPANY_ADMIN)), "archetype test");
        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", "acme-crm-connector.jar");
        try {
            Path staged = deployed.resolveSibling(".acme-crm-connector.jar.tmp");
            Files.copy(built, staged, StandardCopyOption.REPLACE_EXISTING);
            Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE);
            Hub.eventually("acme-crm is listed", () -> connectors(token).contains("\"type\":\"acme-crm\""));

            Files.delete(deployed);
            Hub.eventually("acme-crm is gone", () -> {
                String listed = connectors(token);
                return !listed.isEmpty() && !listed.contains("\"type\":\"acme-crm\"");
            });
        } finally {
            Files.deleteIfExists(deployed);
            Hub.revokeTokensLabelled(tokens, "archetype test");
        }
    }

    private String connectors(String token) {
        try {
            var response = hub.send(HttpRequest.newBuilder(hub.uri("/api/v1/connectors")).header("Authorization", "Bearer " + token).build());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (Exception e) {
            return "";
        }
    }
}
