package org.plumly.core.internal.oauth;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.plumly.api.TenantId;
import org.plumly.api.store.CredentialStore;
import org.plumly.api.store.PendingAuthorization;
import org.plumly.api.store.SealedSecret;

/** A {@link CredentialStore} in a map, for the protocol tests that need no database. */
final class InMemoryCredentials implements CredentialStore {
    private final Map<String, Map<String, SealedSecret>> secrets = new ConcurrentHashMap<>();
    private final Map<String, PendingAuthorization> pending = new ConcurrentHashMap<>();

    @Override
    public void put(TenantId tenant, String integration, String name, SealedSecret secret) {
        secrets.computeIfAbsent(tenant + "/" + integration, key -> new ConcurrentHashMap<>()).put(name, secret);
    }

    @Override
    public Map<String, SealedSecret> all(TenantId tenant, String integration) {
        return Map.copyOf(secrets.getOrDefault(tenant + "/" + integration, Map.of()));
    }

    @Override
    public void deleteAll(TenantId tenant, String integration) {
        secrets.remove(tenant + "/" + integration);
    }

    @Override
    public void putPending(PendingAuthorization authorization, Duration ttl) {
        pending.put(authorization.tenant() + "/" + authorization.state(), authorization);
    }

    @Override
    public Optional<PendingAuthorization> takePending(TenantId tenant, String state) {
        return Optional.ofNullable(pending.remove(tenant + "/" + state));
    }
}
