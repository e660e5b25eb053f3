package org.plumly.core.internal.vault;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.plumly.api.TenantId;
import org.plumly.api.health.HealthIndicator;
import org.plumly.api.health.HealthReport;
import org.plumly.api.store.SealedSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals integration secrets (API keys, OAuth2 tokens, PKCE verifiers) with AES-256-GCM under the keys of
 * {@code etc/org.plumly.vault.cfg}, and opens them again. A sealed value is bound to its tenant,
 * integration and name: copied anywhere else it does not open. The primary key seals; every configured
 * key opens, so a new primary can be brought in before {@link KeyRotation} re-seals the old secrets.
 *
 * <pre>{@code
 * SealedSecret sealed = vault.seal(acme, "acme-hubspot", "oauth2.refreshToken", refreshToken);
 * String refreshToken = vault.open(acme, "acme-hubspot", "oauth2.refreshToken", sealed);
 * }</pre>
 */
@Component(configurationPid = CredentialVault.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = { CredentialVault.class, HealthIndicator.class })
@Designate(ocd = CredentialVault.Config.class)
public class CredentialVault implements HealthIndicator {
    static final String PID = "org.plumly.vault";
    static final String CONFIG_FILE = "etc/" + PID + ".cfg";

    @ObjectClassDefinition(name = "Plumly credential vault",
            description = "Keys that encrypt integration secrets and OAuth2 tokens at rest")
    public @interface Config {
        @AttributeDefinition(type = AttributeType.PASSWORD,
                description = "Comma-separated id:base64 AES-256 keys, such as k2:<base64>, k1:<base64>")
        String keys() default "";

        @AttributeDefinition(description = "Id of the key that seals new secrets; may be empty when there is one key")
        String primary() default "";
    }

    private static final Logger LOG = LoggerFactory.getLogger(CredentialVault.class);
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] AAD_CONTEXT = "plumly.vault.v1".getBytes(StandardCharsets.UTF_8);

    private final VaultKeys keys;
    /** Why the configuration cannot be used, or null when it can. */
    private final String configProblem;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public CredentialVault(Config config) {
        this(config.keys(), config.primary());
    }

    /** A vault over keys in the configuration's format; an invalid configuration leaves it unable to seal. */
    public CredentialVault(String keys, String primary) {
        VaultKeys parsed;
        String problem = null;
        try {
            parsed = VaultKeys.parse(keys, primary);
        } catch (IllegalArgumentException invalid) {
            parsed = VaultKeys.none();
            problem = CONFIG_FILE + " is invalid: " + invalid.getMessage();
            LOG.error("The credential vault cannot seal or open secrets: {}", problem);
        }
        this.keys = parsed;
        this.configProblem = problem;
        if (problem == null && parsed.isEmpty()) {
            LOG.warn("No credential vault key is configured: integrations cannot be authorized until keys is set in {}",
                    CONFIG_FILE);
        } else if (problem == null) {
            LOG.info("Credential vault ready: primary key {}, keys {}", parsed.primaryId().orElseThrow(), parsed.ids());
        }
    }

    /**
     * Encrypts a secret under the primary key, bound to its tenant, integration and name.
     *
     * @throws VaultException when no usable key is configured
     */
    public SealedSecret seal(TenantId tenant, String integration, String name, String secret) {
        Objects.requireNonNull(secret, "secret");
        String keyId = primaryKeyId().orElseThrow(() -> new VaultException(unusable()));
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.primaryKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(tenant, integration, name, keyId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return new SealedSecret(keyId, ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(FORMAT).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", unexpected);
        }
    }

    /**
     * Decrypts a secret sealed for this tenant, integration and name.
     *
     * @throws VaultException when the key that sealed it is not configured, or the value was altered or
     *                        sealed for another tenant, integration or name
     */
    public String open(TenantId tenant, String integration, String name, SealedSecret sealed) {
        String what = "secret '" + name + "' of integration " + tenant + "/" + integration;
        SecretKey key = keys.find(sealed.keyId()).orElseThrow(() -> new VaultException(what
                + " was sealed with vault key '" + sealed.keyId() + "', which is not configured in " + CONFIG_FILE
                + " (configured: " + keys.ids() + ")"));
        byte[] bytes = sealed.sealed();
        if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != FORMAT) {
            throw new VaultException(what + " is not a value sealed by this vault");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData(tenant, integration, name, sealed.keyId()));
            byte[] clear = cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (AEADBadTagException refused) {
            throw new VaultException(what + " does not open with vault key '" + sealed.keyId()
                    + "': it was altered, or sealed for another tenant, integration or name");
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", unexpected);
        }
    }

    /** The id of the key that seals new secrets; empty when the vault cannot seal. */
    public Optional<String> primaryKeyId() {
        return keys.primaryId();
    }

    /** Whether a sealed value was sealed by another key than the primary, and so has to be re-sealed before that key goes. */
    public boolean sealedByOldKey(SealedSecret sealed) {
        return !sealed.keyId().equals(keys.primaryId().orElse(null));
    }

    @Override
    public String name() {
        return "vault";
    }

    @Override
    public HealthReport check() {
        if (configProblem != null) {
            return HealthReport.down(configProblem);
        }
        if (keys.isEmpty()) {
            return HealthReport.degraded("no vault key configured: set keys in " + CONFIG_FILE
                    + "; integrations cannot be authorized until then");
        }
        return HealthReport.up("primary key " + keys.primaryId().orElseThrow() + ", " + keys.ids().size()
                + (keys.ids().size() == 1 ? " key" : " keys"));
    }

    @Override
    public String toString() {
        return "CredentialVault[" + keys + "]";
    }

    private String unusable() {
        return configProblem != null ? "cannot seal: " + configProblem
                : "cannot seal: no vault key configured; set keys (and primary) in " + CONFIG_FILE
                        + ", for example keys = k1:<32 random bytes in base64>";
    }

    /** Length-prefixed, so that no two different (tenant, integration, name) give the same bytes. */
    private static byte[] associatedData(TenantId tenant, String integration, String name, String keyId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(name, "name");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : new byte[][] { AAD_CONTEXT, bytes(tenant.value()), bytes(integration), bytes(name), bytes(keyId) }) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(part.length).array());
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
