package org.plumly.api.store;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

import org.plumly.api.TenantId;

/**
 * An OAuth2 authorization a company admin started and the vendor has not yet answered: what the
 * callback needs to finish it. Single use; it lapses at {@code expiresAt}.
 *
 * @param state        the OAuth2 {@code state}: unguessable, begins with the tenant id and a dot
 * @param codeVerifier the PKCE verifier, sealed by the vault
 * @param redirectUri  the callback URL sent with the request, sent again with the code
 * @param requestedBy  the admin who started it
 */
public record PendingAuthorization(TenantId tenant, String integration, String state, SealedSecret codeVerifier,
                                   URI redirectUri, String requestedBy, Instant expiresAt) {
    public PendingAuthorization {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(state, "state");
        if (!state.startsWith(tenant.value() + ".")) {
            throw new IllegalArgumentException("an authorization state begins with its tenant");
        }
        Objects.requireNonNull(codeVerifier, "code verifier");
        Objects.requireNonNull(redirectUri, "redirect uri");
        Objects.requireNonNull(requestedBy, "requested by");
        Objects.requireNonNull(expiresAt, "expires at");
    }
}
