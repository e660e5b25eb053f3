package org.plumly.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.plumly.core.internal.oauth.AuthorizationFlow;
import org.plumly.core.internal.vault.KeyRotation;
import org.plumly.core.internal.vault.RotationReport;
import org.plumly.core.internal.vault.VaultException;

/**
 * {@code plumly:vault-rotate}: re-seals every stored secret under the vault's primary key and says whether
 * the old keys may leave {@code etc/org.plumly.vault.cfg}. Prints key ids and counts, never a key or a secret.
 */
@Service
@Command(scope = "plumly", name = "vault-rotate",
        description = "Re-seals every stored secret under the vault's primary key; safe to run again")
public final class VaultRotateCommand implements Action {
    @Reference
    KeyRotation rotation;

    @Override
    public Object execute() {
        RotationReport report;
        try {
            report = rotation.rotate();
        } catch (VaultException noPrimary) {
            System.err.println("No rotation: " + noPrimary.getMessage());
            return null;
        }
        System.out.println("Primary key:     " + report.primary());
        System.out.println("Tenants:         " + report.tenants());
        System.out.println("Integrations:    " + report.integrations());
        System.out.println("Re-sealed:       " + report.resealed());
        System.out.println("Already current: " + report.current());
        System.out.println("Failures:        " + report.failures().size());
        report.failures().forEach(failure -> System.out.println("  " + failure));
        if (report.complete()) {
            // Authorizations in progress keep a PKCE verifier sealed under the key of their start; they are not re-sealed.
            System.out.println("Every stored secret is sealed under " + report.primary() + ": the old keys can be removed from"
                    + " etc/org.plumly.vault.cfg once authorizations started before the primary changed have expired ("
                    + AuthorizationFlow.PENDING_TTL.toMinutes() + " minutes).");
        } else {
            System.out.println("Keep the old keys: " + report.failures().size() + " secret(s) above are not sealed under "
                    + report.primary() + ". Add back the key that sealed them or authorize those integrations again,"
                    + " then run plumly:vault-rotate again.");
        }
        return null;
    }
}
