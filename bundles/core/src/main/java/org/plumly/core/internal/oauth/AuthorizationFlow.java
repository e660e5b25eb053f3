package org.plumly.core.internal.oauth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.plumly.api.TenantId;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.Egress;
import org.plumly.api.store.CredentialStore;
import org.plumly.api.store.PendingAuthorization;
import org.plumly.core.internal.vault.CredentialVault;
import org.plumly.core.internal.vault.VaultException;

/**
 * The two halves of a company admin's authorization of an integration: {@link #start} makes the URL the
 * admin's browser goes to (with a fresh state and PKCE challenge, the verifier kept sealed as a
 * {@link PendingAuthorization}); the vendor sends the browser back to the callback with a code and the
 * state, and {@link #take} plus {@link #complete} turn them into a stored grant. A state is good once,
 * for {@link #PENDING_TTL}.
 *
 * <pre>{@code
 * URI go = flow.start(acme, "acme-hubspot", spec.oauth2().authorization(), client, spec.scopes(), callback, "user:dana");
 * // … callback?code=…&state=…
 * PendingAuthorization pending = flow.take(state).orElseThrow(…);   // then check the caller may act for pending.tenant()
 * flow.complete(pending, code, new TokenEndpoint(spec.oauth2().token(), client), egress, spec.scopes());
 * }</pre>
 */
@Component(service = AuthorizationFlow.class)
public class AuthorizationFlow {
    public static final Duration PENDING_TTL = Duration.ofMinutes(10);
    /** The name the PKCE verifier is sealed under, bound to the integration like its other secrets. */
    public static final String CODE_VERIFIER = "oauth2.codeVerifier";

    private final CredentialVault vault;
    private final CredentialStore credentials;
    private final OAuth2Grants grants;
    private final OAuth2Client client;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public AuthorizationFlow(@Reference CredentialVault vault, @Reference CredentialStore credentials,
            @Reference OAuth2Grants grants) {
        this(vault, credentials, grants, Clock.systemUTC());
    }

    public AuthorizationFlow(CredentialVault vault, CredentialStore credentials, OAuth2Grants grants, Clock clock) {
        this.vault = vault;
        this.credentials = credentials;
        this.grants = grants;
        this.clock = clock;
        this.client = new OAuth2Client(clock);
    }

    /**
     * Begins an authorization: keeps its state and sealed PKCE verifier, and returns the vendor URL to send
     * the admin's browser to, with the browser key that browser must present at the callback. The state
     * is the tenant and the hash of that key, so only the browser that started the authorization can
     * finish it: a link to the vendor sent to someone else ends in a refusal, not in their account linked here.
     *
     * @throws VaultException when the vault has no key, so nothing could be kept
     */
    public Started start(TenantId tenant, String integration, URI authorizationEndpoint, ClientCredentials clientCredentials,
            Set<String> scopes, URI redirectUri, String requestedBy) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        String browserKey = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        String state = tenant.value() + "." + hashOf(browserKey);
        Pkce pkce = Pkce.generate(random);
        credentials.putPending(new PendingAuthorization(tenant, integration, state,
                vault.seal(tenant, integration, CODE_VERIFIER, pkce.verifier()), redirectUri, requestedBy,
                clock.instant().plus(PENDING_TTL)), PENDING_TTL);
        return new Started(client.authorizationUrl(authorizationEndpoint, clientCredentials, redirectUri, scopes, state,
                pkce.challenge()), browserKey);
    }

    /** Where to send the admin's browser, and the key that browser keeps (in a cookie) for the callback. */
    public record Started(URI authorizationUrl, String browserKey) {
        @Override
        public String toString() {
            return "Started[authorizationUrl=" + authorizationUrl + ", browserKey=****]";
        }
    }

    /** The tenant a state was made for: the part before its first dot; empty for a state that is not one of ours. */
    public static Optional<TenantId> tenantOf(String state) {
        if (state == null) {
            return Optional.empty();
        }
        int dot = state.indexOf('.');
        try {
            return dot > 0 ? Optional.of(TenantId.of(state.substring(0, dot))) : Optional.empty();
        } catch (IllegalArgumentException notATenant) {
            return Optional.empty();
        }
    }

    /**
     * Takes the authorization a callback's state belongs to, once, when the browser key matches the state:
     * a second call, an unknown state, one past its lifetime, or another browser finds nothing (and a
     * wrong browser leaves the authorization for the right one).
     */
    public Optional<PendingAuthorization> take(String state, String browserKey) {
        Optional<TenantId> tenant = tenantOf(state);
        if (tenant.isEmpty() || browserKey == null || !MessageDigest.isEqual(
                (tenant.get().value() + "." + hashOf(browserKey)).getBytes(StandardCharsets.US_ASCII),
                state.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return credentials.takePending(tenant.get(), state).filter(pending -> pending.expiresAt().isAfter(clock.instant()));
    }

    private static String hashOf(String browserKey) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(browserKey.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Redeems the code with the pending authorization's verifier and redirect URI, and stores the grant.
     *
     * @throws ConnectorException {@link ConnectorException.Kind#UNAUTHORIZED} when the server refuses the code
     *                            (wrong, used, or a verifier that does not match); otherwise the kind of the failure
     */
    public TokenSet complete(PendingAuthorization pending, String code, TokenEndpoint endpoint, Egress egress,
            Set<String> requestedScopes) throws ConnectorException {
        String verifier;
        try {
            verifier = vault.open(pending.tenant(), pending.integration(), CODE_VERIFIER, pending.codeVerifier());
        } catch (VaultException unopenable) {
            throw ConnectorException.misconfigured("the pending authorization of integration " + pending.tenant() + "/"
                    + pending.integration() + " cannot be opened: " + unopenable.getMessage());
        }
        TokenSet tokens = client.exchangeCode(egress, endpoint, code, verifier, pending.redirectUri(), requestedScopes);
        try {
            grants.store(pending.tenant(), pending.integration(), tokens);
        } catch (VaultException cannotSeal) {
            throw ConnectorException.misconfigured("the OAuth2 grant of integration " + pending.tenant() + "/"
                    + pending.integration() + " cannot be stored: " + cannotSeal.getMessage());
        }
        return tokens;
    }
}
