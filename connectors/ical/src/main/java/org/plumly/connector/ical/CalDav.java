package org.plumly.connector.ical;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;

/** The CalDAV calls of the connector on one calendar collection, through the egress. */
final class CalDav {
    private static final String PROPFIND = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:propfind xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:prop><D:resourcetype/></D:prop>
            </D:propfind>
            """;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Http http;
    private final URI collection;

    CalDav(ConnectorContext context, Settings settings) {
        this.http = new Http(context, settings);
        this.collection = settings.url();
    }

    /** The server refused the sync token as expired or unknown (RFC 6578 3.2, DAV:valid-sync-token). */
    static final class InvalidSyncTokenException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** Whether the collection is a calendar; fails as a read would (unauthorized, not there …). */
    boolean isCalendar() throws ConnectorException {
        DavXml.Multistatus answer = multistatus(http.send(http.dav("PROPFIND", collection, "0", PROPFIND)), "calendar collection");
        return answer.responses().stream().anyMatch(response -> isCollection(response.href()) && response.calendar());
    }

    /** RFC 6578 sync-collection: what changed since {@code token} ({@code ""}: every member), and the new token. */
    DavXml.Multistatus sync(String token) throws ConnectorException, InvalidSyncTokenException {
        String body = """
                <?xml version="1.0" encoding="utf-8"?>
                <D:sync-collection xmlns:D="DAV:">
                  <D:sync-token>%s</D:sync-token>
                  <D:sync-level>1</D:sync-level>
                  <D:prop><D:getetag/></D:prop>
                </D:sync-collection>
                """.formatted(DavXml.escaped(token));
        HttpResponse<String> response = http.send(http.dav("REPORT", collection, "0", body));
        int status = response.statusCode();
        if ((status == 403 || status == 409) && DavXml.hasPrecondition(response.body(), "valid-sync-token")) {
            throw new InvalidSyncTokenException();
        }
        if (status == 403 && DavXml.hasPrecondition(response.body(), "supported-report")) {
            throw ConnectorException.misconfigured(collection.getHost() + " does not offer sync-collection (RFC 6578) on the collection set");
        }
        return multistatus(response, "calendar collection");
    }

    /** RFC 4791 calendar-multiget: the data of these members. */
    DavXml.Multistatus multiget(List<String> hrefs) throws ConnectorException {
        StringBuilder body = new StringBuilder("""
                <?xml version="1.0" encoding="utf-8"?>
                <C:calendar-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
                  <D:prop><D:getetag/><C:calendar-data/></D:prop>
                """);
        hrefs.forEach(href -> body.append("  <D:href>").append(DavXml.escaped(href)).append("</D:href>\n"));
        body.append("</C:calendar-multiget>\n");
        return multistatus(http.send(http.dav("REPORT", collection, "1", body.toString())), "calendar collection");
    }

    /** RFC 4791 calendar-query: the members with an event instance in [from, to), recurrences expanded by the server. */
    DavXml.Multistatus eventsBetween(Instant from, Instant to) throws ConnectorException {
        String body = """
                <?xml version="1.0" encoding="utf-8"?>
                <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
                  <D:prop><D:getetag/></D:prop>
                  <C:filter>
                    <C:comp-filter name="VCALENDAR">
                      <C:comp-filter name="VEVENT"><C:time-range start="%s" end="%s"/></C:comp-filter>
                    </C:comp-filter>
                  </C:filter>
                </C:calendar-query>
                """.formatted(UTC.format(from), UTC.format(to));
        return multistatus(http.send(http.dav("REPORT", collection, "1", body)), "calendar collection");
    }

    /** Whether an href names the collection itself rather than a member. */
    boolean isCollection(String href) {
        String path = collection.resolve(href).getPath();
        return path.equals(collection.getPath()) || (path + "/").equals(collection.getPath());
    }

    private DavXml.Multistatus multistatus(HttpResponse<String> response, String what) throws ConnectorException {
        if (response.statusCode() != 207) {
            throw http.failure(response.statusCode(), what);
        }
        try {
            return DavXml.multistatus(response.body());
        } catch (IOException malformed) {
            throw ConnectorException.transientFailure(collection.getHost() + " answered malformed WebDAV XML", malformed);
        }
    }
}
