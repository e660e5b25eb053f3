package org.plumly.core.internal.oauth;

import java.util.Objects;

/**
 * How Plumly identifies itself to a vendor's token endpoint (RFC 6749 section 2.3.1). Its
 * {@link #toString()} hides the secret.
 *
 * @param clientId       the client id the vendor issued
 * @param clientSecret   the client secret, or null for a public client (PKCE alone)
 * @param authentication how the secret is sent
 */
public record ClientCredentials(String clientId, String clientSecret, Authentication authentication) {
    public ClientCredentials {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("an OAuth2 client id is required");
        }
        if (clientSecret != null && clientSecret.isBlank()) {
            clientSecret = null;
        }
        Objects.requireNonNull(authentication, "authentication");
    }

    /** A confidential client sending its secret in the HTTP Basic header (what RFC 6749 asks servers to support). */
    public static ClientCredentials basic(String clientId, String clientSecret) {
        return new ClientCredentials(clientId, clientSecret, Authentication.CLIENT_SECRET_BASIC);
    }

    /** A confidential client sending its secret in the form body. */
    public static ClientCredentials post(String clientId, String clientSecret) {
        return new ClientCredentials(clientId, clientSecret, Authentication.CLIENT_SECRET_POST);
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "none" : "****")
                + ", " + authentication + "]";
    }

    /** Where the client secret goes in a token request. */
    public enum Authentication {
        CLIENT_SECRET_BASIC, CLIENT_SECRET_POST
    }
}
