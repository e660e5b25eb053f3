package org.plumly.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;

/** An operator's Karaf commands on the running hub: register a tenant, issue, list and revoke a token, and what they refuse. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ShellCommandsTest {
    @Inject
    @Filter(timeout = 120_000)
    private SessionFactory sessions;

    private final Hub hub = new Hub();

    @Configuration
    public Option[] configuration() {
        return PlumlyDistribution.options();
    }

    @Test
    public void anOperatorRegistersATenantAndIssuesUsesAndRevokesAnApiToken() throws Exception {
        Hub.eventually("the plumly commands are registered", () -> run("plumly:tokens").contains("Label"));
        String tenant = "shell-" + UUID.randomUUID().toString().substring(0, 8);

        assertTrue(run("plumly:tenant-add " + tenant + " 'Shell Test Inc'").contains("Registered tenant " + tenant));
        assertTrue(run("plumly:token-issue " + tenant.replace("shell", "nobody") + " admin COMPANY_ADMIN").contains("no tenant"));
        String token = run("plumly:token-issue --label shell-test " + tenant + " admin-1 COMPANY_ADMIN").strip();
        assertTrue(token, token.startsWith("plm_"));
        assertEquals(200, hub.send(HttpRequest.newBuilder(hub.uri("/api/v1/integrations"))
                .header("Authorization", "Bearer " + token).build()).statusCode());

        String listed = run("plumly:tokens");
        assertTrue(listed, listed.contains("shell-test"));
        assertFalse("the list never shows a token", listed.contains(token));
        String id = listed.lines().filter(line -> line.contains("shell-test")).findFirst().orElseThrow().split("\\|")[0].strip();
        assertTrue(run("plumly:token-revoke " + id).contains("Revoked"));
        assertEquals(401, hub.send(HttpRequest.newBuilder(hub.uri("/api/v1/integrations"))
                .header("Authorization", "Bearer " + token).build()).statusCode());
        assertTrue(run("plumly:sync " + tenant + " no-such-integration").contains("has no integration"));
    }

    /** Runs one command in a session of its own and returns what it printed, errors included. */
    private String run(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (Session session = sessions.create(InputStream.nullInputStream(), print, print)) {
            session.execute(command);
        } catch (Exception e) {
            print.println(e.getMessage());
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
