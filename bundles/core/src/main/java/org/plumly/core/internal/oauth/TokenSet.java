package org.plumly.core.internal.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a token endpoint granted. Its {@link #toString()} shows neither token.
 *
 * @param accessToken  the bearer token a connector sends
 * @param refreshToken the token that gets the next access token, or null when the server gave none
 * @param expiresAt    when the access token expires, or null when the server did not say
 * @param scopes       the scopes granted
 */
public record TokenSet(String accessToken, String refreshToken, Instant expiresAt, Set<String> scopes) {
    public TokenSet {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("an access token is required");
        }
        if (refreshToken != null && refreshToken.isBlank()) {
            refreshToken = null;
        }
        scopes = Set.copyOf(scopes);
    }

    public Optional<String> refreshTokenIfAny() {
        return Optional.ofNullable(refreshToken);
    }

    /** Whether the access token expires before {@code now + margin}; a token of unknown expiry never does. */
    public boolean expiresWithin(Duration margin, Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now.plus(margin));
    }

    /** This set, keeping {@code previous} as refresh token when the server did not rotate it. */
    TokenSet keepingRefreshToken(String previous) {
        return refreshToken != null ? this : new TokenSet(accessToken, previous, expiresAt, scopes);
    }

    @Override
    public String toString() {
        return "TokenSet[accessToken=****, refreshToken=" + (refreshToken == null ? "none" : "****")
                + ", expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenSet that && accessToken.equals(that.accessToken)
                && Objects.equals(refreshToken, that.refreshToken) && Objects.equals(expiresAt, that.expiresAt)
                && scopes.equals(that.scopes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessToken, refreshToken, expiresAt, scopes);
    }
}
