package org.plumly.core.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.plumly.api.TenantId;
import org.plumly.core.internal.vault.CredentialVault;
import org.plumly.core.internal.vault.NewVaultKey;
import org.plumly.store.cassandra.testing.StoresForTests;

/** Grants and authorizations in progress on the real credential store. */
class StoredGrantTest {
    private final TenantId tenant = StoresForTests.newTenant();
    private final SettableClock clock = new SettableClock();
    private final CredentialVault vault = new CredentialVault(NewVaultKey.entry("k1", new SecureRandom()), "");
    private final OAuth2Grants grants = new OAuth2Grants(vault, StoresForTests.credentials(), clock);
    private final AuthorizationFlow flow = new AuthorizationFlow(vault, StoresForTests.credentials(), grants, clock);

    @Test
    void aStoredGrantReadsBackAsItWasAndAReplacementDropsTheOldRefreshToken() throws Exception {
        TokenSet first = new TokenSet("at-1", "rt-1", clock.instant().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS),
                Set.of("crm.read", "openid"));
        grants.store(tenant, "crm", first);
        assertThat(grants.find(tenant, "crm")).contains(first);

        TokenSet second = new TokenSet("at-2", null, null, Set.of());
        grants.store(tenant, "crm", second);

        assertThat(grants.find(tenant, "crm")).contains(second);
        assertThat(grants.find(tenant, "other")).isEmpty();
    }

    @Test
    void anAuthorizationStateIsTakenOnceAndOnlyByItsTenant() {
        AuthorizationFlow.Started started = flow.start(tenant, "crm", URI.create("https://login.example.com/authorize"),
                ClientCredentials.basic("plumly", "secret"), Set.of("crm.read"),
                URI.create("http://localhost:8181/api/v1/oauth2/callback"), "user:admin-1");
        String state = started.authorizationUrl().getQuery().replaceAll(".*state=([^&]*).*", "$1");
        String otherTenantsState = "someone-else" + state.substring(state.indexOf('.'));

        assertThat(flow.take(otherTenantsState, started.browserKey())).isEmpty();
        assertThat(flow.take(state, started.browserKey())).hasValueSatisfying(pending -> {
            assertThat(pending.tenant()).isEqualTo(tenant);
            assertThat(pending.integration()).isEqualTo("crm");
            assertThat(pending.expiresAt()).isAfter(Instant.now());
        });
        assertThat(flow.take(state, started.browserKey())).isEmpty();
    }
}
