package org.plumly.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The customer a record belongs to. Every record that holds customer data carries one, and every
 * store call takes one: there is no way to ask Plumly for data without saying whose it is.
 *
 * <pre>{@code
 * TenantId acme = TenantId.of("acme");
 * }</pre>
 *
 * @param value lower-case letters, digits and dashes, 1 to 63 characters, starting with a letter or digit
 */
public record TenantId(String value) {
    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("tenant id must be 1-63 lower-case letters, digits or dashes: " + value);
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
