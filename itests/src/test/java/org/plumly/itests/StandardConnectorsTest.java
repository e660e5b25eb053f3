package org.plumly.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.plumly.api.Tenant;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.privacy.Caller;
import org.plumly.api.privacy.Role;
import org.plumly.api.store.TenantStore;
import org.plumly.web.routes.ApiTokens;

/**
 * The standard connectors in the running distribution, as a company admin uses them: a CRM export and
 * a calendar file from the tenant's import folder, synced, and the meeting linked to its deal by
 * identity resolution; an import folder setting that leads out of the tenant's folder refused; and the
 * IMAP connector's mail stack, embedded in its bundle, speaking IMAP to a server that refuses the login.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class StandardConnectorsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    @Filter(timeout = 120_000)
    private TenantStore tenants;

    @Inject
    @Filter(timeout = 120_000)
    private ApiTokens tokens;

    @Configuration
    public Option[] configuration() {
        return PlumlyDistribution.options();
    }

    @Test
    public void aCrmExportAndACalendarFileSyncAndTheMeetingLinksToItsDeal() throws Exception {
        TenantId tenant = TenantId.of("standard-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.put(new Tenant(tenant, "Northwind Tools", Instant.now()));
        String token = tokens.issue(new Caller(tenant, UserId.of("admin-1"), Set.of(Role.COMPANY_ADMIN)), "standard connectors test");
        Path imports = Path.of(System.getProperty("karaf.data"), "imports", tenant.value());
        try {
            writeExport(imports.resolve("crm"));
            writeCalendar(imports.resolve("calendar/dana.ics"));
            Hub.eventually("the standard connectors are listed", () -> connectorTypes(token).containsAll(List.of("csv", "imap", "ical")));

            create(token, new JsonObject().put("id", "crm").put("connector", "csv").put("settings", new JsonObject().put("folder", "crm")));
            assertEquals(200, post(token, "/api/v1/integrations/crm/authorize", new JsonObject()).statusCode());
            Hub.eventually("the CRM export is synced", () -> succeeded(token, "crm"));
            create(token, new JsonObject().put("id", "calendar").put("connector", "ical").put("settings", new JsonObject()
                    .put("source", "file").put("file", "calendar/dana.ics").put("mailbox", "dana@northwind.example")));
            assertEquals(200, post(token, "/api/v1/integrations/calendar/authorize", new JsonObject()).statusCode());
            Hub.eventually("the calendar is synced", () -> succeeded(token, "calendar"));

            JsonObject deal = new JsonObject(get(token, "/api/v1/opportunities/" + URLEncoder.encode("crm:006000000000001AAA",
                    StandardCharsets.UTF_8)).body());
            assertEquals("Bluefin Logistics", deal.getJsonObject("account").getString("name"));
            assertEquals("Dana Reyes", deal.getJsonObject("owner").getString("name"));
            assertEquals(2, deal.getJsonArray("stageHistory").size());
            JsonArray timeline = deal.getJsonObject("timeline").getJsonArray("items");
            assertEquals(timeline.encode(), 1, timeline.size());
            JsonObject meeting = timeline.getJsonObject(0);
            assertEquals("MEETING", meeting.getString("kind"));
            assertEquals("OUTBOUND", meeting.getString("direction"));
            assertEquals("Pricing review", meeting.getString("subject"));
            assertEquals("2026-11-10T15:00:00Z", meeting.getString("occurredAt"));
        } finally {
            Hub.revokeTokensLabelled(tokens, "standard connectors test");
        }
    }

    @Test
    public void aFolderOutsideTheTenantsImportFolderIsRefused() throws Exception {
        TenantId tenant = TenantId.of("escape-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.put(new Tenant(tenant, "Escape Inc", Instant.now()));
        String token = tokens.issue(new Caller(tenant, UserId.of("admin-1"), Set.of(Role.COMPANY_ADMIN)), "escape test");
        writeExport(Path.of(System.getProperty("karaf.data"), "imports", "someone-else", "crm"));
        try {
            create(token, new JsonObject().put("id", "crm").put("connector", "csv")
                    .put("settings", new JsonObject().put("folder", "../someone-else/crm")));
            HttpResponse<String> refused = post(token, "/api/v1/integrations/crm/authorize", new JsonObject());
            assertEquals(refused.body(), 422, refused.statusCode());
            assertTrue(refused.body(), refused.body().contains("not within the import folder"));
        } finally {
            Hub.revokeTokensLabelled(tokens, "escape test");
        }
    }

    @Test
    public void theImapConnectorSpeaksImapInsideTheHubAndReportsARefusedLogin() throws Exception {
        TenantId tenant = TenantId.of("imap-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.put(new Tenant(tenant, "Imap Inc", Instant.now()));
        String token = tokens.issue(new Caller(tenant, UserId.of("admin-1"), Set.of(Role.COMPANY_ADMIN)), "imap test");
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread imap = new Thread(() -> refuseEveryLogin(server), "imap server refusing logins");
            imap.setDaemon(true);
            imap.start();
            create(token, new JsonObject().put("id", "mail").put("connector", "imap").put("settings", new JsonObject()
                    .put("host", "127.0.0.1").put("port", Integer.toString(server.getLocalPort())).put("security", "none")
                    .put("username", "dana@northwind.example")).put("secrets", new JsonObject().put("password", "not-her-password")));

            HttpResponse<String> refused = post(token, "/api/v1/integrations/mail/authorize", new JsonObject());

            assertEquals(refused.body(), 422, refused.statusCode());
            assertTrue(refused.body(), refused.body().contains("refused the login"));
            assertFalse(refused.body(), refused.body().contains("not-her-password"));
        } finally {
            Hub.revokeTokensLabelled(tokens, "imap test");
        }
    }

    /** A minimal IMAP4rev1 server (RFC 3501) that greets, lists its capabilities and answers every LOGIN with NO. */
    private static void refuseEveryLogin(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket client = server.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                 OutputStream out = client.getOutputStream()) {
                out.write("* OK [CAPABILITY IMAP4rev1] ready\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String line;
                while ((line = in.readLine()) != null) {
                    String[] words = line.split(" ", 3);
                    String tag = words[0];
                    String command = words.length > 1 ? words[1].toUpperCase() : "";
                    String reply = switch (command) {
                        case "CAPABILITY" -> "* CAPABILITY IMAP4rev1\r\n" + tag + " OK done\r\n";
                        case "LOGIN" -> tag + " NO [AUTHENTICATIONFAILED] Invalid credentials\r\n";
                        case "LOGOUT" -> "* BYE\r\n" + tag + " OK bye\r\n";
                        default -> tag + " BAD not here\r\n";
                    };
                    out.write(reply.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    if (command.equals("LOGOUT")) {
                        break;
                    }
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** A Salesforce Data Loader export: one rep, one account with its contact, one open deal with its history. */
    private static void writeExport(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("User.csv"), "Id,Name,Email,ManagerId,IsActive,Title,CreatedDate\r\n"
                + "005000000000001AAA,Dana Reyes,dana@northwind.example,,true,Account Executive,2025-01-06T09:00:00.000Z\r\n");
        Files.writeString(folder.resolve("Account.csv"), "Id,Name,Website,Industry,OwnerId,CreatedDate\r\n"
                + "001000000000001AAA,Bluefin Logistics,https://www.bluefin.example,Logistics,005000000000001AAA,2025-02-01T09:00:00.000Z\r\n");
        Files.writeString(folder.resolve("Contact.csv"), "Id,AccountId,FirstName,LastName,Email,Phone,Title\r\n"
                + "003000000000001AAA,001000000000001AAA,Ann,Ito,ann@bluefin.example,+1 555 0100,COO\r\n");
        Files.writeString(folder.resolve("Opportunity.csv"), "Id,Name,AccountId,OwnerId,StageName,Amount,CurrencyIsoCode,CloseDate,"
                + "CreatedDate,IsClosed,IsWon,LastModifiedDate\r\n"
                + "006000000000001AAA,Bluefin - Fleet Toolkit,001000000000001AAA,005000000000001AAA,Proposal/Price Quote,48000.00,USD,"
                + "2026-12-15,2026-09-01T09:00:00.000Z,false,false,2026-10-01T09:00:00.000Z\r\n");
        Files.writeString(folder.resolve("OpportunityHistory.csv"), "Id,OpportunityId,StageName,Amount,CloseDate,CreatedDate\r\n"
                + "008000000000001AAA,006000000000001AAA,Prospecting,48000.00,2026-11-30,2026-09-01T09:00:00.000Z\r\n"
                + "008000000000002AAA,006000000000001AAA,Proposal/Price Quote,48000.00,2026-12-15,2026-10-01T09:00:00.000Z\r\n");
    }

    private static void writeCalendar(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Plumly//itests//EN",
                "BEGIN:VEVENT", "UID:pricing-review-1@northwind.example", "DTSTAMP:20261101T000000Z",
                "DTSTART:20261110T150000Z", "DTEND:20261110T153000Z", "SUMMARY:Pricing review",
                "ORGANIZER;CN=Dana Reyes:mailto:dana@northwind.example",
                "ATTENDEE;CN=Ann Ito;PARTSTAT=ACCEPTED:mailto:ann@bluefin.example", "SEQUENCE:0", "END:VEVENT",
                "END:VCALENDAR", ""));
    }

    private static void create(String token, JsonObject integration) throws Exception {
        HttpResponse<String> created = post(token, "/api/v1/integrations", integration);
        assertEquals(created.body(), 201, created.statusCode());
    }

    private static boolean succeeded(String token, String integration) {
        try {
            JsonArray runs = new JsonObject(get(token, "/api/v1/integrations/" + integration + "/runs").body()).getJsonArray("items");
            return !runs.isEmpty() && "SUCCEEDED".equals(runs.getJsonObject(0).getString("status"));
        } catch (Exception notYet) {
            return false;
        }
    }

    private static List<String> connectorTypes(String token) {
        try {
            return new JsonObject(get(token, "/api/v1/connectors").body()).getJsonArray("items").stream()
                    .map(item -> ((JsonObject) item).getString("type")).toList();
        } catch (Exception notYet) {
            return List.of();
        }
    }

    private static HttpResponse<String> get(String token, String path) throws Exception {
        return HTTP.send(request(token, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String token, String path, JsonObject body) throws Exception {
        return HTTP.send(request(token, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + System.getProperty(PlumlyDistribution.WEB_PORT) + path))
                .header("Authorization", "Bearer " + token);
    }
}
