package org.plumly.api;

import java.util.Objects;

/** The one rule every entity id follows, so ids are safe in keys, URLs and logs. */
final class Ids {
    static final int MAX_LENGTH = 256;

    private Ids() {
    }

    static String check(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " must have 1 to " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new IllegalArgumentException(what + " must not contain spaces or control characters: " + value);
            }
        }
        return value;
    }

    static String text(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
