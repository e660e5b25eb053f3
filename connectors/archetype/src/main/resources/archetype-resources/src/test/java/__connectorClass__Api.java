package ${package};

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The ${connectorType} contacts API as the connector expects it, on a local port: pages of two
 * contacts, oldest change first, from {@code modifiedSince} on (inclusive).
 */
final class ${connectorClass}Api {
    static final int PAGE_SIZE = 2;

    private final HttpServer server;
    private final String apiKey;
    private final List<String[]> contacts = new ArrayList<>(); // id, name, e-mail, updatedAt
    private Instant clock = Instant.parse("2025-03-01T09:00:00Z");

    private ${connectorClass}Api(String apiKey) throws IOException {
        this.apiKey = apiKey;
        put("c-1", "Lee Park", "lee@globex.example");
        put("c-2", "Dana Ruiz", "dana@globex.example");
        put("c-3", "Sam Okafor", "sam@initech.example");
        put("c-4", "Ines Haddad", "ines@initech.example");
        put("c-5", "Tom Berg", "tom@umbrella.example");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/contacts", this::contacts);
        server.start();
    }

    static ${connectorClass}Api start(String apiKey) throws IOException {
        return new ${connectorClass}Api(apiKey);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    /** Adds or changes a contact, modified after all others; returns its id. */
    synchronized String put(String id, String name, String email) {
        clock = clock.plusSeconds(60);
        contacts.removeIf(contact -> contact[0].equals(id));
        contacts.add(new String[] {id, name, email, clock.toString()});
        return id;
    }

    private synchronized void contacts(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!apiKey.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
                answer(exchange, 401, "{\"error\":\"unknown API key\"}");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Instant since;
            int from;
            try {
                since = Instant.parse(query.getOrDefault("modifiedSince", Instant.EPOCH.toString()));
                from = Integer.parseInt(query.getOrDefault("cursor", "0"));
            } catch (RuntimeException malformed) {
                answer(exchange, 400, "{\"error\":\"bad query\"}");
                return;
            }
            List<String[]> matching = contacts.stream()
                    .filter(contact -> !Instant.parse(contact[3]).isBefore(since))
                    .sorted(Comparator.comparing(contact -> contact[3]))
                    .toList();
            int to = Math.min(from + PAGE_SIZE, matching.size());
            String data = matching.subList(Math.min(from, to), to).stream()
                    .map(c -> "{\"id\":" + quoted(c[0]) + ",\"name\":" + quoted(c[1]) + ",\"email\":" + quoted(c[2])
                            + ",\"updatedAt\":" + quoted(c[3]) + "}")
                    .collect(Collectors.joining(","));
            String next = to < matching.size() ? quoted(Integer.toString(to)) : "null";
            answer(exchange, 200, "{\"data\":[" + data + "],\"nextCursor\":" + next + "}");
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
