package org.plumly.core.internal.vault;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The vault's AES-256 keys by id, and the primary one that seals new secrets, as written in
 * {@code etc/org.plumly.vault.cfg}: {@code keys = k2:<base64>, k1:<base64>} and {@code primary = k2}.
 * Neither its {@link #toString()} nor any message it throws holds key material.
 */
final class VaultKeys {
    static final int KEY_BYTES = 32;
    private static final String ID_FORM = "[A-Za-z0-9_-]{1,32}";

    private final Map<String, SecretKey> byId;
    private final String primary;

    private VaultKeys(Map<String, SecretKey> byId, String primary) {
        this.byId = Collections.unmodifiableMap(byId);
        this.primary = primary;
    }

    static VaultKeys none() {
        return new VaultKeys(Map.of(), null);
    }

    /**
     * Reads the configured keys. With one key, {@code primary} may be left empty.
     *
     * @throws IllegalArgumentException naming the entry or id at fault, never its value
     */
    static VaultKeys parse(String keys, String primary) {
        Map<String, SecretKey> byId = new LinkedHashMap<>();
        String[] entries = keys == null ? new String[0] : keys.split(",");
        int position = 0;
        for (String raw : entries) {
            position++;
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("vault key entry " + position + " is not of the form id:base64-key");
            }
            String id = entry.substring(0, colon).trim();
            if (!id.matches(ID_FORM)) {
                throw new IllegalArgumentException("vault key entry " + position
                        + " has no valid id (1-32 letters, digits, '_' or '-' before the colon)");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("vault key '" + id + "' is not valid base64");
            }
            if (material.length != KEY_BYTES) {
                throw new IllegalArgumentException("vault key '" + id + "' is " + material.length * 8
                        + " bits; it must be 256 bits (32 bytes, base64-encoded)");
            }
            if (byId.putIfAbsent(id, new SecretKeySpec(material, "AES")) != null) {
                throw new IllegalArgumentException("vault key id '" + id + "' is given twice");
            }
        }
        String chosen = primary == null ? "" : primary.trim();
        if (chosen.isEmpty()) {
            if (byId.size() > 1) {
                throw new IllegalArgumentException("several vault keys are configured: set primary to the id of the one that seals new secrets");
            }
            chosen = byId.isEmpty() ? null : byId.keySet().iterator().next();
        } else if (!byId.containsKey(chosen)) {
            throw new IllegalArgumentException("the primary vault key '" + chosen + "' is not among the configured keys " + byId.keySet());
        }
        return new VaultKeys(byId, chosen);
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    /** The id of the key that seals; empty when no key is configured. */
    Optional<String> primaryId() {
        return Optional.ofNullable(primary);
    }

    SecretKey primaryKey() {
        return byId.get(primary);
    }

    Optional<SecretKey> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Set<String> ids() {
        return byId.keySet();
    }

    @Override
    public String toString() {
        return "VaultKeys[ids=" + byId.keySet() + ", primary=" + primary + "]";
    }
}
