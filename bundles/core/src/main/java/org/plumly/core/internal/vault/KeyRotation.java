package org.plumly.core.internal.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.plumly.api.Integration;
import org.plumly.api.Tenant;
import org.plumly.api.TenantId;
import org.plumly.api.store.CredentialStore;
import org.plumly.api.store.IntegrationStore;
import org.plumly.api.store.Page;
import org.plumly.api.store.PageRequest;
import org.plumly.api.store.SealedSecret;
import org.plumly.api.store.TenantStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-seals every stored secret under the vault's primary key, so that the keys before it can leave
 * {@code etc/org.plumly.vault.cfg}. Safe to run again: secrets already under the primary key are left
 * as they are. Authorizations in progress (sealed PKCE verifiers, minutes long) are not re-sealed: remove
 * an old key no sooner than their lifetime after the primary changed.
 */
@Component(service = KeyRotation.class)
public class KeyRotation {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);
    private static final int TENANT_PAGE = 100;

    private final CredentialVault vault;
    private final TenantStore tenants;
    private final IntegrationStore integrations;
    private final CredentialStore credentials;

    @Activate
    public KeyRotation(@Reference CredentialVault vault, @Reference TenantStore tenants,
            @Reference IntegrationStore integrations, @Reference CredentialStore credentials) {
        this.vault = vault;
        this.tenants = tenants;
        this.integrations = integrations;
        this.credentials = credentials;
    }

    /**
     * Walks tenants, their integrations and their secrets, and re-seals those under an old key.
     *
     * @throws VaultException when the vault has no primary key to re-seal under
     */
    public RotationReport rotate() {
        String primary = vault.primaryKeyId()
                .orElseThrow(() -> new VaultException("cannot rotate: no vault key configured in " + CredentialVault.CONFIG_FILE));
        int tenantCount = 0;
        int integrationCount = 0;
        int resealed = 0;
        int current = 0;
        List<String> failures = new ArrayList<>();
        PageRequest request = PageRequest.first(TENANT_PAGE);
        while (request != null) {
            Page<Tenant> page = tenants.list(request);
            for (Tenant tenant : page.items()) {
                tenantCount++;
                for (Integration integration : integrations.list(tenant.id())) {
                    integrationCount++;
                    Map<String, SealedSecret> secrets = credentials.all(tenant.id(), integration.id());
                    for (Map.Entry<String, SealedSecret> secret : secrets.entrySet()) {
                        Outcome outcome = vault.sealedByOldKey(secret.getValue())
                                ? reseal(tenant.id(), integration.id(), secret.getKey(), secret.getValue(), failures)
                                : Outcome.CURRENT;
                        switch (outcome) {
                            case RESEALED -> resealed++;
                            case CURRENT -> current++;
                            case FAILED -> { }
                        }
                    }
                }
            }
            request = page.nextRequest(TENANT_PAGE);
        }
        RotationReport report = new RotationReport(primary, tenantCount, integrationCount, resealed, current, failures);
        LOG.info("Vault key rotation to {}: {} tenants, {} integrations, {} secrets re-sealed, {} already current, {} failed",
                primary, tenantCount, integrationCount, resealed, current, failures.size());
        return report;
    }

    private Outcome reseal(TenantId tenant, String integration, String name, SealedSecret old, List<String> failures) {
        String clear;
        try {
            clear = vault.open(tenant, integration, name, old);
        } catch (VaultException unopenable) {
            failures.add(tenant + "/" + integration + "/" + name + ": " + unopenable.getMessage());
            return Outcome.FAILED;
        }
        SealedSecret fresh = vault.seal(tenant, integration, name, clear);
        // A refresh may have stored a new token meanwhile (under the primary key): never put an older value over it.
        // The store has no compare-and-set, so this narrows the window to the time between these two calls.
        if (!old.equals(credentials.all(tenant, integration).get(name))) {
            return Outcome.CURRENT;
        }
        credentials.put(tenant, integration, name, fresh);
        return Outcome.RESEALED;
    }

    private enum Outcome {
        RESEALED, CURRENT, FAILED
    }
}
