package org.plumly.api.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret encrypted by the credential vault: the id of the key that sealed it and the sealed bytes
 * (nonce, ciphertext and tag). Stores keep it as it is and cannot read it.
 */
public record SealedSecret(String keyId, byte[] sealed) {
    public SealedSecret {
        Objects.requireNonNull(keyId, "key id");
        sealed = Objects.requireNonNull(sealed, "sealed").clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSecret that && keyId.equals(that.keyId) && Arrays.equals(sealed, that.sealed);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(sealed);
    }

    @Override
    public String toString() {
        return "SealedSecret[keyId=" + keyId + ", " + sealed.length + " bytes]";
    }
}
