package org.plumly.core.internal.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE verifier and its S256 challenge (RFC 7636). The verifier stays with Plumly (sealed, in the
 * pending authorization); only the challenge goes to the browser.
 */
public record Pkce(String verifier, String challenge) {

    /** 32 random bytes as base64url: a 43-character verifier, the length RFC 7636 recommends. */
    public static Pkce generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Pkce(verifier, challengeOf(verifier));
    }

    /** BASE64URL(SHA-256(ASCII(verifier))). */
    public static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException unexpected) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", unexpected);
        }
    }

    @Override
    public String toString() {
        return "Pkce[verifier=****, challenge=" + challenge + "]";
    }
}
