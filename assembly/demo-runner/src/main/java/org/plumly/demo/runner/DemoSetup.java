package org.plumly.demo.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sets up the demo tenant as its company admin would through the API: the CRM export (CSV connector),
 * each user's calendar file (iCalendar connector) and each mailbox on the demo mail server (IMAP
 * connector); authorizes them (which starts their first sync) and reports each run.
 * Integrations already there are kept and synced again, which changes nothing when the sources did not.
 */
final class DemoSetup {
    private static final long SYNC_INTERVAL_MINUTES = 24 * 60;
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration RUN_LIMIT = Duration.ofMinutes(15);

    private final HubApi api;
    private final PrintStream out;

    DemoSetup(HubApi api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    /** One integration the demo wants: its id, connector, settings and secrets. */
    record Wanted(String id, String connector, Map<String, String> settings, Map<String, String> secrets) {
    }

    /** What a finished run reported. */
    record Finished(String integration, String connector, String status, long stored, long rejected, Duration took,
                    List<String> errors) {
        double perSecond() {
            return took.toMillis() == 0 ? 0 : stored * 1000.0 / took.toMillis();
        }
    }

    /** The integrations for the sources in {@code imports} (the tenant's import folder) and the mail server on {@code imapPort}. */
    static List<Wanted> wanted(Path imports, int imapPort, DemoMailServer.Passwords passwords) throws IOException {
        List<Wanted> wanted = new ArrayList<>();
        wanted.add(new Wanted("crm", "csv", Map.of("folder", "crm", "layout", "salesforce"), Map.of()));
        for (Path mailbox : sortedChildren(imports.resolve("mail"))) {
            String address = mailbox.getFileName().toString();
            String local = address.substring(0, address.indexOf('@'));
            String slug = local.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            if (Files.isRegularFile(imports.resolve("calendar").resolve(local + ".ics"))) {
                wanted.add(new Wanted("calendar-" + slug, "ical",
                        Map.of("source", "file", "file", "calendar/" + local + ".ics", "mailbox", address), Map.of()));
            }
            wanted.add(new Wanted("mail-" + slug, "imap", Map.of("host", "127.0.0.1", "port", Integer.toString(imapPort),
                    "security", "none", "auth", "password", "username", address, "folders", "INBOX,Sent", "mailbox", address),
                    Map.of("password", passwords.of(address))));
        }
        return wanted;
    }

    /** Creates what is missing and authorizes what is not active or has secrets; returns the ids of the integrations. */
    List<String> provision(List<Wanted> wanted) throws IOException {
        Map<String, String> status = new TreeMap<>();
        for (JsonNode existing : api.all("integrations")) {
            status.put(existing.get("id").asText(), existing.get("status").asText());
        }
        List<String> ready = new ArrayList<>();
        for (Wanted integration : wanted) {
            if (!status.containsKey(integration.id())) {
                ObjectNode body = HubApi.object().put("id", integration.id()).put("connector", integration.connector())
                        .put("syncIntervalMinutes", SYNC_INTERVAL_MINUTES);
                integration.settings().forEach(body.putObject("settings")::put);
                integration.secrets().forEach(body.putObject("secrets")::put);
                HubApi.Reply created = api.post("integrations", body);
                if (!created.ok()) {
                    throw new IOException("creating integration " + integration.id() + ": " + created.problem());
                }
                status.put(integration.id(), created.body().path("status").asText());
            }
            // Secrets are given again every time: the mailbox passwords are the demo's own, and a hub
            // reinstalled with a new vault key could no longer open the ones it sealed before.
            if (!"ACTIVE".equals(status.get(integration.id())) || !integration.secrets().isEmpty()) {
                ObjectNode secrets = HubApi.object();
                integration.secrets().forEach(secrets.putObject("secrets")::put);
                HubApi.Reply authorized = api.post("integrations/" + integration.id() + "/authorize", secrets);
                if (!authorized.ok()) {
                    throw new IOException("authorizing integration " + integration.id() + ": " + authorized.problem());
                }
            }
            ready.add(integration.id());
        }
        return ready;
    }

    /**
     * Syncs the integrations, as many at once as the hub takes (it refuses a run while its workers are
     * busy; those wait for one to finish). A run that started since {@code since} (authorizing an
     * integration starts one) counts as this sync's.
     */
    List<Finished> syncAll(List<String> integrations, Instant since, Map<String, String> connectors) throws IOException {
        List<Finished> finished = new ArrayList<>();
        Deque<String> waiting = new ArrayDeque<>(integrations);
        Map<String, String> running = new LinkedHashMap<>();
        while (!waiting.isEmpty() || !running.isEmpty()) {
            while (!waiting.isEmpty()) {
                String run = currentOrNew(waiting.peek(), since);
                if (run == null) {
                    break;
                }
                running.put(waiting.pop(), run);
            }
            if (running.isEmpty()) {
                pause();
                continue;
            }
            List<Finished> done = awaitAny(running, connectors);
            done.forEach(f -> running.remove(f.integration()));
            finished.addAll(done);
        }
        return finished;
    }

    /** The integration's run since {@code since}, or a new one; null when the hub is busy and it should be tried again. */
    private String currentOrNew(String integration, Instant since) throws IOException {
        String current = latestSince(integration, since);
        if (current != null) {
            return current;
        }
        HubApi.Reply reply = api.post("integrations/" + integration + "/sync", null);
        if (reply.status() == 409) {
            return latestSince(integration, since);
        }
        if (!reply.ok()) {
            throw new IOException("sync of " + integration + ": " + reply.problem());
        }
        return reply.body().get("run").asText();
    }

    private String latestSince(String integration, Instant since) throws IOException {
        HubApi.Reply runs = api.get("integrations/" + integration + "/runs?limit=1");
        if (!runs.ok()) {
            throw new IOException("runs of " + integration + ": " + runs.problem());
        }
        for (JsonNode run : runs.body().path("items")) {
            if ("RUNNING".equals(run.get("status").asText()) || !Instant.parse(run.get("startedAt").asText()).isBefore(since)) {
                return run.get("id").asText();
            }
        }
        return null;
    }

    /** Polls the running runs until at least one has finished; returns those that have. */
    private List<Finished> awaitAny(Map<String, String> running, Map<String, String> connectors) throws IOException {
        Instant deadline = Instant.now().plus(RUN_LIMIT);
        while (true) {
            List<Finished> done = new ArrayList<>();
            for (Map.Entry<String, String> run : running.entrySet()) {
                HubApi.Reply reply = api.get("integrations/" + run.getKey() + "/runs/" + HubApi.encode(run.getValue()));
                if (!reply.ok()) {
                    throw new IOException("run " + run.getValue() + " of " + run.getKey() + ": " + reply.problem());
                }
                JsonNode body = reply.body();
                if (!"RUNNING".equals(body.get("status").asText())) {
                    done.add(finished(run.getKey(), connectors.get(run.getKey()), body));
                }
            }
            if (!done.isEmpty()) {
                done.forEach(this::report);
                return done;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("runs still going after " + RUN_LIMIT.toMinutes() + " minutes: " + running.keySet());
            }
            pause();
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static Finished finished(String integration, String connector, JsonNode run) {
        Instant started = Instant.parse(run.get("startedAt").asText());
        Instant ended = Instant.parse(run.get("finishedAt").asText());
        List<String> errors = new ArrayList<>();
        run.path("errors").forEach(e -> errors.add(e.asText()));
        return new Finished(integration, connector, run.get("status").asText(), run.path("total").path("stored").asLong(),
                run.path("total").path("rejected").asLong(), Duration.between(started, ended), errors);
    }

    private void report(Finished run) {
        out.printf(Locale.ROOT, "  %-24s %-5s %-9s %6d stored %4d rejected %7.1f s %8.0f records/s%n", run.integration(),
                run.connector(), run.status(), run.stored(), run.rejected(), run.took().toMillis() / 1000.0, run.perSecond());
        run.errors().forEach(error -> out.println("      " + error));
    }

    /** Records per second per connector: everything it stored over the time its runs took, added up. */
    static Map<String, String> throughput(List<Finished> runs) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Finished run : runs) {
            long[] sum = sums.computeIfAbsent(run.connector(), c -> new long[2]);
            sum[0] += run.stored();
            sum[1] += run.took().toMillis();
        }
        Map<String, String> figures = new LinkedHashMap<>();
        sums.forEach((connector, sum) -> figures.put(connector, String.format(Locale.ROOT, "%d records in %.1f s of runs: %.0f records/s",
                sum[0], sum[1] / 1000.0, sum[1] == 0 ? 0 : sum[0] * 1000.0 / sum[1])));
        return figures;
    }

    private static List<Path> sortedChildren(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }
}
