package org.plumly.api;

import java.util.Locale;
import java.util.Objects;

/** E-mail addresses as Plumly compares them: trimmed, lower-cased, one {@code @} with text on both sides. */
public final class EmailAddress {
    private EmailAddress() {
    }

    /** The address in its compared form; an {@link IllegalArgumentException} when it is not an address. */
    public static String normalize(String address) {
        Objects.requireNonNull(address, "e-mail address");
        String normal = address.trim().toLowerCase(Locale.ROOT);
        int at = normal.indexOf('@');
        if (at <= 0 || at != normal.lastIndexOf('@') || at == normal.length() - 1
                || normal.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("not an e-mail address: " + address);
        }
        return normal;
    }

    /** The domain of an address, such as {@code acme.example}. */
    public static String domain(String address) {
        String normal = normalize(address);
        return normal.substring(normal.indexOf('@') + 1);
    }
}
