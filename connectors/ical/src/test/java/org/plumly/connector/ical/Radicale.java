package org.plumly.connector.ical;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real CalDAV server for tests: Debian's Radicale, started as a child process on a port it picks
 * itself, with its storage in a temporary folder, htpasswd users in plain text and owner-only rights.
 * It is ready once it logs that it listens and is ready; no sleeping, no guessing a free port.
 *
 * <pre>{@code
 * Radicale radicale = Radicale.start(tempDir, "dana", "dana-secret");
 * URI calendar = radicale.mkcalendar("dana", "work");
 * radicale.put(calendar, "meeting-1.ics", ics);
 * }</pre>
 */
final class Radicale implements AutoCloseable {
    private static final Path EXECUTABLE = Path.of("/usr/bin/radicale");
    private static final Pattern LISTENING = Pattern.compile("Listening on '\\[?([0-9.]+)\\]?:(\\d+)'");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path storage;
    private final URI base;
    private final String user;
    private final String password;
    private final List<String> log;

    private Radicale(Process process, Path storage, URI base, String user, String password, List<String> log) {
        this.process = process;
        this.storage = storage;
        this.base = base;
        this.user = user;
        this.password = password;
        this.log = log;
    }

    /** Starts a server in {@code folder} with one user; fails, never skips, when Radicale is not installed. */
    static Radicale start(Path folder, String user, String password) throws IOException {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new AssertionError("the CalDAV tests need Radicale, a real CalDAV server: " + EXECUTABLE
                    + " is missing; install it with `apt-get install radicale`");
        }
        Path users = folder.resolve("users");
        Files.writeString(users, user + ":" + password + "\n");
        Path storage = folder.resolve("collections");
        Path config = folder.resolve("config");
        Files.writeString(config, String.join("\n",
                "[server]", "hosts = 127.0.0.1:0",
                "[auth]", "type = htpasswd", "htpasswd_filename = " + users, "htpasswd_encryption = plain", "delay = 0",
                "[rights]", "type = owner_only",
                "[storage]", "filesystem_folder = " + storage,
                "[web]", "type = none",
                "[logging]", "level = info", "mask_passwords = True", ""));
        Process process = new ProcessBuilder(EXECUTABLE.toString(), "--config", config.toString())
                .redirectErrorStream(true).start();
        List<String> log = new ArrayList<>();
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> readLog(process, log, ready), "radicale-log");
        reader.setDaemon(true);
        reader.start();
        try {
            URI base = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new Radicale(process, storage, base, user, password, log);
        } catch (Exception failed) {
            process.destroyForcibly();
            throw new IOException("Radicale did not start: " + failed + "; it said: " + logOf(log), failed);
        }
    }

    private static void readLog(Process process, List<String> log, CompletableFuture<URI> ready) {
        URI listening = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                synchronized (log) {
                    log.add(line);
                }
                Matcher address = LISTENING.matcher(line);
                if (address.find()) {
                    listening = URI.create("http://" + address.group(1) + ":" + address.group(2) + "/");
                } else if (line.contains("Radicale server ready") && listening != null) {
                    ready.complete(listening);
                }
            }
        } catch (IOException ended) {
            // the process went away; whoever waits learns it below
        }
        ready.completeExceptionally(new IOException("Radicale stopped before it was ready")); // no-op once ready
    }

    private static String logOf(List<String> log) {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    /** The server's root, such as {@code http://127.0.0.1:40007/}. */
    URI base() {
        return base;
    }

    /** Creates a calendar collection of the user (RFC 4791 MKCALENDAR) and returns its address. */
    URI mkcalendar(String name) throws IOException {
        URI calendar = base.resolve("/" + user + "/" + name + "/");
        String body = """
                <?xml version="1.0" encoding="utf-8"?>
                <C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
                  <D:set><D:prop><D:displayname>%s</D:displayname></D:prop></D:set>
                </C:mkcalendar>
                """.formatted(name);
        expect(201, send(HttpRequest.newBuilder(calendar).method("MKCALENDAR", HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/xml")));
        return calendar;
    }

    /** Creates or replaces a member of a calendar. */
    void put(URI calendar, String name, String ics) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(calendar.resolve(name))
                .PUT(HttpRequest.BodyPublishers.ofString(ics)).header("Content-Type", "text/calendar; charset=utf-8"));
        if (response.statusCode() != 201 && response.statusCode() != 204) {
            throw new IOException("PUT " + name + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Replaces a calendar's members with the events of one iCalendar document; Radicale names each {@code <UID>.ics}. */
    void putCollection(URI calendar, String ics) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(calendar)
                .PUT(HttpRequest.BodyPublishers.ofString(ics)).header("Content-Type", "text/calendar; charset=utf-8"));
        if (response.statusCode() != 201 && response.statusCode() != 204) {
            throw new IOException("PUT of the collection answered " + response.statusCode() + ": " + response.body());
        }
    }

    void delete(URI calendar, String name) throws IOException {
        expect(200, send(HttpRequest.newBuilder(calendar.resolve(name)).DELETE()));
    }

    /** Forgets every sync token handed out so far, as a server does when they expire. */
    void expireSyncTokens() throws IOException {
        try (Stream<Path> files = Files.walk(storage)) {
            for (Path token : files.filter(p -> p.getParent().getFileName().toString().equals("sync-token")).toList()) {
                Files.delete(token);
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            // a client per call: Radicale answers HTTP/1.0 and closes, which a pooled connection learns too late
            HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
            return http.send(request.header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", interrupted);
        }
    }

    private void expect(int status, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(response.request().method() + " " + response.uri() + " answered " + response.statusCode()
                    + " instead of " + status + ": " + response.body());
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Radicale[" + base + "]";
    }

    /** What the server logged, for a failing test's message. */
    String log() {
        return logOf(log);
    }
}
