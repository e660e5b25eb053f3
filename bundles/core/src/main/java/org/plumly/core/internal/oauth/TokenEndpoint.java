package org.plumly.core.internal.oauth;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where and as whom to redeem or refresh an integration's grant: the token URL of its connector's spec
 * (or the integration's {@code oauth2.tokenUrl} override) and the client credentials. Codes, refresh
 * tokens and the client secret travel to it, so it is https, or plain http on this machine only.
 */
public record TokenEndpoint(URI uri, ClientCredentials client) {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    public TokenEndpoint {
        Objects.requireNonNull(uri, "token endpoint");
        boolean loopback = uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            throw new IllegalArgumentException("the token endpoint must be an https URL (plain http only on this machine): " + uri);
        }
        Objects.requireNonNull(client, "client credentials");
    }
}
