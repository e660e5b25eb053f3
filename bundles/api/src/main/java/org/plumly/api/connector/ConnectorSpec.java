package org.plumly.api.connector;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a connector is: its type, how it is authorized, where it may connect, and its settings.
 *
 * <pre>{@code
 * new ConnectorSpec("hubspot", "HubSpot", AuthorizationKind.OAUTH2,
 *         Set.of("crm.objects.deals.read"), Set.of("api.hubapi.com"), List.of(),
 *         new OAuth2Endpoints(URI.create("https://app.hubspot.com/oauth/authorize"),
 *                 URI.create("https://api.hubapi.com/oauth/v1/token")));
 * }</pre>
 *
 * @param type          a stable id, such as {@code salesforce}
 * @param name          what admins see
 * @param scopes        OAuth2 scopes it asks for; empty otherwise
 * @param allowedHosts  hosts it may always call (exact names, or {@code *.example.com} for any
 *                      subdomain); besides these, the hosts of its {@code URL} and {@code HOST} settings.
 *                      Egress elsewhere is refused and audited
 * @param fields        its settings
 * @param oauth2        where to send the admin to grant access, for {@link AuthorizationKind#OAUTH2}; null otherwise
 */
public record ConnectorSpec(String type, String name, AuthorizationKind authorization, Set<String> scopes,
                            Set<String> allowedHosts, List<ConfigField> fields, OAuth2Endpoints oauth2) {
    public ConnectorSpec {
        Objects.requireNonNull(type, "type");
        if (!type.matches("[a-z][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("connector type must be lower-case letters, digits and dashes: " + type);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authorization, "authorization");
        scopes = Set.copyOf(scopes);
        allowedHosts = Set.copyOf(allowedHosts);
        fields = List.copyOf(fields);
        if (fields.stream().map(ConfigField::key).distinct().count() != fields.size()) {
            throw new IllegalArgumentException("config keys of connector " + type + " must be unique");
        }
        for (String host : allowedHosts) {
            if (!host.matches("(\\*\\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
                throw new IllegalArgumentException("allowed host must be a lower-case host name or *.domain: " + host);
            }
        }
        if ((authorization == AuthorizationKind.OAUTH2) != (oauth2 != null)) {
            throw new IllegalArgumentException("connector " + type + ": OAuth2 endpoints are given exactly when it is authorized by OAuth2");
        }
    }

    /** A spec of a connector authorized by nothing or by an API key. */
    public ConnectorSpec(String type, String name, AuthorizationKind authorization, Set<String> allowedHosts,
            List<ConfigField> fields) {
        this(type, name, authorization, Set.of(), allowedHosts, fields, null);
    }

    /**
     * Whether an integration with these settings may connect to {@code host}: a host of the spec (a
     * {@code *.domain} entry allows its subdomains, not the domain itself), the host of a {@code URL}
     * setting, or the value of a {@code HOST} setting. Host names compare without case.
     */
    public boolean allowsHost(String host, ConnectorConfig config) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String wanted = host.toLowerCase(Locale.ROOT);
        for (String allowed : allowedHosts) {
            if (allowed.startsWith("*.") ? wanted.endsWith(allowed.substring(1)) : wanted.equals(allowed)) {
                return true;
            }
        }
        for (ConfigField field : fields) {
            Optional<String> value = config.find(field.key());
            if (value.isEmpty()) {
                continue;
            }
            String configured = switch (field.type()) {
                case URL -> hostOf(value.get());
                case HOST -> value.get().trim();
                default -> null;
            };
            if (configured != null && configured.equalsIgnoreCase(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String hostOf(String url) {
        try {
            return URI.create(url.trim()).getHost();
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** The settings an integration runs with: {@code values}, and each field's default where no value is given. */
    public Map<String, String> withDefaults(Map<String, String> values) {
        Map<String, String> settings = new HashMap<>();
        for (ConfigField field : fields) {
            if (field.defaultValue() != null) {
                settings.put(field.key(), field.defaultValue());
            }
        }
        values.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    /** The keys of the secret fields. */
    public Set<String> secretKeys() {
        return fields.stream().filter(ConfigField::secret).map(ConfigField::key).collect(Collectors.toSet());
    }
}
