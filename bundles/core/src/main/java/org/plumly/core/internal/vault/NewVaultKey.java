package org.plumly.core.internal.vault;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes a new random vault key in the format of {@code etc/org.plumly.vault.cfg}, such as
 * {@code k1:<base64 of 32 random bytes>}. The launcher calls it at first start; it needs nothing but the
 * JDK on the class path: {@code java -cp plumly-core.jar org.plumly.core.internal.vault.NewVaultKey [id]}.
 */
public final class NewVaultKey {
    private NewVaultKey() {
    }

    /** A key entry {@code id:base64} from {@code random}. */
    public static String entry(String id, SecureRandom random) {
        if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("a vault key id is 1-32 letters, digits, '_' or '-'");
        }
        byte[] key = new byte[VaultKeys.KEY_BYTES];
        random.nextBytes(key);
        return id + ":" + Base64.getEncoder().encodeToString(key);
    }

    /** Prints a new key entry; the first argument, if any, is its id (default {@code k1}). */
    public static void main(String[] args) {
        System.out.println(entry(args.length > 0 ? args[0] : "k1", new SecureRandom()));
    }
}
