package org.plumly.core.internal.oauth;

import java.net.URI;
import java.util.Objects;

/**
 * Where and as whom to redeem or refresh an integration's grant: the token URL of its connector's spec
 * (or the integration's {@code oauth2.tokenUrl} override) and the client credentials.
 */
public record TokenEndpoint(URI uri, ClientCredentials client) {
    public TokenEndpoint {
        Objects.requireNonNull(uri, "token endpoint");
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("the token endpoint must be an http(s) URL: " + uri);
        }
        Objects.requireNonNull(client, "client credentials");
    }
}
