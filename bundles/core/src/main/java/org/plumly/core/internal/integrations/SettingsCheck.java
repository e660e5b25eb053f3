package org.plumly.core.internal.integrations;

import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.plumly.api.TenantId;
import org.plumly.api.connector.AuthorizationKind;
import org.plumly.api.connector.ConfigField;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorSpec;

/** Checks an admin's settings against a connector's spec before anything is kept. */
final class SettingsCheck {
    private static final Set<String> OAUTH2_SETTINGS = Set.of(ConnectorContexts.CLIENT_ID, ConnectorContexts.AUTHORIZATION_URL,
            ConnectorContexts.TOKEN_URL);

    private SettingsCheck() {
    }

    /** The settings and secrets, or an {@link IntegrationException} naming the first thing wrong. */
    static void check(ConnectorSpec spec, TenantId tenant, String integration, Map<String, String> settings,
            Map<String, String> secrets) {
        Set<String> secretKeys = ConnectorContexts.secretKeys(spec);
        Set<String> known = new HashSet<>();
        spec.fields().forEach(field -> known.add(field.key()));
        if (spec.authorization() == AuthorizationKind.OAUTH2) {
            known.addAll(OAUTH2_SETTINGS);
            known.add(ConnectorContexts.CLIENT_SECRET);
        }
        for (String key : settings.keySet()) {
            if (!known.contains(key)) {
                throw IntegrationException.invalid("connector " + spec.type() + " has no setting '" + key + "'");
            }
            if (secretKeys.contains(key)) {
                throw IntegrationException.invalid("'" + key + "' is a secret: send it in secrets, not settings");
            }
        }
        for (String key : secrets.keySet()) {
            if (!secretKeys.contains(key)) {
                throw IntegrationException.invalid("connector " + spec.type() + " has no secret '" + key + "'");
            }
        }
        for (ConfigField field : spec.fields()) {
            String value = settings.get(field.key());
            if (field.secret() || value == null || value.isBlank()) {
                if (field.required() && !field.secret() && field.defaultValue() == null) {
                    throw IntegrationException.invalid("setting '" + field.key() + "' (" + field.label() + ") is required");
                }
                continue;
            }
            checkType(field, value.strip());
        }
        if (spec.authorization() == AuthorizationKind.OAUTH2) {
            if (settings.getOrDefault(ConnectorContexts.CLIENT_ID, "").isBlank()) {
                throw IntegrationException.invalid("setting '" + ConnectorContexts.CLIENT_ID
                        + "' is required: the client id of the hub's app registration at the vendor");
            }
            ConnectorConfig config = new ConnectorConfig(tenant, integration, settings, Set.of());
            for (String key : Set.of(ConnectorContexts.AUTHORIZATION_URL, ConnectorContexts.TOKEN_URL)) {
                String url = settings.get(key);
                if (url != null && !url.isBlank()) {
                    String host = httpUrl(key, url).getHost();
                    if (!spec.allowsHost(host, config)) {
                        throw IntegrationException.invalid("'" + key + "' points at " + host
                                + ", which connector " + spec.type() + " may not call");
                    }
                }
            }
        }
    }

    private static void checkType(ConfigField field, String value) {
        switch (field.type()) {
            case INTEGER -> {
                try {
                    Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw IntegrationException.invalid("setting '" + field.key() + "' must be a whole number");
                }
            }
            case BOOLEAN -> {
                if (!value.equals("true") && !value.equals("false")) {
                    throw IntegrationException.invalid("setting '" + field.key() + "' must be true or false");
                }
            }
            case URL -> httpUrl(field.key(), value);
            case HOST -> {
                if (!value.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
                    throw IntegrationException.invalid("setting '" + field.key() + "' must be a host name");
                }
            }
            case TEXT -> {
            }
        }
    }

    private static URI httpUrl(String key, String value) {
        try {
            URI uri = URI.create(value);
            if ((!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw IntegrationException.invalid("setting '" + key + "' must be an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw IntegrationException.invalid("setting '" + key + "' must be an http(s) URL");
        }
    }
}
