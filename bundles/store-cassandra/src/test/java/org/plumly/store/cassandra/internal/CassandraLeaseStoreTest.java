package org.plumly.store.cassandra.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.plumly.api.TenantId;
import org.plumly.api.store.Lease;
import org.plumly.api.store.LeaseStore;

class CassandraLeaseStoreTest {
    private static final Duration LONG = Duration.ofMinutes(5);

    private final LeaseStore leases = TestStores.shared().leases;
    private final TenantId tenant = TestStores.newTenant();

    @Test
    void aLeaseIsHeldByOneHolderAtATime() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Lease held = leases.acquire(tenant, "sync:mail", "node-1/a", LONG).orElseThrow();

        assertThat(leases.acquire(tenant, "sync:mail", "node-2/b", LONG)).isEmpty();
        assertThat(leases.acquire(tenant, "sync:mail", "node-1/a", LONG)).as("not even its holder acquires it twice").isEmpty();
        assertThat(leases.find(tenant, "sync:mail")).contains(held);
        assertThat(held.expiresAt()).isBetween(before.plus(LONG), Instant.now().plus(LONG));
        assertThat(leases.acquire(tenant, "sync:crm", "node-2/b", LONG)).as("another name is another lease").isPresent();
    }

    @Test
    void onlyTheHolderRenewsALease() {
        Lease held = leases.acquire(tenant, "sync:mail", "node-1/a", Duration.ofMinutes(1)).orElseThrow();

        assertThat(leases.renew(new Lease(tenant, "sync:mail", "node-2/b", held.expiresAt()), LONG)).isEmpty();
        Optional<Lease> renewed = leases.renew(held, LONG);

        assertThat(renewed).isPresent();
        assertThat(renewed.get().holder()).isEqualTo("node-1/a");
        assertThat(renewed.get().expiresAt()).isAfter(held.expiresAt());
        assertThat(leases.find(tenant, "sync:mail")).isEqualTo(renewed);
    }

    @Test
    void releasingALeaseLetsAnotherHolderTakeItButAStrangerCannotReleaseIt() {
        Lease held = leases.acquire(tenant, "sync:mail", "node-1/a", LONG).orElseThrow();

        leases.release(new Lease(tenant, "sync:mail", "node-2/b", held.expiresAt()));
        assertThat(leases.find(tenant, "sync:mail")).contains(held);

        leases.release(held);
        assertThat(leases.find(tenant, "sync:mail")).isEmpty();
        assertThat(leases.acquire(tenant, "sync:mail", "node-2/b", LONG)).isPresent();
        assertThat(leases.renew(held, LONG)).as("the old holder lost it").isEmpty();
    }

    @Test
    void aLeaseThatWasNotRenewedLapsesAndCanBeTaken() {
        Lease lapsing = leases.acquire(tenant, "sync:mail", "node-1/a", Duration.ofSeconds(1)).orElseThrow();
        assertThat(leases.acquire(tenant, "sync:mail", "node-2/b", LONG)).isEmpty();

        Lease taken = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> leases.acquire(tenant, "sync:mail", "node-2/b", LONG), Optional::isPresent).orElseThrow();

        assertThat(taken.holder()).isEqualTo("node-2/b");
        assertThat(leases.renew(lapsing, LONG)).isEmpty();
        assertThat(leases.find(tenant, "sync:mail")).contains(taken);
    }
}
