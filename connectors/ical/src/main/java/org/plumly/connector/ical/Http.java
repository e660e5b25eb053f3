package org.plumly.connector.ical;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;

/**
 * HTTP through the integration's {@link org.plumly.api.connector.Egress}, with its credentials, and what
 * an answer's status means for the run. The egress turns a 429 into {@code rateLimited} with the
 * server's Retry-After before an answer gets here. Messages name the host, never a path: a feed's secret
 * address carries its key there.
 */
final class Http {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ConnectorContext context;
    private final Settings settings;

    Http(ConnectorContext context, Settings settings) {
        this.context = context;
        this.settings = settings;
    }

    /** A request to {@code uri} with the timeout and the Basic credentials of the settings. */
    HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        settings.authorization().ifPresent(credentials -> request.header("Authorization", credentials));
        return request;
    }

    /** A WebDAV method with an XML body, such as REPORT or PROPFIND. */
    HttpRequest dav(String method, URI uri, String depth, String xml) {
        return request(uri).method(method, HttpRequest.BodyPublishers.ofString(xml))
                .header("Content-Type", "application/xml; charset=utf-8")
                .header("Depth", depth)
                .build();
    }

    /**
     * Sends a request; every request of this connector is safe (GET, PROPFIND, REPORT), so one whose
     * connection broke before an answer is sent once more (RFC 9110 9.2.2): servers that answer HTTP/1.0
     * and close (Radicale, a small WSGI server) leave a pooled connection that fails on its next use.
     */
    HttpResponse<String> send(HttpRequest request) throws ConnectorException {
        try {
            return context.egress().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectorException failed) {
            if (failed.kind() != ConnectorException.Kind.TRANSIENT || !(failed.getCause() instanceof IOException broken)
                    || broken instanceof HttpTimeoutException) {
                throw failed;
            }
            return context.egress().send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The failure an unexpected status stands for. */
    ConnectorException failure(int status, String what) {
        String host = settings.url().getHost();
        if (status == 401 || status == 403) {
            return ConnectorException.unauthorized(host + " refused " + (settings.username().isPresent()
                    ? "the username or password" : "access without a username and password") + " (HTTP " + status + ")");
        }
        if (status == 404 || status == 410) {
            return ConnectorException.misconfigured("no " + what + " at the address set on " + host + " (HTTP " + status + ")");
        }
        if (status >= 500 || status == 408) {
            return ConnectorException.transientFailure("HTTP " + status + " from " + host + " for the " + what, null);
        }
        return ConnectorException.misconfigured(host + " answered HTTP " + status + " for the " + what);
    }
}
