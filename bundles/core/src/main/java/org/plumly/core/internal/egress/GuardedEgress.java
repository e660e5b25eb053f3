package org.plumly.core.internal.egress;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.Egress;

/**
 * The {@link Egress} of one integration: calls go out only to the hosts its connector's spec and
 * settings allow, within the integration's pace. A refused host is reported to {@link Refusals}
 * (logged and audited) and the call fails as misconfigured. Redirects are followed here, each hop
 * checked; credentials are not carried to another host.
 */
public final class GuardedEgress implements Egress {
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);
    private static final int MAX_REDIRECTS = 5;
    /** Headers that go along on a redirect to another origin; any other (Authorization, an API key header) stays behind. */
    private static final Set<String> CROSS_ORIGIN_HEADERS = Set.of("accept", "accept-language", "user-agent");

    private final ConnectorSpec spec;
    private final ConnectorConfig config;
    private final ConnectorConfig noSettings;
    private final HttpClient http;
    private final RequestPacer pacer;
    private final boolean privateNetworks;
    private final Refusals refusals;

    /**
     * @param http            a client that does not follow redirects itself
     * @param privateNetworks whether a host that only the integration's settings allow may be a loopback,
     *                        link-local or private address. Off in production: a company admin must not be
     *                        able to point the hub at its own network (the cloud metadata service, Cassandra)
     */
    public GuardedEgress(ConnectorSpec spec, ConnectorConfig config, HttpClient http, double requestsPerSecond,
            int maxInFlight, boolean privateNetworks, Refusals refusals) {
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("the egress follows redirects itself, to check each host");
        }
        this.spec = spec;
        this.config = config;
        this.noSettings = new ConnectorConfig(config.tenant(), config.integration(), Map.of(), Set.of());
        this.http = http;
        this.pacer = new RequestPacer(requestsPerSecond, maxInFlight);
        this.privateNetworks = privateNetworks;
        this.refusals = refusals;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws ConnectorException {
        HttpRequest next = request;
        for (int hop = 0; ; hop++) {
            checkHost(next.uri());
            HttpResponse<T> response = sendPaced(next, body);
            Optional<URI> location = redirectTarget(response);
            if (location.isEmpty()) {
                if (response.statusCode() == 429) {
                    throw ConnectorException.rateLimited("HTTP 429 from " + next.uri().getHost(),
                            retryAfter(response.headers().firstValue("Retry-After"), Instant.now()));
                }
                return response;
            }
            if (hop == MAX_REDIRECTS) {
                throw ConnectorException.transientFailure("more than " + MAX_REDIRECTS + " redirects from " + request.uri().getHost(), null);
            }
            next = redirected(next, location.get(), response.statusCode());
        }
    }

    private <T> HttpResponse<T> sendPaced(HttpRequest request, HttpResponse.BodyHandler<T> body) throws ConnectorException {
        try {
            pacer.begin();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.transientFailure("interrupted while waiting for the rate limit", e);
        }
        try {
            return http.send(request, body);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw ConnectorException.transientFailure("cannot connect to " + request.uri().getHost(), e);
        } catch (HttpTimeoutException e) {
            throw ConnectorException.transientFailure("no answer from " + request.uri().getHost() + " in time", e);
        } catch (IOException e) {
            throw ConnectorException.transientFailure("network error talking to " + request.uri().getHost() + ": "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.transientFailure("interrupted while calling " + request.uri().getHost(), e);
        } finally {
            pacer.done();
        }
    }

    private void checkHost(URI uri) throws ConnectorException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw ConnectorException.misconfigured("only http and https calls go out, not " + uri.getScheme());
        }
        if (!allowed(uri.getHost())) {
            refusals.refused(spec, config, uri.getHost());
            throw ConnectorException.misconfigured("egress to " + uri.getHost() + " refused: connector " + spec.type()
                    + " may call only the hosts its spec and settings allow");
        }
    }

    /**
     * A host the connector's spec declares is trusted as the operator who installed it trusted it; a host
     * only the integration's settings allow must also be a public address, unless private networks are allowed.
     */
    private boolean allowed(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        if (spec.allowsHost(host, noSettings)) {
            return true;
        }
        return spec.allowsHost(host, config) && (privateNetworks || PublicAddresses.allPublic(host));
    }

    private static <T> Optional<URI> redirectTarget(HttpResponse<T> response) {
        int status = response.statusCode();
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            return Optional.empty();
        }
        return response.headers().firstValue("Location").map(location -> response.request().uri().resolve(location));
    }

    /**
     * The request a redirect asks for. Within the same origin (scheme, host, port) it keeps its headers;
     * to another origin only headers that carry no credential go along, and never from https to http.
     */
    private static HttpRequest redirected(HttpRequest previous, URI target, int status) throws ConnectorException {
        if ("https".equalsIgnoreCase(previous.uri().getScheme()) && !"https".equalsIgnoreCase(target.getScheme())) {
            throw ConnectorException.misconfigured("refused a redirect from https to " + target.getScheme() + " at " + target.getHost());
        }
        boolean sameOrigin = sameOrigin(previous.uri(), target);
        HttpRequest.Builder builder = HttpRequest.newBuilder(target);
        previous.timeout().ifPresent(builder::timeout);
        previous.headers().map().forEach((name, values) -> {
            if (sameOrigin || CROSS_ORIGIN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        boolean keepMethod = status == 307 || status == 308;
        if (keepMethod && previous.bodyPublisher().isPresent()) {
            builder.method(previous.method(), previous.bodyPublisher().get());
        } else {
            builder.GET();
        }
        return builder.build();
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The wait a 429 asks for: Retry-After in seconds or as an HTTP date, else a default. */
    static Duration retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty()) {
            return DEFAULT_RETRY_AFTER;
        }
        String value = header.get().strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return DEFAULT_RETRY_AFTER;
            }
        }
    }

    @Override
    public SocketFactory sockets() {
        return new GuardedSocketFactory(SocketFactory.getDefault(), new SocketCheck());
    }

    @Override
    public SSLSocketFactory tlsSockets() {
        return new GuardedTlsSocketFactory((SSLSocketFactory) SSLSocketFactory.getDefault(), new SocketCheck());
    }

    /** The check of the sockets: by name, and for a host only settings allow, by the address actually connected to. */
    private final class SocketCheck implements HostCheck {
        @Override
        public void permit(String host) throws IOException {
            GuardedEgress.this.permit(host);
        }

        @Override
        public void permit(InetAddress address) throws IOException {
            HostCheck.super.permit(address);
            String host = HostCheck.nameOf(address);
            if (!privateNetworks && !spec.allowsHost(host, noSettings) && !PublicAddresses.isPublic(address)) {
                refusals.refused(spec, config, address.getHostAddress());
                throw new IOException("egress to " + address.getHostAddress() + " refused: an integration's settings may not "
                        + "point a connector at a private or local address");
            }
        }
    }

    @Override
    public void permit(String host) throws IOException {
        if (!allowed(host)) {
            refusals.refused(spec, config, host);
            throw new IOException("egress to " + host + " refused: connector " + spec.type()
                    + " may connect only to the hosts its spec and settings allow");
        }
    }

    /** Where refusals go: the log and the tenant's audit log. */
    @FunctionalInterface
    public interface Refusals {
        void refused(ConnectorSpec spec, ConnectorConfig config, String host);
    }
}
