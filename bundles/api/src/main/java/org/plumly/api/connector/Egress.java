package org.plumly.api.connector;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A connector's only way out to the network. It lets a call through only to a host the connector's
 * spec declares ({@link ConnectorSpec#allowedHosts()}) or an admin configured (a setting of type
 * {@link ConfigField.Type#URL} or {@link ConfigField.Type#HOST}); anything else is refused and written
 * to the tenant's audit log. It also keeps the integration within its rate and concurrency limits,
 * and turns an HTTP 429 into {@link ConnectorException#rateLimited} with the server's Retry-After.
 *
 * <p>Open no connection any other way: the connector test kit fails a connector that does.
 *
 * <pre>{@code
 * HttpResponse<InputStream> page = context.egress().send(request, HttpResponse.BodyHandlers.ofInputStream());
 * Properties mail = new Properties();
 * mail.put("mail.imaps.ssl.socketFactory", context.egress().tlsSockets());
 * }</pre>
 */
@ProviderType
public interface Egress {

    /**
     * Sends a request, following redirects only to allowed hosts.
     *
     * @throws ConnectorException {@link ConnectorException.Kind#MISCONFIGURED} when the host is not allowed,
     *                            {@link ConnectorException.Kind#RATE_LIMITED} on HTTP 429,
     *                            {@link ConnectorException.Kind#TRANSIENT} on a network failure or timeout
     */
    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws ConnectorException;

    /** Plain sockets that connect only to allowed hosts, for protocols other than HTTP. */
    SocketFactory sockets();

    /** TLS sockets that connect only to allowed hosts (IMAPS, CalDAV over a client of its own). */
    SSLSocketFactory tlsSockets();

    /**
     * Checks a host before a connection that goes through neither of the above.
     *
     * @throws IOException when the host is not allowed; the refusal is audited
     */
    void permit(String host) throws IOException;
}
