package org.plumly.itests;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.plumly.web.routes.ApiTokens;

/** The running hub as a client sees it, from inside the container. */
final class Hub {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        // Read inside the container: the runner also instantiates the test on the host, where it is unset.
        return URI.create("http://127.0.0.1:" + Integer.getInteger(PlumlyDistribution.WEB_PORT) + path);
    }

    /** Polls until the condition holds; fails with the description after a minute. */
    static void eventually(String description, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + description);
            }
            Thread.sleep(100);
        }
    }

    /** The body of GET path when it answers 200, or an empty string while it does not answer. */
    String bodyOrEmpty(String path) {
        try {
            HttpResponse<String> response = get(path);
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The detail a dependency reports on /api/health, or null while the hub does not answer 200 or lists no such dependency. */
    String dependencyDetail(String name) {
        String body = bodyOrEmpty("/api/health");
        if (body.isEmpty()) {
            return null;
        }
        JsonObject dependency = new JsonObject(body).getJsonObject("dependencies").getJsonObject(name);
        return dependency == null ? null : dependency.getString("detail");
    }

    /** Withdraws the tokens a test issued under this label, so that no test leaves a way in behind. */
    static void revokeTokensLabelled(ApiTokens tokens, String label) {
        tokens.list().stream().filter(token -> label.equals(token.label())).forEach(token -> tokens.revoke(token.id()));
    }
}
