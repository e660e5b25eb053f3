package org.plumly.core.internal.integrations;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.plumly.api.Integration;
import org.plumly.api.connector.AuthorizationKind;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.Egress;
import org.plumly.api.connector.SourceFiles;
import org.plumly.api.store.AuditLog;
import org.plumly.api.store.CredentialStore;
import org.plumly.api.store.SealedSecret;
import org.plumly.core.internal.connectors.ConnectorRegistry;
import org.plumly.core.internal.egress.GuardedEgress;
import org.plumly.core.internal.oauth.ClientCredentials;
import org.plumly.core.internal.oauth.OAuth2Grants;
import org.plumly.core.internal.oauth.TokenEndpoint;
import org.plumly.core.internal.sync.ContextFactory;
import org.plumly.core.internal.sync.SyncEngine;
import org.plumly.core.internal.vault.CredentialVault;
import org.plumly.core.internal.vault.VaultException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes what a connector gets for a call: the integration's settings with its secrets opened, an
 * {@link Egress} held to the connector's hosts and the integration's pace, and OAuth2 access tokens.
 */
@Component(service = {ContextFactory.class, ConnectorContexts.class}, configurationPid = "org.plumly.sync",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class ConnectorContexts implements ContextFactory {
    /** Settings every OAuth2 integration has besides its connector's own. */
    static final String CLIENT_ID = "oauth2.clientId";
    static final String CLIENT_SECRET = "oauth2.clientSecret";
    static final String AUTHORIZATION_URL = "oauth2.authorizationUrl";
    static final String TOKEN_URL = "oauth2.tokenUrl";

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorContexts.class);

    private final CredentialVault vault;
    private final CredentialStore credentials;
    private final OAuth2Grants grants;
    private final GuardedEgress.Refusals refusals;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final double requestsPerSecond;
    private final int maxInFlight;
    private final boolean privateNetworks;
    private final Path importFolder;

    @Activate
    public ConnectorContexts(SyncEngine.Config config, @Reference CredentialVault vault, @Reference CredentialStore credentials,
            @Reference OAuth2Grants grants, @Reference AuditLog audit) {
        this(vault, credentials, grants, new EgressAudit(audit, Clock.systemUTC()), config.requestsPerSecond(), config.maxInFlight(),
                config.egressToPrivateNetworks(), importFolder(config));
    }

    ConnectorContexts(CredentialVault vault, CredentialStore credentials, OAuth2Grants grants, GuardedEgress.Refusals refusals,
            double requestsPerSecond, int maxInFlight, boolean privateNetworks, Path importFolder) {
        this.vault = vault;
        this.credentials = credentials;
        this.grants = grants;
        this.refusals = refusals;
        this.requestsPerSecond = requestsPerSecond;
        this.maxInFlight = maxInFlight;
        this.privateNetworks = privateNetworks;
        this.importFolder = importFolder;
    }

    private static Path importFolder(SyncEngine.Config config) {
        return config.importFolder().isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "imports")
                : Path.of(config.importFolder());
    }

    @Override
    public ConnectorContext create(Integration integration, ConnectorRegistry.Installed connector) throws ConnectorException {
        return create(integration, connector, Map.of());
    }

    /** A context whose secrets are the stored ones with {@code candidates} in place of some: to check them before keeping them. */
    ConnectorContext create(Integration integration, ConnectorRegistry.Installed connector, Map<String, String> candidates)
            throws ConnectorException {
        ConnectorSpec spec = connector.spec();
        ConnectorConfig stored = config(integration, spec, candidates.keySet());
        Map<String, String> values = new HashMap<>(stored.values());
        values.putAll(candidates);
        ConnectorConfig config = new ConnectorConfig(stored.tenant(), stored.integration(), values, stored.secretKeys());
        Egress egress = egress(spec, config);
        SourceFiles files = SourceFiles.in(importFolder.resolve(integration.tenant().value()));
        return new Context(config, egress, files, () -> {
            if (spec.authorization() != AuthorizationKind.OAUTH2) {
                throw ConnectorException.unauthorized("connector " + spec.type() + " is not authorized by OAuth2");
            }
            return grants.accessToken(integration.tenant(), integration.id(), tokenEndpoint(spec, config), egress);
        });
    }

    /** The integration's settings and opened secrets, as its connector sees them. */
    ConnectorConfig config(Integration integration, ConnectorSpec spec) throws ConnectorException {
        return config(integration, spec, Set.of());
    }

    /**
     * The settings and opened secrets but those in {@code replaced}, which are not opened at all: a secret
     * given again replaces one the vault may no longer open (a lost key), so it never has to.
     */
    private ConnectorConfig config(Integration integration, ConnectorSpec spec, Set<String> replaced) throws ConnectorException {
        Map<String, String> values = spec.withDefaults(integration.settings());
        Set<String> secretKeys = secretKeys(spec);
        try {
            for (Map.Entry<String, SealedSecret> secret : credentials.all(integration.tenant(), integration.id()).entrySet()) {
                if (secretKeys.contains(secret.getKey()) && !replaced.contains(secret.getKey())) {
                    values.put(secret.getKey(), vault.open(integration.tenant(), integration.id(), secret.getKey(), secret.getValue()));
                }
            }
        } catch (VaultException e) {
            // The vault's reason names key ids and its configuration: the operator's log, not the tenant's run history.
            LOG.warn("The secrets of integration {}/{} cannot be opened: {}", integration.tenant().value(), integration.id(), e.getMessage());
            throw ConnectorException.misconfigured("the secrets of integration " + integration.id()
                    + " cannot be opened; the hub's operator finds the reason in its log");
        }
        return new ConnectorConfig(integration.tenant(), integration.id(), values, secretKeys);
    }

    Egress egress(ConnectorSpec spec, ConnectorConfig config) {
        return new GuardedEgress(spec, config, http, requestsPerSecond, maxInFlight, privateNetworks, refusals);
    }

    /** The keys kept in the vault: the connector's secret fields, and the OAuth2 client secret. */
    static Set<String> secretKeys(ConnectorSpec spec) {
        Set<String> keys = new HashSet<>(spec.secretKeys());
        if (spec.authorization() == AuthorizationKind.OAUTH2) {
            keys.add(CLIENT_SECRET);
        }
        return keys;
    }

    static URI authorizationEndpoint(ConnectorSpec spec, ConnectorConfig config) {
        return config.find(AUTHORIZATION_URL).map(URI::create).orElse(spec.oauth2().authorization());
    }

    static TokenEndpoint tokenEndpoint(ConnectorSpec spec, ConnectorConfig config) throws ConnectorException {
        URI uri = config.find(TOKEN_URL).map(URI::create).orElse(spec.oauth2().token());
        String clientId = config.find(CLIENT_ID).orElseThrow(() -> ConnectorException.misconfigured(
                "integration " + config.integration() + " has no " + CLIENT_ID));
        return new TokenEndpoint(uri, ClientCredentials.post(clientId, config.find(CLIENT_SECRET).orElse(null)));
    }

    private record Context(ConnectorConfig config, Egress egress, SourceFiles files, TokenSource tokens) implements ConnectorContext {
        @Override
        public String accessToken() throws ConnectorException {
            return tokens.get();
        }
    }

    @FunctionalInterface
    private interface TokenSource {
        String get() throws ConnectorException;
    }
}
