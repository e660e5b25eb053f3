package org.plumly.api.connector;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.plumly.api.TenantId;

/**
 * The settings of one integration: a connector authorized by a company admin for a tenant. Secret
 * values are in it (the engine decrypts them for the call) but never in its {@link #toString()}.
 *
 * <pre>{@code
 * String host = config.get("host");
 * int port = config.find("port").map(Integer::parseInt).orElse(993);
 * }</pre>
 *
 * @param tenant      whose data this integration reads; every record emitted must carry it
 * @param integration the integration's id within the tenant, the first part of every {@link org.plumly.api.SourceRef}
 * @param values      the settings by key
 * @param secretKeys  which keys hold secrets
 */
public record ConnectorConfig(TenantId tenant, String integration, Map<String, String> values, Set<String> secretKeys) {
    public ConnectorConfig {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(integration, "integration");
        values = Map.copyOf(values);
        secretKeys = Set.copyOf(secretKeys);
    }

    /** The value of a setting; an {@link IllegalArgumentException} naming the key when it is missing or blank. */
    public String get(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("setting '" + key + "' is missing"));
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    /**
     * A whole-number setting: {@code fallback} when it is not set.
     *
     * @throws ConnectorException {@link ConnectorException.Kind#MISCONFIGURED}, naming the key and the range,
     *                            when it is not a whole number from {@code min} to {@code max}
     */
    public int number(String key, int fallback, int min, int max) throws ConnectorException {
        Optional<String> value = find(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.get().trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw ConnectorException.misconfigured("setting '" + key + "' must be a whole number from " + min + " to " + max);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((key, value) -> shown.put(key, secretKeys.contains(key) ? "****" : value));
        return "ConnectorConfig[tenant=" + tenant + ", integration=" + integration + ", values=" + shown + "]";
    }
}
