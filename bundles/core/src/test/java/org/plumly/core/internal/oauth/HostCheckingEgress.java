package org.plumly.core.internal.oauth;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.Egress;

/**
 * The least an {@link Egress} does, for these tests: refuse hosts the spec does not allow, turn network
 * failures into transient ones, and count what went out. 429s are passed on, so the client's own handling shows.
 */
final class HostCheckingEgress implements Egress {
    private final ConnectorSpec spec;
    private final ConnectorConfig config;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final AtomicInteger sent = new AtomicInteger();

    HostCheckingEgress(ConnectorSpec spec, ConnectorConfig config) {
        this.spec = spec;
        this.config = config;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws ConnectorException {
        if (!spec.allowsHost(request.uri().getHost(), config)) {
            throw ConnectorException.misconfigured("egress to " + request.uri().getHost() + " is not allowed for " + spec.type());
        }
        sent.incrementAndGet();
        try {
            return http.send(request, body);
        } catch (IOException failed) {
            throw ConnectorException.transientFailure("call to " + request.uri().getHost() + " failed", failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw ConnectorException.transientFailure("interrupted", interrupted);
        }
    }

    @Override
    public SocketFactory sockets() {
        throw new UnsupportedOperationException("HTTP only in these tests");
    }

    @Override
    public SSLSocketFactory tlsSockets() {
        throw new UnsupportedOperationException("HTTP only in these tests");
    }

    @Override
    public void permit(String host) throws IOException {
        if (!spec.allowsHost(host, config)) {
            throw new IOException("egress to " + host + " is not allowed");
        }
    }
}
