package org.plumly.core.internal.shell;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.plumly.api.AuditEntry;
import org.plumly.api.TenantId;
import org.plumly.api.store.ActivityStore;
import org.plumly.api.store.AuditLog;
import org.plumly.api.store.DirectoryStore;
import org.plumly.api.store.TenantStore;
import org.plumly.core.internal.tone.ToneBacklog;
import org.plumly.core.internal.tone.ToneOutcome;
import org.plumly.core.internal.tone.TonePipeline;

/**
 * {@code plumly:tone-backlog <tenant> [--since DATE]}: classifies the tenant's stored customer e-mails
 * that have no tone verdict yet, such as mail synced before a tone classifier was installed.
 */
@Service
@Command(scope = "plumly", name = "tone-backlog", description = "Classifies the tone of a tenant's stored customer e-mails that have none yet")
public final class ToneBacklogCommand implements Action {
    @Argument(index = 0, name = "tenant", required = true, description = "The tenant id")
    String tenant;

    @Option(name = "--since", description = "Only e-mails sent on or after this day (2026-10-01, UTC) or instant (2026-10-01T08:00:00Z)")
    String since;

    @Reference
    TenantStore tenants;

    @Reference
    DirectoryStore directory;

    @Reference
    ActivityStore activities;

    @Reference
    TonePipeline tone;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() {
        TenantId tenantId = TenantId.of(tenant);
        if (tenants.find(tenantId).isEmpty()) {
            System.err.println("There is no tenant " + tenant + ".");
            return null;
        }
        Instant from;
        try {
            from = since();
        } catch (DateTimeParseException e) {
            System.err.println("--since takes a day (2026-10-01) or an instant (2026-10-01T08:00:00Z), not " + since + ".");
            return null;
        }
        ToneBacklog.Report report = new ToneBacklog(directory, activities, tone).classify(tenantId, from);
        ToneOutcome outcome = report.outcome();
        audit.append(new AuditEntry(tenantId, Instant.now(), "operator:shell", "tone.backlog", "tenant:" + tenant,
                (from == null ? "" : "since " + from + ": ") + outcome.summary()));
        System.out.println("Owners' time lines read:  " + report.owners());
        System.out.println("Customer e-mails found:   " + report.customerMail() + (from == null ? "" : " (sent since " + from + ")"));
        System.out.println("Classified before:        " + report.hadVerdict());
        System.out.println("Classified now:           " + outcome.classified());
        System.out.println("Failed:                   " + outcome.failed());
        System.out.println("Not classified:           " + outcome.notClassified()
                + (outcome.notClassifiedBecause().isEmpty() ? "" : " (" + String.join("; ", outcome.notClassifiedBecause()) + ")"));
        outcome.failures().forEach(failure -> System.out.println("  " + failure));
        System.out.println("Customer e-mails sent to none of the tenant's users have no owner's time line and were not read.");
        return null;
    }

    private Instant since() {
        if (since == null) {
            return null;
        }
        return since.contains("T") ? Instant.parse(since) : LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
