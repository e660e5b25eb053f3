package org.plumly.core.internal.integrations;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a company admin asks for when adding an integration.
 *
 * @param settings     the connector's non-secret settings
 * @param secrets      secret settings given now (they can also come when authorizing)
 * @param syncInterval how often to sync; null for the default
 */
public record NewIntegration(String id, String connectorType, Map<String, String> settings, Map<String, String> secrets,
                      Duration syncInterval) {
    static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofMinutes(15);

    public NewIntegration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(connectorType, "connector type");
        settings = Map.copyOf(settings);
        secrets = Map.copyOf(secrets);
        syncInterval = syncInterval == null ? DEFAULT_SYNC_INTERVAL : syncInterval;
    }

    @Override
    public String toString() {
        return "NewIntegration[id=" + id + ", connectorType=" + connectorType + ", settings=" + settings
                + ", secrets=" + secrets.keySet() + ", syncInterval=" + syncInterval + "]";
    }
}
