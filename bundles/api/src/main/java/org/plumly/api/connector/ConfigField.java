package org.plumly.api.connector;

import java.util.Objects;

/**
 * One setting of a connector's configuration, as the admin sees it when adding an integration.
 *
 * @param key          the key in {@link ConnectorConfig}, such as {@code host}
 * @param label        what the form shows
 * @param type         how the value is entered and checked
 * @param required     whether a value must be given
 * @param secret       kept encrypted, never shown again, never logged (passwords, API keys)
 * @param defaultValue used when no value is given, or null
 */
public record ConfigField(String key, String label, Type type, boolean required, boolean secret, String defaultValue) {
    public ConfigField {
        Objects.requireNonNull(key, "key");
        if (!key.matches("[a-zA-Z][a-zA-Z0-9_.-]*")) {
            throw new IllegalArgumentException("config key must start with a letter and hold letters, digits, '_', '.', '-': " + key);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
    }

    public static ConfigField text(String key, String label, boolean required) {
        return new ConfigField(key, label, Type.TEXT, required, false, null);
    }

    public static ConfigField secret(String key, String label) {
        return new ConfigField(key, label, Type.TEXT, true, true, null);
    }

    /** How a value is entered and checked. */
    public enum Type {
        TEXT, INTEGER, BOOLEAN,
        /** An address the connector calls: its host becomes an allowed egress host for the integration. */
        URL,
        /** A host name the connector connects to (an IMAP server): allowed for egress like a URL's host. */
        HOST
    }
}
