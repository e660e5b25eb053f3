package org.plumly.core.internal.integrations;

import java.time.Clock;
import org.plumly.api.AuditEntry;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.store.AuditLog;
import org.plumly.core.internal.egress.GuardedEgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A refused outbound call goes to the log and to the tenant's audit log, with the host it tried. */
record EgressAudit(AuditLog audit, Clock clock) implements GuardedEgress.Refusals {
    private static final Logger LOG = LoggerFactory.getLogger(EgressAudit.class);

    @Override
    public void refused(ConnectorSpec spec, ConnectorConfig config, String host) {
        LOG.warn("Refused egress of connector {} (integration {}/{}) to host {}", spec.type(), config.tenant().value(),
                config.integration(), host);
        try {
            audit.append(new AuditEntry(config.tenant(), clock.instant(), "connector:" + spec.type(), "egress.refused",
                    "integration:" + config.integration(), "host " + host));
        } catch (RuntimeException e) {
            LOG.warn("Could not audit the refused egress of {}: {}", config.integration(), e.getMessage());
        }
    }
}
