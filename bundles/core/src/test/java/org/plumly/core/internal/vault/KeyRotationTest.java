package org.plumly.core.internal.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plumly.api.Integration;
import org.plumly.api.Tenant;
import org.plumly.api.TenantId;
import org.plumly.api.store.CredentialStore;
import org.plumly.api.store.SealedSecret;
import org.plumly.store.cassandra.testing.StoresForTests;

/** Key rotation over the real stores on Cassandra. */
class KeyRotationTest {
    private static final String K1 = NewVaultKey.entry("k1", new SecureRandom());
    private static final String K2 = NewVaultKey.entry("k2", new SecureRandom());

    private final CredentialStore credentials = StoresForTests.credentials();
    private final TenantId tenant = StoresForTests.newTenant();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void aTenantWithTwoIntegrations() {
        StoresForTests.tenants().put(new Tenant(tenant, "Rotation Test", now));
        for (String integration : new String[] { "crm", "mail" }) {
            StoresForTests.integrations().put(Integration.created(tenant, integration, "crm", Map.of(),
                    Duration.ofMinutes(15), "user:admin-1", now));
        }
    }

    @Test
    void everySecretIsResealedUnderTheNewPrimaryAndTheOldKeyCanThenGo() {
        CredentialVault before = new CredentialVault(K1, "");
        credentials.put(tenant, "crm", "oauth2.refreshToken", before.seal(tenant, "crm", "oauth2.refreshToken", "rt-1"));
        credentials.put(tenant, "crm", "oauth2.accessToken", before.seal(tenant, "crm", "oauth2.accessToken", "at-1"));
        credentials.put(tenant, "mail", "password", before.seal(tenant, "mail", "password", "hunter2"));
        CredentialVault during = new CredentialVault(K2 + ", " + K1, "k2");

        RotationReport report = rotation(during).rotate();

        assertThat(report.primary()).isEqualTo("k2");
        assertThat(report.resealed()).isGreaterThanOrEqualTo(3);
        assertThat(report.failures()).noneMatch(failure -> failure.startsWith(tenant + "/"));
        assertThat(credentials.all(tenant, "crm")).allSatisfy((name, sealed) -> assertThat(sealed.keyId()).isEqualTo("k2"));
        CredentialVault after = new CredentialVault(K2, "");
        assertThat(after.open(tenant, "crm", "oauth2.refreshToken", credentials.all(tenant, "crm").get("oauth2.refreshToken")))
                .isEqualTo("rt-1");
        assertThat(after.open(tenant, "crm", "oauth2.accessToken", credentials.all(tenant, "crm").get("oauth2.accessToken")))
                .isEqualTo("at-1");
        assertThat(after.open(tenant, "mail", "password", credentials.all(tenant, "mail").get("password"))).isEqualTo("hunter2");
    }

    @Test
    void rotatingAgainFindsNothingLeftToReseal() {
        CredentialVault before = new CredentialVault(K1, "");
        credentials.put(tenant, "crm", "apiKey", before.seal(tenant, "crm", "apiKey", "key-1"));
        KeyRotation rotation = rotation(new CredentialVault(K2 + ", " + K1, "k2"));
        rotation.rotate();
        SealedSecret resealed = credentials.all(tenant, "crm").get("apiKey");

        RotationReport again = rotation.rotate();

        assertThat(again.resealed()).isZero();
        assertThat(again.current()).isGreaterThanOrEqualTo(1);
        assertThat(credentials.all(tenant, "crm").get("apiKey")).isEqualTo(resealed);
    }

    @Test
    void aSecretNoConfiguredKeyOpensIsReportedAndLeftAsItWas() {
        SealedSecret orphan = new CredentialVault(NewVaultKey.entry("k0", new SecureRandom()), "").seal(tenant, "mail", "password", "p");
        credentials.put(tenant, "mail", "password", orphan);

        RotationReport report = rotation(new CredentialVault(K2 + ", " + K1, "k2")).rotate();

        assertThat(report.complete()).isFalse();
        assertThat(report.failures()).anySatisfy(failure -> assertThat(failure)
                .startsWith(tenant + "/mail/password: ").contains("vault key 'k0', which is not configured"));
        assertThat(credentials.all(tenant, "mail").get("password")).isEqualTo(orphan);
    }

    @Test
    void aVaultWithoutAKeyCannotRotate() {
        assertThatThrownBy(() -> rotation(new CredentialVault("", "")).rotate())
                .isInstanceOf(VaultException.class).hasMessageContaining("etc/org.plumly.vault.cfg");
    }

    private KeyRotation rotation(CredentialVault vault) {
        return new KeyRotation(vault, StoresForTests.tenants(), StoresForTests.integrations(), credentials);
    }
}
