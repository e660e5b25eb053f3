package org.plumly.core.internal.vault;

/**
 * The vault cannot seal or open a secret: no key is configured, the key that sealed it is gone, or the
 * sealed value was altered or belongs to another tenant, integration or name. The message names the
 * secret and the key id, never a key or a secret.
 */
public class VaultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VaultException(String message) {
        super(message);
    }
}
