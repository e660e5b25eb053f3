package org.plumly.core.internal.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.plumly.api.TenantId;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.Egress;
import org.plumly.api.store.CredentialStore;
import org.plumly.api.store.SealedSecret;
import org.plumly.core.internal.vault.CredentialVault;
import org.plumly.core.internal.vault.VaultException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each integration's OAuth2 grant, sealed in the {@link CredentialStore}, and hands out an access
 * token that is valid for at least another minute: it refreshes a token that expires sooner, one refresh
 * at a time per integration however many callers ask, and stores rotated tokens at once.
 *
 * <pre>{@code
 * grants.store(acme, "acme-hubspot", tokens);                      // after the code exchange
 * String bearer = grants.accessToken(acme, "acme-hubspot", endpoint, egress);
 * }</pre>
 */
@Component(service = OAuth2Grants.class)
public class OAuth2Grants {
    public static final String ACCESS_TOKEN = "oauth2.accessToken";
    public static final String REFRESH_TOKEN = "oauth2.refreshToken";
    public static final String EXPIRES_AT = "oauth2.expiresAt";
    public static final String SCOPES = "oauth2.scopes";
    /** An access token that expires within this is refreshed before it is handed out. */
    public static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(OAuth2Grants.class);

    private final CredentialVault vault;
    private final CredentialStore credentials;
    private final OAuth2Client client;
    private final Clock clock;
    private final ConcurrentMap<String, ReentrantLock> refreshing = new ConcurrentHashMap<>();

    @Activate
    public OAuth2Grants(@Reference CredentialVault vault, @Reference CredentialStore credentials) {
        this(vault, credentials, Clock.systemUTC());
    }

    public OAuth2Grants(CredentialVault vault, CredentialStore credentials, Clock clock) {
        this.vault = vault;
        this.credentials = credentials;
        this.clock = clock;
        this.client = new OAuth2Client(clock);
    }

    /**
     * Seals and stores a grant, replacing the one the integration held.
     *
     * @throws VaultException when the vault cannot seal (no key configured)
     */
    public void store(TenantId tenant, String integration, TokenSet tokens) {
        // Sealed all first: a vault without a key must not leave half a grant behind.
        Map<String, SealedSecret> sealed = Map.of(
                ACCESS_TOKEN, vault.seal(tenant, integration, ACCESS_TOKEN, tokens.accessToken()),
                REFRESH_TOKEN, vault.seal(tenant, integration, REFRESH_TOKEN, tokens.refreshTokenIfAny().orElse("")),
                EXPIRES_AT, vault.seal(tenant, integration, EXPIRES_AT, tokens.expiresAt() == null ? "" : tokens.expiresAt().toString()),
                SCOPES, vault.seal(tenant, integration, SCOPES, String.join(" ", tokens.scopes())));
        // The refresh token goes first: if a later put fails, the next refresh still works with the newest one.
        credentials.put(tenant, integration, REFRESH_TOKEN, sealed.get(REFRESH_TOKEN));
        credentials.put(tenant, integration, EXPIRES_AT, sealed.get(EXPIRES_AT));
        credentials.put(tenant, integration, SCOPES, sealed.get(SCOPES));
        credentials.put(tenant, integration, ACCESS_TOKEN, sealed.get(ACCESS_TOKEN));
    }

    /**
     * The grant the integration holds, as stored.
     *
     * @throws ConnectorException {@link ConnectorException.Kind#MISCONFIGURED} when the vault cannot open it
     */
    public Optional<TokenSet> find(TenantId tenant, String integration) throws ConnectorException {
        Map<String, SealedSecret> stored = credentials.all(tenant, integration);
        SealedSecret access = stored.get(ACCESS_TOKEN);
        if (access == null) {
            return Optional.empty();
        }
        try {
            String refresh = open(tenant, integration, stored, REFRESH_TOKEN);
            String expires = open(tenant, integration, stored, EXPIRES_AT);
            String scopes = open(tenant, integration, stored, SCOPES);
            return Optional.of(new TokenSet(vault.open(tenant, integration, ACCESS_TOKEN, access),
                    refresh.isEmpty() ? null : refresh,
                    expires.isEmpty() ? null : Instant.parse(expires),
                    Arrays.stream(scopes.split(" ")).filter(s -> !s.isEmpty()).collect(Collectors.toSet())));
        } catch (VaultException unopenable) {
            throw ConnectorException.misconfigured("the OAuth2 grant of integration " + tenant + "/" + integration
                    + " cannot be opened: " + unopenable.getMessage());
        } catch (DateTimeParseException garbled) {
            throw ConnectorException.misconfigured("the stored expiry of the OAuth2 grant of integration " + tenant + "/"
                    + integration + " is not an instant");
        }
    }

    /**
     * A valid access token for the integration, refreshed first when it expires within {@link #REFRESH_MARGIN}.
     *
     * @param endpoint where to refresh, and as which client
     * @param egress   the integration's way out, which the token endpoint's host must be allowed by
     * @throws ConnectorException {@link ConnectorException.Kind#UNAUTHORIZED} when the integration holds no grant,
     *                            or its token expired with no refresh token, or the server refused the refresh: an
     *                            admin must authorize it again. Otherwise the kind of the refresh's failure
     */
    public String accessToken(TenantId tenant, String integration, TokenEndpoint endpoint, Egress egress)
            throws ConnectorException {
        TokenSet current = held(tenant, integration);
        if (!current.expiresWithin(REFRESH_MARGIN, clock.instant())) {
            return current.accessToken();
        }
        ReentrantLock lock = refreshing.computeIfAbsent(tenant.value() + "/" + integration, key -> new ReentrantLock());
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw ConnectorException.transientFailure("interrupted while waiting for the refresh of " + tenant + "/" + integration,
                    interrupted);
        }
        try {
            // Whoever held the lock before may have refreshed already.
            current = held(tenant, integration);
            if (!current.expiresWithin(REFRESH_MARGIN, clock.instant())) {
                return current.accessToken();
            }
            String refreshToken = current.refreshTokenIfAny().orElseThrow(() -> ConnectorException.unauthorized(
                    "the OAuth2 access token of integration " + tenant + "/" + integration
                            + " expires and there is no refresh token: an admin must authorize it again"));
            TokenSet refreshed = client.refresh(egress, endpoint, refreshToken, current.scopes());
            try {
                store(tenant, integration, refreshed);
            } catch (VaultException cannotSeal) {
                throw ConnectorException.misconfigured("the refreshed OAuth2 grant of integration " + tenant + "/" + integration
                        + " cannot be stored: " + cannotSeal.getMessage());
            }
            LOG.debug("Refreshed the OAuth2 access token of integration {}/{}{}", tenant, integration,
                    refreshToken.equals(refreshed.refreshToken()) ? "" : " (refresh token rotated)");
            return refreshed.accessToken();
        } finally {
            lock.unlock();
        }
    }

    private TokenSet held(TenantId tenant, String integration) throws ConnectorException {
        return find(tenant, integration).orElseThrow(() -> ConnectorException.unauthorized("integration " + tenant + "/"
                + integration + " holds no OAuth2 grant: an admin must authorize it"));
    }

    private String open(TenantId tenant, String integration, Map<String, SealedSecret> stored, String name) {
        SealedSecret sealed = stored.get(name);
        return sealed == null ? "" : vault.open(tenant, integration, name, sealed);
    }

    /** The names under which a grant is stored, for code that lists or removes an integration's secrets. */
    public static Set<String> secretNames() {
        return Set.of(ACCESS_TOKEN, REFRESH_TOKEN, EXPIRES_AT, SCOPES);
    }
}
