package org.plumly.store.cassandra.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.plumly.api.TenantId;
import org.plumly.api.store.CredentialStore;
import org.plumly.api.store.PendingAuthorization;
import org.plumly.api.store.SealedSecret;

class CassandraCredentialStoreTest {
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private final CredentialStore credentials = TestStores.shared().credentials;
    private final TenantId tenant = TestStores.newTenant();

    @Test
    void sealedSecretsComeBackByNameAndGoAllAtOnce() {
        SealedSecret apiKey = sealed("k1", "nonce|ciphertext|tag");
        SealedSecret refreshToken = sealed("k2", "another sealed value");
        credentials.put(tenant, "crm", "apiKey", apiKey);
        credentials.put(tenant, "crm", "oauth2.refreshToken", sealed("k1", "old"));
        credentials.put(tenant, "crm", "oauth2.refreshToken", refreshToken);
        credentials.put(tenant, "mail", "password", sealed("k1", "mail's"));

        assertThat(credentials.all(tenant, "crm")).containsOnly(
                Map.entry("apiKey", apiKey), Map.entry("oauth2.refreshToken", refreshToken));

        credentials.deleteAll(tenant, "crm");

        assertThat(credentials.all(tenant, "crm")).isEmpty();
        assertThat(credentials.all(tenant, "mail")).containsOnlyKeys("password");
    }

    @Test
    void aPendingAuthorizationIsTakenOnce() {
        PendingAuthorization pending = pending(tenant, "s1", Instant.now().plus(TEN_MINUTES));
        credentials.putPending(pending, TEN_MINUTES);

        assertThat(credentials.takePending(tenant, pending.state())).contains(pending);
        assertThat(credentials.takePending(tenant, pending.state())).isEmpty();
    }

    @Test
    void ofConcurrentCallbacksWithTheSameStateExactlyOneGetsTheAuthorization() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                PendingAuthorization pending = pending(tenant, "race" + round, Instant.now().plus(TEN_MINUTES));
                credentials.putPending(pending, TEN_MINUTES);
                CyclicBarrier start = new CyclicBarrier(4);
                Callable<Optional<PendingAuthorization>> take = () -> {
                    start.await();
                    return credentials.takePending(tenant, pending.state());
                };
                List<Future<Optional<PendingAuthorization>>> takes = callers.invokeAll(List.of(take, take, take, take));

                List<PendingAuthorization> won = takes.stream().map(CassandraCredentialStoreTest::result).flatMap(Optional::stream).toList();
                assertThat(won).as("round %d", round).containsExactly(pending);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aPendingAuthorizationIsBoundToItsTenant() {
        TenantId intruder = TestStores.newTenant();
        PendingAuthorization pending = pending(tenant, "s1", Instant.now().plus(TEN_MINUTES));
        credentials.putPending(pending, TEN_MINUTES);

        assertThat(credentials.takePending(intruder, pending.state())).isEmpty();
        assertThat(credentials.takePending(tenant, pending.state())).as("the failed attempt did not use it up").contains(pending);
    }

    @Test
    void aPendingAuthorizationPastItsExpiryIsNotHandedOut() {
        PendingAuthorization lapsed = pending(tenant, "s1", Instant.now().minusSeconds(1));
        credentials.putPending(lapsed, TEN_MINUTES);

        assertThat(credentials.takePending(tenant, lapsed.state())).isEmpty();
    }

    @Test
    void aStateCannotBePendingTwice() {
        PendingAuthorization pending = pending(tenant, "s1", Instant.now().plus(TEN_MINUTES));
        credentials.putPending(pending, TEN_MINUTES);

        assertThatThrownBy(() -> credentials.putPending(pending, TEN_MINUTES)).isInstanceOf(IllegalStateException.class);
    }

    static PendingAuthorization pending(TenantId tenant, String state, Instant expiresAt) {
        return new PendingAuthorization(tenant, "crm", tenant.value() + "." + state, sealed("k1", "verifier " + state),
                URI.create("https://hub.acme.example/api/integrations/crm/callback"), "user:admin-1", expiresAt.truncatedTo(ChronoUnit.MILLIS));
    }

    private static SealedSecret sealed(String keyId, String bytes) {
        return new SealedSecret(keyId, bytes.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
