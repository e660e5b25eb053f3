package org.plumly.api.store;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.plumly.api.TenantId;

/**
 * Where the credential vault keeps an integration's sealed secrets (API keys, passwords, OAuth2 tokens)
 * and the OAuth2 authorizations in progress. It never sees a secret in clear.
 *
 * <pre>{@code
 * credentials.put(acme, "acme-hubspot", "oauth2.refreshToken", vault.seal(refreshToken, aad));
 * credentials.deleteAll(acme, "acme-hubspot");   // on revoke
 * }</pre>
 */
@ProviderType
public interface CredentialStore {

    void put(TenantId tenant, String integration, String name, SealedSecret secret);

    /** The integration's secrets by name. */
    Map<String, SealedSecret> all(TenantId tenant, String integration);

    /** Removes every secret of the integration. */
    void deleteAll(TenantId tenant, String integration);

    /** Keeps an authorization in progress until it is taken or until {@code ttl} has passed. */
    void putPending(PendingAuthorization pending, Duration ttl);

    /** Removes and returns the authorization with this state: a second call with the same state finds nothing. */
    Optional<PendingAuthorization> takePending(TenantId tenant, String state);
}
