package org.plumly.api.connector;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a connector is: its type, how it is authorized, where it may connect, and its settings.
 *
 * <pre>{@code
 * new ConnectorSpec("hubspot", "HubSpot", AuthorizationKind.OAUTH2,
 *         Set.of("crm.objects.deals.read"), Set.of("api.hubapi.com"), List.of());
 * }</pre>
 *
 * @param type          a stable id, such as {@code salesforce}
 * @param name          what admins see
 * @param scopes        OAuth2 scopes it asks for; empty otherwise
 * @param allowedHosts  the only hosts it may call; egress elsewhere is refused and audited.
 *                      Empty when it reads no network source, or when the host is a setting (then
 *                      the configured host is the one allowed)
 * @param fields        its settings
 */
public record ConnectorSpec(String type, String name, AuthorizationKind authorization, Set<String> scopes,
                            Set<String> allowedHosts, List<ConfigField> fields) {
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
    }

    /** The keys of the secret fields. */
    public Set<String> secretKeys() {
        return fields.stream().filter(ConfigField::secret).map(ConfigField::key).collect(Collectors.toSet());
    }
}
