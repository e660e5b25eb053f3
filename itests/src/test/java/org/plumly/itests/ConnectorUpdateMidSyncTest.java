package org.plumly.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.plumly.api.AccountId;
import org.plumly.api.SourceRef;
import org.plumly.api.Tenant;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.privacy.Caller;
import org.plumly.api.privacy.Role;
import org.plumly.api.store.DirectoryStore;
import org.plumly.api.store.TenantStore;
import org.plumly.web.routes.ApiTokens;

/**
 * An operator updates a connector bundle while it syncs: the run stops at its last checkpoint, the new
 * build resumes from there, and every source record is stored exactly once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConnectorUpdateMidSyncTest {
    private static final int PAGES = 10;
    private static final int PER_PAGE = 30;
    private static final int PAGES_BEFORE_UPDATE = 4;

    @Inject
    private BundleContext context;

    @Inject
    @Filter(timeout = 120_000)
    private TenantStore tenants;

    @Inject
    @Filter(timeout = 120_000)
    private DirectoryStore directory;

    @Inject
    @Filter(timeout = 120_000)
    private ApiTokens tokens;

    private final Hub hub = new Hub();
    private final Map<Integer, AtomicInteger> requestsByPage = new ConcurrentHashMap<>();
    private final Semaphore pagesAllowed = new Semaphore(0);
    private final CountDownLatch pageAfterCheckpointsAsked = new CountDownLatch(1);

    @Configuration
    public Option[] configuration() {
        return PlumlyDistribution.options();
    }

    @Test
    public void aConnectorUpdatedMidSyncResumesFromItsLastCheckpointWithNoRecordLostOrStoredTwice() throws Exception {
        TenantId tenant = TenantId.of("midsync-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.put(new Tenant(tenant, "Mid-sync Inc", Instant.now()));
        String token = tokens.issue(new Caller(tenant, UserId.of("admin-1"), Set.of(Role.COMPANY_ADMIN)), "mid-sync test");
        HttpServer source = startSource();
        Bundle connector = context.installBundle("file:" + System.getProperty(PlumlyDistribution.CONNECTOR_V1));
        try {
            connector.start();
            Hub.eventually("the connector is listed", () -> connectorNames(token).contains("Paged source (build 1)"));

            String url = "http://127.0.0.1:" + source.getAddress().getPort();
            assertEquals(201, post(token, "/api/v1/integrations",
                    new JsonObject().put("id", "paged").put("connector", PagedSourceConnector.TYPE)
                            .put("settings", new JsonObject().put("url", url))).statusCode());
            HttpResponse<String> authorized = post(token, "/api/v1/integrations/paged/authorize", new JsonObject());
            assertEquals(authorized.body(), 200, authorized.statusCode());

            pagesAllowed.release(PAGES_BEFORE_UPDATE);
            assertTrue("the connector asks for the page after its checkpoints",
                    pageAfterCheckpointsAsked.await(60, TimeUnit.SECONDS));
            try (InputStream build2 = Files.newInputStream(Path.of(System.getProperty(PlumlyDistribution.CONNECTOR_V2)))) {
                connector.update(build2);
            }
            pagesAllowed.release(1000);

            Hub.eventually("the resumed run succeeds", () -> runs(token).size() == 2
                    && "SUCCEEDED".equals(runs(token).getJsonObject(0).getString("status")));
            JsonArray runs = runs(token);
            JsonObject resumed = runs.getJsonObject(0);
            JsonObject interrupted = runs.getJsonObject(1);
            assertEquals("INTERRUPTED", interrupted.getString("status"));
            assertEquals(PAGES_BEFORE_UPDATE * PER_PAGE, interrupted.getJsonObject("total").getLong("stored").longValue());
            assertEquals("RESUME", resumed.getString("trigger"));
            assertEquals((PAGES - PAGES_BEFORE_UPDATE) * PER_PAGE, resumed.getJsonObject("total").getLong("stored").longValue());
            assertTrue(connectorNames(token).contains("Paged source (build 2)"));
            for (int page = 0; page < PAGES; page++) {
                int expected = page == PAGES_BEFORE_UPDATE ? 2 : 1;
                assertEquals("requests for page " + page, expected, requestsByPage.get(page).get());
            }
            for (int record = 0; record < PAGES * PER_PAGE; record++) {
                String id = new SourceRef("paged", "accounts", "a" + record).entityId();
                assertTrue("account " + record + " is stored", directory.findAccount(tenant, AccountId.of(id)).isPresent());
            }
        } finally {
            connector.uninstall();
            source.stop(0);
            Hub.revokeTokensLabelled(tokens, "mid-sync test");
        }
    }

    /** The source: page N holds accounts aN·30 … ; a page is served only when the test allows it. */
    private HttpServer startSource() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/accounts", exchange -> {
            String page = exchange.getRequestURI().getQuery().replace("page=", "");
            if (page.equals("check")) {
                respond(exchange, 200, "");
                return;
            }
            int number = Integer.parseInt(page);
            requestsByPage.computeIfAbsent(number, n -> new AtomicInteger()).incrementAndGet();
            if (number == PAGES_BEFORE_UPDATE) {
                pageAfterCheckpointsAsked.countDown();
            }
            try {
                if (!pagesAllowed.tryAcquire(60, TimeUnit.SECONDS)) {
                    respond(exchange, 503, "");
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                respond(exchange, 503, "");
                return;
            }
            if (number >= PAGES) {
                respond(exchange, 204, null);
                return;
            }
            StringBuilder body = new StringBuilder();
            for (int i = number * PER_PAGE; i < (number + 1) * PER_PAGE; i++) {
                body.append('a').append(i).append(",Account ").append(i).append('\n');
            }
            respond(exchange, 200, body.toString());
        });
        server.start();
        return server;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
        exchange.close();
    }

    private String connectorNames(String token) {
        try {
            return send(token, HttpRequest.newBuilder(hub.uri("/api/v1/connectors")).GET()).body();
        } catch (Exception e) {
            return "";
        }
    }

    private JsonArray runs(String token) {
        try {
            HttpResponse<String> response = send(token, HttpRequest.newBuilder(hub.uri("/api/v1/integrations/paged/runs")).GET());
            return response.statusCode() == 200 ? new JsonObject(response.body()).getJsonArray("items") : new JsonArray();
        } catch (Exception e) {
            return new JsonArray();
        }
    }

    private HttpResponse<String> post(String token, String path, JsonObject body) throws Exception {
        return send(token, HttpRequest.newBuilder(hub.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    private HttpResponse<String> send(String token, HttpRequest.Builder request) throws Exception {
        return hub.send(request.header("Authorization", "Bearer " + token).build());
    }
}
