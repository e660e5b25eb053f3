package org.plumly.connector.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.plumly.connector.ical.Ics.NOW;
import static org.plumly.connector.ical.Ics.calendar;
import static org.plumly.connector.ical.Ics.meeting;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.StreamState;
import org.plumly.connector.testkit.RecordingSink;

/** A feed behind a secret address on a local HTTP server: conditional GETs, credentials, and how failures come out. */
class FeedSourceTest {
    private static final String SECRET_PATH = "/calendars/feed-key-7f3a9c/basic.ics";
    private HttpServer server;
    private volatile String body = calendar(meeting("kickoff", NOW, "Kick-off"), meeting("demo", NOW.plusSeconds(86_400), "Demo"));
    private volatile String etag = "\"v1\"";
    private volatile String lastModified;
    private volatile int status = 200;
    private volatile String credentials;
    private final List<Map<String, String>> requests = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> request = new HashMap<>();
        request.put("path", exchange.getRequestURI().getPath());
        exchange.getRequestHeaders().forEach((name, values) -> request.put(name.toLowerCase(), values.get(0)));
        synchronized (requests) {
            requests.add(request);
        }
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        int answer = status;
        if (!exchange.getRequestURI().getPath().equals(SECRET_PATH)) {
            answer = 404;
        } else if (credentials != null && !("Basic " + credentials).equals(request.get("authorization"))) {
            answer = 401;
        } else if (answer == 200 && etag != null && etag.equals(request.get("if-none-match"))) {
            answer = 304;
        } else if (answer == 200 && lastModified != null && lastModified.equals(request.get("if-modified-since"))) {
            answer = 304;
        } else if (answer == 429) {
            exchange.getResponseHeaders().add("Retry-After", "120");
        }
        if (etag != null) {
            exchange.getResponseHeaders().add("ETag", etag);
        }
        if (lastModified != null) {
            exchange.getResponseHeaders().add("Last-Modified", lastModified);
        }
        exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
        if (answer == 200) {
            exchange.sendResponseHeaders(200, content.length);
            exchange.getResponseBody().write(content);
        } else {
            exchange.sendResponseHeaders(answer, -1);
        }
        exchange.close();
    }

    private Runs runs(String... more) {
        Map<String, String> settings = new HashMap<>(Map.of("source", "feed",
                "url", "http://127.0.0.1:" + server.getAddress().getPort() + SECRET_PATH));
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return Runs.of(settings);
    }

    private Map<String, String> lastRequest() {
        synchronized (requests) {
            return requests.get(requests.size() - 1);
        }
    }

    @Test
    void anUnchangedFeedIsAskedForWithItsETagAndNotReadAgain() throws Exception {
        RecordingSink first = runs().readAll();
        assertThat(Runs.sourceIds(first)).containsExactly("kickoff", "demo");
        StreamState saved = first.lastCheckpoint().orElseThrow();
        assertThat(saved.find("etag")).contains("\"v1\"");
        assertThat(lastRequest()).doesNotContainKey("if-none-match");

        RecordingSink unchanged = runs().read(saved);
        assertThat(lastRequest()).containsEntry("if-none-match", "\"v1\"");
        assertThat(unchanged.records()).isEmpty();
        assertThat(unchanged.lastCheckpoint()).contains(saved);

        body = calendar(meeting("kickoff", NOW, "Kick-off, moved"));
        etag = "\"v2\"";
        RecordingSink changed = runs().read(saved);
        assertThat(Runs.meeting(changed, "kickoff").subject()).isEqualTo("Kick-off, moved");
        assertThat(changed.lastCheckpoint().orElseThrow().find("etag")).contains("\"v2\"");
    }

    @Test
    void aFeedWithOnlyLastModifiedIsAskedForSinceThen() throws Exception {
        etag = null;
        lastModified = "Tue, 24 Nov 2026 08:00:00 GMT";
        StreamState saved = runs().readAll().lastCheckpoint().orElseThrow();
        assertThat(saved.cursor()).containsEntry("lastModified", lastModified).doesNotContainKey("etag");

        RecordingSink unchanged = runs().read(saved);

        assertThat(lastRequest()).containsEntry("if-modified-since", lastModified);
        assertThat(unchanged.records()).isEmpty();
    }

    @Test
    void aFeedIsAskedForWholeAgainOnceTheWindowMoved() throws Exception {
        StreamState saved = runs().readAll().lastCheckpoint().orElseThrow();

        RecordingSink nextDay = runs().read(NOW.plus(Duration.ofDays(1)), saved);

        assertThat(lastRequest()).doesNotContainKey("if-none-match");
        assertThat(Runs.sourceIds(nextDay)).containsExactly("kickoff", "demo");
    }

    @Test
    void theUsernameAndPasswordAreSentAndARefusalIsUnauthorized() throws Exception {
        credentials = Base64.getEncoder().encodeToString("dana:feed-password".getBytes(StandardCharsets.UTF_8));
        IcalConnector connector = Runs.connector(NOW);

        assertThat(connector.check(runs("username", "dana", "password", "feed-password").context(connector)).passed()).isTrue();
        assertThat(Runs.sourceIds(runs("username", "dana", "password", "feed-password").readAll())).hasSize(2);
        CheckResult refused = connector.check(runs("username", "dana", "password", "wrong-password").context(connector));
        assertThat(refused.passed()).isFalse();
        assertThat(refused.reason()).doesNotContain("wrong-password", "feed-key");
        assertThatThrownBy(() -> runs().readAll()).isInstanceOfSatisfying(ConnectorException.class,
                failed -> assertThat(failed.kind()).isEqualTo(ConnectorException.Kind.UNAUTHORIZED));

    }

    @Test
    void aRateLimitedFeedSaysWhenToComeBack() {
        status = 429;
        assertThatThrownBy(() -> runs().readAll()).isInstanceOfSatisfying(ConnectorException.class, failed -> {
            assertThat(failed.kind()).isEqualTo(ConnectorException.Kind.RATE_LIMITED);
            assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        });
    }

    @Test
    void failuresSayWhatFollowsWithoutTheSecretAddress() {
        status = 503;
        assertThatThrownBy(() -> runs().readAll()).isInstanceOfSatisfying(ConnectorException.class, failed -> {
            assertThat(failed.kind()).isEqualTo(ConnectorException.Kind.TRANSIENT);
            assertThat(failed.getMessage()).contains("127.0.0.1").doesNotContain("feed-key");
        });
        status = 200;
        assertThatThrownBy(() -> runs("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/calendars/feed-key-old/basic.ics")
                .readAll()).isInstanceOfSatisfying(ConnectorException.class, failed -> {
                    assertThat(failed.kind()).isEqualTo(ConnectorException.Kind.MISCONFIGURED);
                    assertThat(failed.getMessage()).doesNotContain("feed-key");
                });
        body = "<!doctype html><html><body>Sign in to see this calendar</body></html>";
        assertThatThrownBy(() -> runs().readAll()).isInstanceOfSatisfying(ConnectorException.class,
                failed -> assertThat(failed.kind()).isEqualTo(ConnectorException.Kind.MISCONFIGURED));
    }
}
