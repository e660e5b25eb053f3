package org.plumly.store.cassandra.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.plumly.api.Integration;
import org.plumly.api.TenantId;

class StoresForTestsTest {

    @Test
    void anotherModulesTestGetsWorkingStoresAndATenantOfItsOwn() {
        TenantId acme = StoresForTests.newTenant();
        Integration mail = Integration.created(acme, "acme-mail", "imap", Map.of(), Duration.ofMinutes(15), "user:admin-1",
                Instant.parse("2026-11-25T10:00:00Z"));

        StoresForTests.integrations().put(mail);

        assertThat(StoresForTests.integrations().find(acme, "acme-mail")).contains(mail);
        assertThat(StoresForTests.newTenant()).isNotEqualTo(acme);
        assertThat(StoresForTests.leases()).isSameAs(StoresForTests.leases());
    }
}
