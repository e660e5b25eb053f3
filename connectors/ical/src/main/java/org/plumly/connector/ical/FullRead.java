package org.plumly.connector.ical;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.plumly.api.Activity;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.RecordSink;
import org.plumly.api.connector.SourceFiles.SourceFile;
import org.plumly.api.connector.StreamState;
import org.plumly.connector.ical.CalendarText.MalformedCalendarException;

/**
 * A feed or a file, read whole each time it changed: a feed by a conditional GET (ETag, Last-Modified),
 * a file by its size and modification time. Unchanged and within the same window, a run emits nothing
 * but its checkpoint. Checkpoints within a read keep the state it started from, so a read stopped half
 * way reads the whole document again.
 */
final class FullRead {
    private final ConnectorContext context;
    private final Settings settings;
    private final Window window;

    FullRead(ConnectorContext context, Settings settings, Window window) {
        this.context = context;
        this.settings = settings;
        this.window = window;
    }

    /** A document and the state that says it was read. */
    private record Document(String text, String name, StreamState read) {
    }

    void read(StreamState state, RecordSink sink) throws ConnectorException {
        StreamState start = SavedState.startingPoint(state, settings);
        boolean sameWindow = SavedState.horizon(start).map(window.horizon()::equals).orElse(false);
        Optional<Document> document = settings.source() == Settings.Source.FILE ? file(start, sameWindow) : feed(start, sameWindow);
        if (document.isEmpty()) {
            sink.checkpoint(start);
            return;
        }
        Meetings.Read read = parse(document.get().text(), document.get().name());
        read.rejections().forEach(rejection -> sink.reject(rejection.location(), rejection.reason()));
        List<Activity> meetings = read.meetings();
        for (int from = 0; from < meetings.size(); from += settings.batchSize()) {
            meetings.subList(from, Math.min(meetings.size(), from + settings.batchSize())).forEach(sink::emit);
            if (from + settings.batchSize() < meetings.size()) {
                sink.checkpoint(start);
                if (sink.stopRequested()) {
                    return;
                }
            }
        }
        sink.checkpoint(document.get().read());
    }

    /** Fetches and reads the document, as a check: fails as a read would. */
    void probe() throws ConnectorException {
        StreamState start = StreamState.initial(IcalConnector.EVENTS).with(SavedState.ORIGIN, settings.origin());
        Document document = (settings.source() == Settings.Source.FILE ? file(start, false) : feed(start, false)).orElseThrow();
        parse(document.text(), document.name());
    }

    private Meetings.Read parse(String text, String name) throws ConnectorException {
        try {
            return new Meetings(context.config(), IcalConnector.EVENTS, settings, window).read(text, name);
        } catch (MalformedCalendarException malformed) {
            String message = "the " + (settings.source() == Settings.Source.FILE ? settings.where() : "feed on " + settings.where())
                    + " is no iCalendar document: " + malformed.getMessage();
            throw malformed.truncated() ? ConnectorException.transientFailure(message, malformed) : ConnectorException.misconfigured(message);
        }
    }

    private Optional<Document> file(StreamState start, boolean sameWindow) throws ConnectorException {
        SourceFile file = sourceFile();
        if (sameWindow && SavedState.number(start, SavedState.SIZE).equals(Optional.of(file.size()))
                && SavedState.number(start, SavedState.MODIFIED).equals(Optional.of(file.modified()))) {
            return Optional.empty();
        }
        try (InputStream in = context.files().open(file.path())) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(new Document(text, file.name(), read(start).with(SavedState.SIZE, Long.toString(file.size()))
                    .with(SavedState.MODIFIED, Long.toString(file.modified()))));
        } catch (IOException failed) {
            throw ConnectorException.transientFailure(settings.where() + " cannot be read: " + failed.getMessage(), failed);
        }
    }

    /** The configured file, with its size and modification time. */
    SourceFile sourceFile() throws ConnectorException {
        String path = settings.file().replace('\\', '/');
        int slash = path.lastIndexOf('/');
        String folder = slash < 0 ? "" : path.substring(0, slash);
        String name = path.substring(slash + 1);
        for (SourceFile file : context.files().list(folder)) {
            if (file.name().equals(name)) {
                return file;
            }
        }
        throw ConnectorException.misconfigured("no " + settings.where() + " in the import folder");
    }

    private Optional<Document> feed(StreamState start, boolean sameWindow) throws ConnectorException {
        Http http = new Http(context, settings);
        HttpRequest.Builder request = http.request(settings.url()).GET().header("Accept", "text/calendar, */*;q=0.5");
        if (sameWindow) {
            start.find(SavedState.ETAG).ifPresent(etag -> request.header("If-None-Match", etag));
            start.find(SavedState.LAST_MODIFIED).ifPresent(modified -> request.header("If-Modified-Since", modified));
        }
        HttpResponse<String> response = http.send(request.build());
        if (response.statusCode() == 304) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw http.failure(response.statusCode(), "calendar feed");
        }
        StreamState read = read(start);
        Optional<String> etag = validator(response, "ETag");
        Optional<String> modified = validator(response, "Last-Modified");
        if (etag.isPresent()) {
            read = read.with(SavedState.ETAG, etag.get());
        }
        if (modified.isPresent()) {
            read = read.with(SavedState.LAST_MODIFIED, modified.get());
        }
        return Optional.of(new Document(response.body(), "feed", read));
    }

    /** The state after a read: where it read and the window, without the validators of the last one. */
    private StreamState read(StreamState start) {
        return StreamState.initial(start.stream()).with(SavedState.ORIGIN, settings.origin())
                .with(SavedState.HORIZON, window.horizon().toString());
    }

    private static Optional<String> validator(HttpResponse<?> response, String header) {
        return response.headers().firstValue(header).map(String::trim).filter(v -> !v.isEmpty() && v.length() <= 1_000);
    }
}
