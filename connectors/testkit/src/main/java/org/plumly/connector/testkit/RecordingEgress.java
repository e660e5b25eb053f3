package org.plumly.connector.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.Egress;

/**
 * An {@link Egress} that behaves like the engine's on host rules and keeps a list of every host a
 * connector asked for. A host the spec does not allow ({@link ConnectorSpec#allowsHost}) is refused
 * and listed in {@link #refusedHosts()}. HTTP 429 becomes {@link ConnectorException#rateLimited}; there
 * are no rate or concurrency limits.
 *
 * <pre>{@code
 * RecordingEgress egress = new RecordingEgress(connector.spec(), config);
 * connector.read(new TestConnectorContext(config, egress), state, sink);
 * assertThat(egress.refusedHosts()).isEmpty();
 * }</pre>
 */
public final class RecordingEgress implements Egress {
    private static final int MAX_REDIRECTS = 5;

    private final ConnectorSpec spec;
    private final ConnectorConfig config;
    // NO_PROXY: the kit's own calls must not pass the ProxySelector that spots connections made around it.
    private final HttpClient http = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<String> requestedHosts = new ArrayList<>();
    private final List<String> refusedHosts = new ArrayList<>();

    public RecordingEgress(ConnectorSpec spec, ConnectorConfig config) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Every host asked for, allowed or not, in order. */
    public synchronized List<String> requestedHosts() {
        return List.copyOf(requestedHosts);
    }

    /** The hosts refused because the spec and the settings do not allow them. */
    public synchronized List<String> refusedHosts() {
        return List.copyOf(refusedHosts);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws ConnectorException {
        HttpRequest next = request;
        for (int redirects = 0; ; redirects++) {
            String host = next.uri().getHost();
            if (!allowed(host)) {
                throw ConnectorException.misconfigured("egress to host " + host + " is not allowed for connector " + spec.type());
            }
            HttpResponse<T> response = exchange(next, body);
            Optional<String> location = response.headers().firstValue("Location");
            if (!isRedirect(response.statusCode()) || location.isEmpty() || redirects == MAX_REDIRECTS) {
                return rateChecked(response);
            }
            URI target = next.uri().resolve(location.get());
            HttpRequest.Builder follow = HttpRequest.newBuilder(next, (name, value) -> true).uri(target);
            if (response.statusCode() == 303) {
                follow.GET();
            }
            next = follow.build();
        }
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) throws ConnectorException {
        try {
            return http.send(request, body);
        } catch (IOException failed) {
            throw ConnectorException.transientFailure("call to " + request.uri().getHost() + " failed: " + failed, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw ConnectorException.transientFailure("interrupted while calling " + request.uri().getHost(), interrupted);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static <T> HttpResponse<T> rateChecked(HttpResponse<T> response) throws ConnectorException {
        if (response.statusCode() != 429) {
            return response;
        }
        long seconds = response.headers().firstValue("Retry-After").flatMap(RecordingEgress::seconds).orElse(1L);
        throw ConnectorException.rateLimited("HTTP 429 from " + response.uri().getHost(), Duration.ofSeconds(seconds));
    }

    private static Optional<Long> seconds(String retryAfter) {
        try {
            return Optional.of(Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
    }

    @Override
    public SocketFactory sockets() {
        return new PermittedSockets();
    }

    @Override
    public SSLSocketFactory tlsSockets() {
        SSLSocketFactory tls = (SSLSocketFactory) SSLSocketFactory.getDefault();
        return new SSLSocketFactory() {
            @Override
            public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
                permit(host);
                return tls.createSocket(plain, host, port, autoClose);
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return createSocket(sockets().createSocket(host, port), host, port, true);
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                return createSocket(sockets().createSocket(host, port, localHost, localPort), host, port, true);
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return createSocket(host.getHostName(), port);
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                    throws IOException {
                return createSocket(address.getHostName(), port, localAddress, localPort);
            }

            @Override
            public String[] getDefaultCipherSuites() {
                return tls.getDefaultCipherSuites();
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return tls.getSupportedCipherSuites();
            }
        };
    }

    @Override
    public void permit(String host) throws IOException {
        if (!allowed(host)) {
            throw new IOException("egress to host " + host + " is not allowed for connector " + spec.type());
        }
    }

    private synchronized boolean allowed(String host) {
        requestedHosts.add(String.valueOf(host));
        boolean allowed = spec.allowsHost(host, config);
        if (!allowed) {
            refusedHosts.add(String.valueOf(host));
        }
        return allowed;
    }

    /** Sockets that connect only to permitted hosts, directly (no proxy lookup). */
    private final class PermittedSockets extends SocketFactory {
        @Override
        public Socket createSocket() {
            return new Socket(Proxy.NO_PROXY) {
                @Override
                public void connect(SocketAddress endpoint, int timeout) throws IOException {
                    if (endpoint instanceof InetSocketAddress address) {
                        permit(address.getHostString());
                    }
                    super.connect(endpoint, timeout);
                }
            };
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            permit(host); // before the name is resolved: no DNS query for a refused host
            Socket socket = createSocket();
            socket.connect(new InetSocketAddress(host, port));
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            permit(host);
            Socket socket = createSocket();
            socket.bind(new InetSocketAddress(localHost, localPort));
            socket.connect(new InetSocketAddress(host, port));
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return createSocket(host.getHostName(), port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return createSocket(address.getHostName(), port, localAddress, localPort);
        }
    }
}
