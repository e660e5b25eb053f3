package org.plumly.api.connector;

import java.net.URI;
import java.util.Objects;

/**
 * The OAuth2 endpoints of a connector's vendor. The engine runs the authorization-code flow with PKCE
 * against them; the connector only ever sees the resulting access token. An integration may override
 * both with the settings {@code oauth2.authorizationUrl} and {@code oauth2.tokenUrl} (a vendor's sandbox,
 * a customer's own domain); their hosts must then be allowed like any other.
 *
 * @param authorization where the admin's browser is sent to grant access
 * @param token         where the engine exchanges the code and refreshes the token
 */
public record OAuth2Endpoints(URI authorization, URI token) {
    public OAuth2Endpoints {
        Objects.requireNonNull(authorization, "authorization endpoint");
        Objects.requireNonNull(token, "token endpoint");
        if (!"https".equals(token.getScheme()) && !"http".equals(token.getScheme())) {
            throw new IllegalArgumentException("the token endpoint must be an http(s) URL: " + token);
        }
    }
}
