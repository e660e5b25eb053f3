package org.plumly.core.internal.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plumly.api.TenantId;
import org.plumly.api.connector.AuthorizationKind;
import org.plumly.api.connector.ConfigField;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;

class GuardedEgressTest {
    private static final ConnectorSpec SPEC = new ConnectorSpec("crm", "CRM", AuthorizationKind.API_KEY, Set.of("127.0.0.1"),
            List.of(new ConfigField("instance", "Instance", ConfigField.Type.URL, false, false, null)));
    private static final ConnectorConfig CONFIG = new ConnectorConfig(TenantId.of("acme"), "acme-crm", Map.of(), Set.of());

    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final List<String> authorizationSeen = new CopyOnWriteArrayList<>();
    private final List<String> apiKeysSeen = new CopyOnWriteArrayList<>();
    private final List<String> acceptSeen = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/ok", exchange -> {
            authorizationSeen.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            apiKeysSeen.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Api-Key")));
            acceptSeen.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            byte[] body = "fine".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/busy", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "7");
            exchange.sendResponseHeaders(429, -1);
            exchange.close();
        });
        server.createContext("/elsewhere", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort() + "/ok");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/ok");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aCallToAnAllowedHostGoesThrough() throws Exception {
        HttpResponse<String> response = egress(100, 4).send(get("/ok"), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("fine");
        assertThat(refused).isEmpty();
    }

    @Test
    void aCallToAHostTheSpecDoesNotDeclareIsRefusedAndReported() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getAddress().getPort() + "/ok")).build();

        assertThatThrownBy(() -> egress(100, 4).send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.MISCONFIGURED))
                .hasMessageContaining("localhost");
        assertThat(refused).containsExactly("localhost");
        assertThat(authorizationSeen).isEmpty();
    }

    @Test
    void aConfiguredUrlAllowsItsHostWhereTheOperatorAllowsPrivateNetworks() throws Exception {
        ConnectorConfig configured = new ConnectorConfig(CONFIG.tenant(), CONFIG.integration(),
                Map.of("instance", "http://localhost:1/x"), Set.of());
        GuardedEgress egress = new GuardedEgress(SPEC, configured, http, 100, 4, true, (spec, config, host) -> refused.add(host));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getAddress().getPort() + "/ok")).build();

        assertThat(egress.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void aCompanyAdminCannotPointAConnectorAtTheHubsOwnNetwork() {
        for (String url : List.of("http://localhost:9042/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/",
                "http://[::1]/")) {
            ConnectorConfig configured = new ConnectorConfig(CONFIG.tenant(), CONFIG.integration(), Map.of("instance", url), Set.of());
            GuardedEgress egress = new GuardedEgress(SPEC, configured, http, 100, 4, false, (spec, config, host) -> refused.add(host));

            assertThatThrownBy(() -> egress.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()))
                    .as(url).hasMessageContaining("refused");
        }
        assertThat(refused).hasSize(4);
        assertThat(authorizationSeen).isEmpty();
    }

    @Test
    void aSocketToAPrivateAddressUnderAPublicNameIsRefused() throws Exception {
        ConnectorSpec mail = new ConnectorSpec("mail", "Mail", AuthorizationKind.API_KEY, Set.of(),
                List.of(new ConfigField("host", "Host", ConfigField.Type.HOST, true, false, null)));
        ConnectorConfig configured = new ConnectorConfig(CONFIG.tenant(), CONFIG.integration(), Map.of("host", "8.8.8.8"), Set.of());
        GuardedEgress egress = new GuardedEgress(mail, configured, http, 100, 4, false, (spec, config, host) -> refused.add(host));
        InetAddress spoofed = InetAddress.getByAddress("8.8.8.8", new byte[] {127, 0, 0, 1});

        assertThatThrownBy(() -> egress.sockets().createSocket(spoofed, server.getAddress().getPort())).hasMessageContaining("refused");
        assertThat(refused).containsExactly("127.0.0.1");
    }

    @Test
    void onlyPublicAddressesArePublic() throws Exception {
        for (String local : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "::1", "fe80::1", "fd00::1", "224.0.0.1")) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(local))).as(local).isFalse();
        }
        for (String outside : List.of("8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "100.128.0.1")) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(outside))).as(outside).isTrue();
        }
        assertThat(PublicAddresses.allPublic("no-such-host.invalid")).isFalse();
    }

    @Test
    void aRedirectToAnUndeclaredHostIsRefused() {
        assertThatThrownBy(() -> egress(100, 4).send(get("/elsewhere"), HttpResponse.BodyHandlers.ofString()))
                .hasMessageContaining("egress to localhost refused");
        assertThat(refused).containsExactly("localhost");
    }

    @Test
    void aRedirectOnTheSameHostIsFollowedWithItsCredentials() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(get("/moved").uri()).header("Authorization", "Bearer t0ken").build();

        HttpResponse<String> response = egress(100, 4).send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(authorizationSeen).containsExactly("Bearer t0ken");
    }

    @Test
    void aRedirectToAnotherAllowedOriginLeavesTheCredentialsBehind() throws Exception {
        ConnectorSpec both = new ConnectorSpec("crm", "CRM", AuthorizationKind.API_KEY, Set.of("127.0.0.1", "localhost"), List.of());
        GuardedEgress egress = new GuardedEgress(both, CONFIG, http, 100, 4, false, (spec, config, host) -> refused.add(host));
        HttpRequest request = HttpRequest.newBuilder(get("/elsewhere").uri()).header("Authorization", "Bearer t0ken")
                .header("X-Api-Key", "k3y").header("Accept", "text/plain").build();

        HttpResponse<String> response = egress.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.request().uri().getHost()).isEqualTo("localhost");
        assertThat(authorizationSeen).containsExactly("null");
        assertThat(apiKeysSeen).containsExactly("null");
        assertThat(acceptSeen).containsExactly("text/plain");
    }

    @Test
    void http429BecomesRateLimitedWithTheServersRetryAfter() {
        assertThatThrownBy(() -> egress(100, 4).send(get("/busy"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ConnectorException.Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        assertThat(GuardedEgress.retryAfter(Optional.of("120"), now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(GuardedEgress.retryAfter(Optional.of("Wed, 25 Nov 2026 10:01:30 GMT"), now)).isEqualTo(Duration.ofSeconds(90));
        assertThat(GuardedEgress.retryAfter(Optional.of("Wed, 25 Nov 2026 09:00:00 GMT"), now)).isEqualTo(Duration.ZERO);
        assertThat(GuardedEgress.retryAfter(Optional.of("soon"), now)).isEqualTo(GuardedEgress.DEFAULT_RETRY_AFTER);
        assertThat(GuardedEgress.retryAfter(Optional.empty(), now)).isEqualTo(GuardedEgress.DEFAULT_RETRY_AFTER);
    }

    @Test
    void noMoreCallsThanTheLimitAreInFlightAtOnce() throws Exception {
        GuardedEgress egress = egress(1000, 2);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(callers.submit(() -> egress.send(get("/ok"), HttpResponse.BodyHandlers.ofString()).statusCode()));
        }
        for (Future<Integer> call : calls) {
            assertThat(call.get()).isEqualTo(200);
        }
        callers.shutdown();

        assertThat(mostInFlight.get()).isEqualTo(2);
    }

    @Test
    void callsAreSpacedToTheRate() throws Exception {
        GuardedEgress egress = egress(20, 4);
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            egress.send(get("/ok"), HttpResponse.BodyHandlers.ofString());
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void socketsConnectOnlyToAllowedHosts() throws Exception {
        GuardedEgress egress = egress(100, 4);
        int port = server.getAddress().getPort();

        try (Socket allowed = egress.sockets().createSocket("127.0.0.1", port)) {
            assertThat(allowed.isConnected()).isTrue();
        }
        assertThatThrownBy(() -> egress.sockets().createSocket("localhost", port)).hasMessageContaining("refused");
        Socket unconnected = egress.sockets().createSocket();
        assertThatThrownBy(() -> unconnected.connect(new InetSocketAddress("localhost", port))).hasMessageContaining("refused");
        unconnected.close();
        assertThatThrownBy(() -> egress.tlsSockets().createSocket("localhost", port)).hasMessageContaining("refused");
        assertThatThrownBy(() -> egress.permit("evil.example")).hasMessageContaining("refused");
        assertThat(refused).containsExactly("localhost", "localhost", "localhost", "evil.example");
    }

    @Test
    void anEgressRefusesAClientThatFollowsRedirectsItself() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        assertThatThrownBy(() -> new GuardedEgress(SPEC, CONFIG, following, 10, 1, false, (s, c, h) -> { }))
                .hasMessageContaining("redirects");
    }

    private GuardedEgress egress(double rate, int inFlightLimit) {
        return new GuardedEgress(SPEC, CONFIG, http, rate, inFlightLimit, false, (spec, config, host) -> refused.add(host));
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).build();
    }
}
