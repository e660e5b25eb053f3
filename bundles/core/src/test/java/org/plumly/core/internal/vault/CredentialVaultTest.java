package org.plumly.core.internal.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.plumly.api.TenantId;
import org.plumly.api.health.HealthStatus;
import org.plumly.api.store.SealedSecret;

class CredentialVaultTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final String K1 = NewVaultKey.entry("k1", new SecureRandom());
    private static final String K2 = NewVaultKey.entry("k2", new SecureRandom());

    private final CredentialVault vault = new CredentialVault(K1, "");

    @Test
    void aSealedSecretOpensToWhatWasSealed() {
        SealedSecret sealed = vault.seal(ACME, "acme-hubspot", "oauth2.refreshToken", "rt-ünïcode-123");

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(new String(sealed.sealed(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("rt-");
        assertThat(vault.open(ACME, "acme-hubspot", "oauth2.refreshToken", sealed)).isEqualTo("rt-ünïcode-123");
    }

    @Test
    void sealingTheSameSecretTwiceGivesDifferentBytes() {
        SealedSecret first = vault.seal(ACME, "acme-hubspot", "apiKey", "same");
        SealedSecret second = vault.seal(ACME, "acme-hubspot", "apiKey", "same");

        assertThat(first).isNotEqualTo(second);
        assertThat(vault.open(ACME, "acme-hubspot", "apiKey", second)).isEqualTo("same");
    }

    @Test
    void aTamperedSealedValueDoesNotOpen() {
        SealedSecret sealed = vault.seal(ACME, "acme-hubspot", "apiKey", "secret-value");
        for (int at : new int[] { 1, 13, sealed.sealed().length - 1 }) {
            byte[] bytes = sealed.sealed();
            bytes[at] ^= 0x01;

            assertThatThrownBy(() -> vault.open(ACME, "acme-hubspot", "apiKey", new SealedSecret("k1", bytes)))
                    .isInstanceOf(VaultException.class)
                    .hasMessageContaining("does not open with vault key 'k1'")
                    .hasMessageContaining("altered");
        }
    }

    @Test
    void aSealedValueCopiedToAnotherTenantIntegrationOrNameDoesNotOpen() {
        SealedSecret sealed = vault.seal(ACME, "acme-hubspot", "oauth2.accessToken", "at-1");

        assertThatThrownBy(() -> vault.open(GLOBEX, "acme-hubspot", "oauth2.accessToken", sealed))
                .isInstanceOf(VaultException.class).hasMessageContaining("globex/acme-hubspot");
        assertThatThrownBy(() -> vault.open(ACME, "acme-mail", "oauth2.accessToken", sealed))
                .isInstanceOf(VaultException.class).hasMessageContaining("another tenant, integration or name");
        assertThatThrownBy(() -> vault.open(ACME, "acme-hubspot", "oauth2.refreshToken", sealed))
                .isInstanceOf(VaultException.class).hasMessageContaining("'oauth2.refreshToken'");
    }

    @Test
    void aValueSealedWithAKeyThatIsNoLongerConfiguredFailsNamingTheKey() {
        SealedSecret sealed = new CredentialVault(K2, "").seal(ACME, "acme-hubspot", "apiKey", "v");

        assertThatThrownBy(() -> vault.open(ACME, "acme-hubspot", "apiKey", sealed))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("sealed with vault key 'k2', which is not configured")
                .hasMessageContaining("etc/org.plumly.vault.cfg");
    }

    @Test
    void aValueSealedByAnotherKeyUnderTheSameIdDoesNotOpen() {
        CredentialVault other = new CredentialVault(NewVaultKey.entry("k1", new SecureRandom()), "k1");
        SealedSecret sealed = other.seal(ACME, "acme-hubspot", "apiKey", "v");

        assertThatThrownBy(() -> vault.open(ACME, "acme-hubspot", "apiKey", sealed)).isInstanceOf(VaultException.class);
    }

    @Test
    void theNewPrimaryKeySealsWhileTheOldOneStillOpens() {
        SealedSecret underK1 = vault.seal(ACME, "acme-hubspot", "apiKey", "old");
        CredentialVault rotated = new CredentialVault(K2 + ", " + K1, "k2");

        SealedSecret underK2 = rotated.seal(ACME, "acme-hubspot", "apiKey", "new");

        assertThat(underK2.keyId()).isEqualTo("k2");
        assertThat(rotated.open(ACME, "acme-hubspot", "apiKey", underK1)).isEqualTo("old");
        assertThat(rotated.sealedByOldKey(underK1)).isTrue();
        assertThat(rotated.sealedByOldKey(underK2)).isFalse();
    }

    @Test
    void aVaultWithoutAKeyRefusesToSealAndSaysWhichFileToSet() {
        CredentialVault empty = new CredentialVault("", "");

        assertThatThrownBy(() -> empty.seal(ACME, "acme-hubspot", "apiKey", "v"))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("no vault key configured")
                .hasMessageContaining("etc/org.plumly.vault.cfg");
        assertThat(empty.check().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(empty.check().detail()).startsWith("no vault key configured");
        assertThat(empty.name()).isEqualTo("vault");
    }

    @Test
    void aConfiguredVaultIsHealthyAndShowsKeyIdsOnly() {
        CredentialVault two = new CredentialVault(K2 + "," + K1, "k2");

        assertThat(two.check().status()).isEqualTo(HealthStatus.UP);
        assertThat(two.check().detail()).isEqualTo("primary key k2, 2 keys");
        assertThat(two.toString()).contains("k1", "k2").doesNotContain(material(K1), material(K2));
    }

    @Test
    void anInvalidConfigurationIsReportedWithoutItsKeyMaterial() {
        String shortKey = "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[16]);
        CredentialVault invalid = new CredentialVault(shortKey + ", " + K2, "k2");

        assertThat(invalid.check().status()).isEqualTo(HealthStatus.DOWN);
        assertThat(invalid.check().detail()).contains("vault key 'k1' is 128 bits").doesNotContain(material(shortKey));
        assertThatThrownBy(() -> invalid.seal(ACME, "i", "n", "v")).isInstanceOf(VaultException.class)
                .hasMessageContaining("etc/org.plumly.vault.cfg is invalid");
    }

    @Test
    void keyEntriesAreCheckedOneByOneWithoutEchoingThem() {
        assertThatThrownBy(() -> VaultKeys.parse("k1", "")).hasMessageContaining("entry 1 is not of the form id:base64-key")
                .hasMessageNotContaining("k1");
        assertThatThrownBy(() -> VaultKeys.parse("k1:%%%notbase64", "")).hasMessage("vault key 'k1' is not valid base64");
        assertThatThrownBy(() -> VaultKeys.parse(K1 + "," + K1, "k1")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> VaultKeys.parse(K1 + "," + K2, "")).hasMessageContaining("set primary");
        assertThatThrownBy(() -> VaultKeys.parse(K1, "k3")).hasMessageContaining("'k3' is not among the configured keys [k1]");
    }

    @Test
    void aNewKeyIsAFreshRandom256BitKeyInTheConfigurationFormat() {
        String one = NewVaultKey.entry("k1", new SecureRandom());
        String two = NewVaultKey.entry("k1", new SecureRandom());

        assertThat(one).startsWith("k1:").isNotEqualTo(two);
        assertThat(java.util.Base64.getDecoder().decode(material(one))).hasSize(32);
        assertThat(VaultKeys.parse(one, "").primaryId()).contains("k1");
    }

    private static String material(String entry) {
        return entry.substring(entry.indexOf(':') + 1);
    }
}
