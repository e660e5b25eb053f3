package org.plumly.connector.testkit.sample;

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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A CRM's contacts API on a local port: {@code GET /v1/contacts?modifiedSince=…&page=…} with an
 * {@code X-Api-Key} header answers pages of two contacts, oldest change first, modified at or after
 * the instant (inclusive), and the number of the next page or null.
 */
final class SampleCrm {
    static final int PAGE_SIZE = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String apiKey;
    private final List<Map<String, Object>> contacts = new ArrayList<>();
    private Instant clock = Instant.parse("2025-03-01T09:00:00Z");

    private SampleCrm(String apiKey) throws IOException {
        this.apiKey = apiKey;
        for (String name : List.of("Lee Park", "Dana Ruiz", "Sam Okafor", "Ines Haddad", "Tom Berg")) {
            put("c-" + (contacts.size() + 1), name);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/contacts", this::contacts);
        server.start();
    }

    static SampleCrm start(String apiKey) throws IOException {
        return new SampleCrm(apiKey);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    /** Adds or renames a contact, modified after every other; returns its id. */
    synchronized String put(String id, String name) {
        clock = clock.plusSeconds(60);
        contacts.removeIf(contact -> contact.get("id").equals(id));
        contacts.add(Map.of("id", id, "name", name, "email", id + "@globex.example", "modified", clock.toString()));
        return id;
    }

    private synchronized void contacts(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!apiKey.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
                answer(exchange, 401, Map.of("error", "unknown API key"));
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Instant since;
            int page;
            try {
                since = Instant.parse(query.getOrDefault("modifiedSince", Instant.EPOCH.toString()));
                page = Integer.parseInt(query.getOrDefault("page", "0"));
            } catch (RuntimeException malformed) {
                answer(exchange, 400, Map.of("error", "bad query"));
                return;
            }
            List<Map<String, Object>> matching = contacts.stream()
                    .filter(contact -> !Instant.parse((String) contact.get("modified")).isBefore(since))
                    .sorted(Comparator.comparing(contact -> (String) contact.get("modified")))
                    .toList();
            int from = Math.min(page * PAGE_SIZE, matching.size());
            int to = Math.min(from + PAGE_SIZE, matching.size());
            Map<String, Object> body = new HashMap<>();
            body.put("contacts", matching.subList(from, to));
            body.put("nextPage", to < matching.size() ? page + 1 : null);
            answer(exchange, 200, body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
