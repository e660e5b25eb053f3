package org.plumly.core.internal.integrations;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.plumly.api.AuditEntry;
import org.plumly.api.Integration;
import org.plumly.api.SyncRun;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.connector.AuthorizationKind;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.privacy.Caller;
import org.plumly.api.privacy.Role;
import org.plumly.api.store.AuditLog;
import org.plumly.api.store.CredentialStore;
import org.plumly.api.store.IntegrationStore;
import org.plumly.api.store.Page;
import org.plumly.api.store.PageRequest;
import org.plumly.api.store.PendingAuthorization;
import org.plumly.api.store.SealedSecret;
import org.plumly.api.store.SourcePurge;
import org.plumly.api.store.SyncRunStore;
import org.plumly.api.store.TenantStore;
import org.plumly.core.internal.connectors.ConnectorRegistry;
import org.plumly.core.internal.oauth.AuthorizationFlow;
import org.plumly.core.internal.oauth.ClientCredentials;
import org.plumly.core.internal.sync.SyncEngine;
import org.plumly.core.internal.vault.CredentialVault;
import org.plumly.core.internal.vault.VaultException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a company admin does with their tenant's integrations: add one, authorize it (an API key, or
 * OAuth2 with PKCE), sync it now, read its run history, revoke it and, if they choose, purge what it
 * brought in. Every change is audited; no secret is ever returned.
 */
@Component(service = IntegrationService.class)
public final class IntegrationService {
    private static final Logger LOG = LoggerFactory.getLogger(IntegrationService.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final ConnectorRegistry registry;
    private final ConnectorContexts contexts;
    private final SyncEngine engine;
    private final IntegrationStore integrations;
    private final CredentialStore credentials;
    private final CredentialVault vault;
    private final AuthorizationFlow authorizations;
    private final SourcePurge purge;
    private final SyncRunStore runs;
    private final AuditLog audit;
    private final TenantStore tenants;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public IntegrationService(@Reference ConnectorRegistry registry, @Reference ConnectorContexts contexts,
            @Reference SyncEngine engine, @Reference IntegrationStore integrations, @Reference CredentialStore credentials,
            @Reference CredentialVault vault, @Reference AuthorizationFlow authorizations, @Reference SourcePurge purge,
            @Reference SyncRunStore runs, @Reference AuditLog audit, @Reference TenantStore tenants) {
        this.registry = registry;
        this.contexts = contexts;
        this.engine = engine;
        this.integrations = integrations;
        this.credentials = credentials;
        this.vault = vault;
        this.authorizations = authorizations;
        this.purge = purge;
        this.runs = runs;
        this.audit = audit;
        this.tenants = tenants;
    }

    public List<Integration> list(Caller caller) {
        return integrations.list(adminTenant(caller));
    }

    public Integration get(Caller caller, String id) {
        return existing(adminTenant(caller), id);
    }

    /** The names of the secrets an integration holds, never their values. */
    public Set<String> secretNames(Caller caller, String id) {
        TenantId tenant = adminTenant(caller);
        existing(tenant, id);
        return new TreeSet<>(credentials.all(tenant, id).keySet());
    }

    public Integration create(Caller caller, NewIntegration request) {
        TenantId tenant = adminTenant(caller);
        if (tenants.find(tenant).isEmpty()) {
            // The schedule walks registered tenants only: an integration elsewhere would never sync.
            throw IntegrationException.refused("tenant " + tenant.value() + " is not registered on this hub");
        }
        ConnectorSpec spec = installed(request.connectorType()).spec();
        Integration created;
        try {
            created = Integration.created(tenant, request.id(), request.connectorType(), request.settings(),
                    request.syncInterval(), actor(caller), clock.instant());
        } catch (IllegalArgumentException e) {
            throw IntegrationException.invalid(e.getMessage());
        }
        SettingsCheck.check(spec, tenant, request.id(), request.settings(), request.secrets());
        if (integrations.find(tenant, request.id()).isPresent()) {
            throw IntegrationException.conflict("integration " + request.id() + " exists already");
        }
        Map<String, SealedSecret> sealed = seal(tenant, request.id(), request.secrets());
        integrations.put(created);
        sealed.forEach((name, secret) -> credentials.put(tenant, request.id(), name, secret));
        audit(caller, tenant, "integration.create", request.id(), request.connectorType());
        return created;
    }

    /**
     * Authorizes an integration whose connector takes an API key or nothing: keeps the secrets given,
     * checks the connection, and activates it only when the check passes.
     */
    public Integration authorize(Caller caller, String id, Map<String, String> secrets) {
        TenantId tenant = adminTenant(caller);
        Integration integration = existing(tenant, id);
        ConnectorSpec spec = installed(integration.connectorType()).spec();
        if (spec.authorization() == AuthorizationKind.OAUTH2) {
            throw IntegrationException.conflict("connector " + spec.type() + " is authorized by OAuth2: start an authorization instead");
        }
        SettingsCheck.check(spec, tenant, id, integration.settings(), secrets);
        // Sealed first (no vault, no change) and kept only once the check passed: a wrong key never replaces a working one.
        Map<String, SealedSecret> sealed = seal(tenant, id, secrets);
        Integration active = activateIfItWorks(caller, integration, spec, secrets);
        sealed.forEach((name, secret) -> credentials.put(tenant, id, name, secret));
        engine.trigger(active, SyncRun.Trigger.SCHEDULE);
        return active;
    }

    /**
     * Begins the OAuth2 authorization of an integration: the URL to send the admin's browser to, and the key
     * that browser must present at the callback.
     */
    public AuthorizationFlow.Started startAuthorization(Caller caller, String id, URI redirectUri) {
        TenantId tenant = adminTenant(caller);
        Integration integration = existing(tenant, id);
        ConnectorRegistry.Installed connector = installed(integration.connectorType());
        ConnectorSpec spec = connector.spec();
        if (spec.authorization() != AuthorizationKind.OAUTH2) {
            throw IntegrationException.conflict("connector " + spec.type() + " is not authorized by OAuth2");
        }
        ConnectorConfig config = config(integration, spec);
        try {
            AuthorizationFlow.Started started = authorizations.start(tenant, id, ConnectorContexts.authorizationEndpoint(spec, config),
                    ClientCredentials.post(config.get(ConnectorContexts.CLIENT_ID), config.find(ConnectorContexts.CLIENT_SECRET).orElse(null)),
                    spec.scopes(), redirectUri, actor(caller));
            audit(caller, tenant, "integration.authorization.start", id, spec.type());
            return started;
        } catch (VaultException e) {
            throw IntegrationException.unavailable(e.getMessage());
        }
    }

    /**
     * Finishes an OAuth2 authorization from the vendor's redirect: takes the pending authorization of
     * this state (once, and only from the browser that started it), redeems the code with its PKCE
     * verifier, keeps the tokens sealed, and activates the integration when its connection check passes.
     */
    public Integration completeAuthorization(String state, String browserKey, String code, String error) {
        PendingAuthorization pending = authorizations.take(state, browserKey).orElseThrow(() -> IntegrationException.invalid(
                "this authorization is unknown, used already, expired, or was started in another browser: start it again here"));
        Integration integration = existing(pending.tenant(), pending.integration());
        if (integration.status() == Integration.Status.REVOKED || integration.status() == Integration.Status.PAUSED) {
            throw IntegrationException.conflict("integration " + integration.id() + " is " + integration.status()
                    + "; an authorization started before that does not count");
        }
        Caller admin = new Caller(pending.tenant(), UserId.of(pending.requestedBy().replaceFirst("^user:", "")),
                Set.of(Role.COMPANY_ADMIN));
        if (error != null && !error.isBlank()) {
            audit(admin, pending.tenant(), "integration.authorization.denied", integration.id(), error);
            throw IntegrationException.refused("the vendor did not grant access: " + error);
        }
        if (code == null || code.isBlank()) {
            throw IntegrationException.invalid("the callback carries no code");
        }
        ConnectorSpec spec = installed(integration.connectorType()).spec();
        ConnectorConfig config = config(integration, spec);
        try {
            authorizations.complete(pending, code, ConnectorContexts.tokenEndpoint(spec, config), contexts.egress(spec, config),
                    spec.scopes());
        } catch (ConnectorException e) {
            audit(admin, pending.tenant(), "integration.authorization.failed", integration.id(), e.kind().name());
            throw IntegrationException.refused("the vendor refused the authorization: " + e.getMessage());
        }
        Integration active = activateIfItWorks(admin, integration, spec, Map.of());
        engine.trigger(active, SyncRun.Trigger.SCHEDULE);
        return active;
    }

    public SyncEngine.Triggered sync(Caller caller, String id) {
        TenantId tenant = adminTenant(caller);
        Integration integration = existing(tenant, id);
        SyncEngine.Triggered triggered = engine.trigger(integration, SyncRun.Trigger.MANUAL);
        triggered.runId().ifPresent(run -> audit(caller, tenant, "integration.sync", id, "run " + run));
        return triggered;
    }

    public Page<SyncRun> runs(Caller caller, String id, PageRequest request) {
        TenantId tenant = adminTenant(caller);
        existing(tenant, id);
        return runs.list(tenant, id, request);
    }

    public Optional<SyncRun> run(Caller caller, String id, String runId) {
        TenantId tenant = adminTenant(caller);
        existing(tenant, id);
        return runs.find(tenant, id, runId);
    }

    /**
     * Revokes an integration: no sync from now on (a run going ends at its last checkpoint), its tokens
     * and secrets deleted, and with {@code purgeData} everything it brought in deleted too.
     *
     * @return what the purge deleted, by kind of record; empty without a purge
     */
    public Map<String, Long> revoke(Caller caller, String id, boolean purgeData) {
        TenantId tenant = adminTenant(caller);
        Integration integration = existing(tenant, id);
        integrations.put(integration.withStatus(Integration.Status.REVOKED));
        boolean noRun = engine.stopAndWait(tenant, id, "the integration was revoked", STOP_WAIT);
        credentials.deleteAll(tenant, id);
        audit(caller, tenant, "integration.revoke", id, noRun ? "" : "a run was still ending");
        if (!purgeData) {
            return Map.of();
        }
        if (!noRun) {
            // A run still writing could store records after the purge went by: purge once it has ended.
            throw IntegrationException.conflict("integration " + id + " is revoked, but a run of it is still ending; "
                    + "ask for the purge again in a minute");
        }
        Map<String, Long> deleted = new TreeMap<>(purge.purge(tenant, id));
        audit(caller, tenant, "integration.purge", id, deleted.toString());
        LOG.info("Integration {}/{} revoked and purged: {}", tenant.value(), id, deleted);
        return deleted;
    }

    /** Checks the connection with the stored secrets and these candidates, and marks the integration active when it passes. */
    private Integration activateIfItWorks(Caller caller, Integration integration, ConnectorSpec spec, Map<String, String> candidates) {
        ConnectorRegistry.Installed connector = installed(spec.type());
        CheckResult result;
        try {
            result = connector.connector().check(contexts.create(integration, connector, candidates));
        } catch (ConnectorException e) {
            result = CheckResult.failed(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Connector {} failed its check of {}", spec.type(), integration.id(), e);
            result = CheckResult.failed("the connector failed: " + e.getClass().getSimpleName());
        }
        if (!result.passed()) {
            audit(caller, integration.tenant(), "integration.check.failed", integration.id(), "");
            throw IntegrationException.refused("the connection check failed: " + result.reason());
        }
        Integration active = integration.authorized(actor(caller), clock.instant());
        integrations.put(active);
        audit(caller, integration.tenant(), "integration.authorize", integration.id(), spec.type());
        return active;
    }

    private ConnectorConfig config(Integration integration, ConnectorSpec spec) {
        try {
            return contexts.config(integration, spec);
        } catch (ConnectorException e) {
            throw IntegrationException.unavailable(e.getMessage());
        }
    }

    private Map<String, SealedSecret> seal(TenantId tenant, String id, Map<String, String> secrets) {
        try {
            Map<String, SealedSecret> sealed = new TreeMap<>();
            secrets.forEach((name, value) -> sealed.put(name, vault.seal(tenant, id, name, value)));
            return sealed;
        } catch (VaultException e) {
            throw IntegrationException.unavailable(e.getMessage());
        }
    }

    private ConnectorRegistry.Installed installed(String type) {
        return registry.find(type).orElseThrow(() -> IntegrationException.refused("connector " + type + " is not installed"));
    }

    private Integration existing(TenantId tenant, String id) {
        return integrations.find(tenant, id).orElseThrow(() -> IntegrationException.notFound(id));
    }

    /** Integrations are a company admin's, within their own tenant. */
    private static TenantId adminTenant(Caller caller) {
        if (caller.tenant() == null || !caller.has(Role.COMPANY_ADMIN)) {
            throw IntegrationException.forbidden("Only a company admin manages the company's integrations.");
        }
        return caller.tenant();
    }

    private static String actor(Caller caller) {
        return "user:" + caller.user().value();
    }

    private void audit(Caller caller, TenantId tenant, String action, String integration, String detail) {
        audit.append(new AuditEntry(tenant, clock.instant(), actor(caller), action, "integration:" + integration, detail));
    }
}
