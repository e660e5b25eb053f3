package org.plumly.api.connector;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the sync engine hands a connector for one call: the integration's settings, the only way out
 * to the network, and the current OAuth2 access token. The engine implements it.
 *
 * <pre>{@code
 * HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.hubapi.com/crm/v3/objects/deals"))
 *         .header("Authorization", "Bearer " + context.accessToken())
 *         .build();
 * HttpResponse<String> response = context.egress().send(request, HttpResponse.BodyHandlers.ofString());
 * }</pre>
 */
@ProviderType
public interface ConnectorContext {

    /** The integration's settings, secrets decrypted for this call. */
    ConnectorConfig config();

    /** The network, limited to the hosts the spec and the settings allow, and to the integration's rate. */
    Egress egress();

    /**
     * A valid OAuth2 access token for the integration, refreshed by the engine before it expires.
     *
     * @throws ConnectorException of kind {@link ConnectorException.Kind#UNAUTHORIZED} when the integration
     *                            holds no grant (not {@link AuthorizationKind#OAUTH2}, revoked, or refused on refresh)
     */
    String accessToken() throws ConnectorException;

    /** The files the hub's operator placed for the tenant (CRM exports, calendar files), read-only. */
    SourceFiles files();
}
