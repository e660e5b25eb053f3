package org.plumly.store.cassandra.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.plumly.store.cassandra.internal.Records.DANA;
import static org.plumly.store.cassandra.internal.Records.GLOBEX;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.plumly.api.Account;
import org.plumly.api.Activity;
import org.plumly.api.AuditEntry;
import org.plumly.api.Contact;
import org.plumly.api.ContactId;
import org.plumly.api.Evidence;
import org.plumly.api.Insight;
import org.plumly.api.InsightId;
import org.plumly.api.InsightStatus;
import org.plumly.api.Integration;
import org.plumly.api.Opportunity;
import org.plumly.api.OpportunityStatus;
import org.plumly.api.RawContent;
import org.plumly.api.ReportingLine;
import org.plumly.api.Severity;
import org.plumly.api.SyncRun;
import org.plumly.api.TenantId;
import org.plumly.api.User;
import org.plumly.api.UserId;
import org.plumly.api.connector.StreamState;
import org.plumly.api.store.InvalidCursorException;
import org.plumly.api.store.Lease;
import org.plumly.api.store.Page;
import org.plumly.api.store.PageRequest;
import org.plumly.api.store.PendingAuthorization;
import org.plumly.api.store.SealedSecret;
import org.plumly.api.tone.SentenceTone;
import org.plumly.api.tone.ToneScores;
import org.plumly.api.tone.ToneVerdict;

/** A second tenant asks for everything the first one stored, by its exact ids, and gets nothing. */
class TenantIsolationTest {
    private final CassandraStores stores = TestStores.shared();
    private final TenantId acme = TestStores.newTenant();
    private final TenantId intruder = TestStores.newTenant();
    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void anotherTenantFindsNothingOfOnesDataEvenWithItsIds() {
        Opportunity renewal = Records.opportunity(acme, "renewal", DANA, OpportunityStatus.OPEN, "Proposal");
        Activity mail = Records.mail(acme, "secret", "2026-11-03T14:00:00Z", renewal.id());
        Contact lee = new Contact(acme, ContactId.of("crm:lee"), GLOBEX, "Lee Park", List.of("lee@globex.example"), null, null, null);
        Insight gap = new Insight(acme, InsightId.of("gap-1"), "follow-up-gap", renewal.id(), DANA, Severity.HIGH, InsightStatus.OPEN,
                "No next meeting.", List.of(new Evidence(Evidence.Kind.ACTIVITY, mail.id().value(), null)), now, now);
        stores.directory.putUser(new User(acme, DANA, "Dana Reyes", "dana@acme.example", true, null));
        stores.directory.putReportingLine(new ReportingLine(acme, DANA, UserId.of("crm:sam"), LocalDate.parse("2026-01-01"), null, null));
        stores.directory.putAccount(new Account(acme, GLOBEX, "Globex", Set.of("globex.example"), DANA, null));
        stores.directory.putContact(lee);
        stores.opportunities.put(renewal);
        stores.activities.put(mail);
        stores.activities.putContent(acme, mail.id(), new RawContent("message/rfc822", "Subject: secret".getBytes()));
        stores.activities.putTone(acme, mail.id(), new ToneVerdict(new ToneScores(0.1, 0.1, 0.8),
                List.of(new SentenceTone("A secret sentence.", 0, 18, new ToneScores(0.1, 0.1, 0.8))), "tone-test 1"), now);
        stores.insights.put(gap);
        stores.integrations.put(Integration.created(acme, "mail", "imap", Map.of("host", "imap.acme.example"), Duration.ofMinutes(15), "admin", now)
                .authorized("admin", now));
        stores.integrations.saveState(acme, "mail", StreamState.initial("emails").with("uid", "42"));
        stores.audit.append(new AuditEntry(acme, now, "user:admin", "integration.authorize", "integration:mail", ""));

        assertThat(stores.directory.findUser(intruder, DANA)).isEmpty();
        assertThat(stores.directory.findUserByEmail(intruder, "dana@acme.example")).isEmpty();
        assertThat(stores.directory.users(intruder, PageRequest.first(10)).items()).isEmpty();
        assertThat(stores.directory.managersOf(intruder, DANA)).isEmpty();
        assertThat(stores.directory.reportsOf(intruder, UserId.of("crm:sam"), LocalDate.parse("2026-11-25"))).isEmpty();
        assertThat(stores.directory.findAccount(intruder, GLOBEX)).isEmpty();
        assertThat(stores.directory.accountsByDomain(intruder, "globex.example")).isEmpty();
        assertThat(stores.directory.findContact(intruder, lee.id())).isEmpty();
        assertThat(stores.directory.contactsByEmail(intruder, "lee@globex.example")).isEmpty();
        assertThat(stores.directory.contactsOf(intruder, GLOBEX, PageRequest.first(10)).items()).isEmpty();
        assertThat(stores.opportunities.find(intruder, renewal.id())).isEmpty();
        assertThat(stores.opportunities.open(intruder, PageRequest.first(10)).items()).isEmpty();
        assertThat(stores.opportunities.byOwner(intruder, DANA, PageRequest.first(10)).items()).isEmpty();
        assertThat(stores.opportunities.byAccount(intruder, GLOBEX, PageRequest.first(10)).items()).isEmpty();
        assertThat(stores.activities.find(intruder, mail.id())).isEmpty();
        assertThat(stores.activities.timeline(intruder, renewal.id(), PageRequest.first(10)).items()).isEmpty();
        assertThat(stores.activities.byOwner(intruder, DANA, PageRequest.first(10)).items()).isEmpty();
        assertThat(stores.activities.content(intruder, mail.id())).isEmpty();
        assertThat(stores.activities.tones(intruder, List.of(mail.id()))).isEmpty();
        assertThat(stores.insights.find(intruder, gap.id())).isEmpty();
        assertThat(stores.insights.ofOpportunity(intruder, renewal.id())).isEmpty();
        assertThat(stores.insights.open(intruder, PageRequest.first(10)).items()).isEmpty();
        assertThat(stores.integrations.find(intruder, "mail")).isEmpty();
        assertThat(stores.integrations.list(intruder)).isEmpty();
        assertThat(stores.integrations.states(intruder, "mail")).isEmpty();
        assertThat(stores.audit.entries(intruder, LocalDate.ofInstant(now, ZoneOffset.UTC), PageRequest.first(10)).items()).isEmpty();

        // and the owner does see all of it, so the empty answers above are not an accident
        assertThat(stores.activities.timeline(acme, renewal.id(), PageRequest.first(10)).items()).containsExactly(mail);
        assertThat(stores.activities.tones(acme, List.of(mail.id()))).containsOnlyKeys(mail.id());
        assertThat(stores.insights.open(acme, PageRequest.first(10)).items()).containsExactly(gap);
        assertThat(stores.integrations.states(acme, "mail").get("emails").find("uid")).contains("42");
        assertThat(stores.audit.entries(acme, LocalDate.ofInstant(now, ZoneOffset.UTC), PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void anotherTenantCannotReadTakeRenewReleaseOrPurgeOnesConnectorState() {
        SyncRun run = SyncRun.started(acme, "mail", "20261125T100000.000Z-1", SyncRun.Trigger.MANUAL, "node-1", now);
        stores.syncRuns.put(run);
        Lease lease = stores.leases.acquire(acme, "sync:mail", "node-1/a", Duration.ofMinutes(5)).orElseThrow();
        stores.credentials.put(acme, "mail", "password", new SealedSecret("k1", new byte[] {1, 2, 3}));
        PendingAuthorization pending = CassandraCredentialStoreTest.pending(acme, "s1", now.plus(Duration.ofDays(3650)));
        stores.credentials.putPending(pending, Duration.ofMinutes(10));
        Activity mail = Records.mail(acme, "secret", "2026-11-03T14:00:00Z", null);
        stores.activities.put(mail);
        stores.integrations.saveState(acme, "mail", StreamState.initial("emails").with("uid", "42"));

        assertThat(stores.syncRuns.find(intruder, "mail", run.id())).isEmpty();
        assertThat(stores.syncRuns.list(intruder, "mail", PageRequest.first(10)).items()).isEmpty();
        assertThat(stores.leases.find(intruder, "sync:mail")).isEmpty();
        assertThat(stores.credentials.all(intruder, "mail")).isEmpty();
        assertThat(stores.credentials.takePending(intruder, pending.state())).isEmpty();
        // the intruder's lease of the same name is its own; it does not touch the owner's
        Lease intruders = stores.leases.acquire(intruder, "sync:mail", "node-9/x", Duration.ofMinutes(5)).orElseThrow();
        stores.leases.release(new Lease(intruder, "sync:mail", "node-1/a", lease.expiresAt()));
        stores.leases.release(intruders);
        stores.credentials.deleteAll(intruder, "mail");
        stores.integrations.resetState(intruder, "mail", "emails");
        assertThat(stores.sourcePurge.purge(intruder, "mail")).isEmpty();

        // and all of it is still the owner's
        assertThat(stores.syncRuns.list(acme, "mail", PageRequest.first(10)).items()).containsExactly(run);
        assertThat(stores.leases.find(acme, "sync:mail")).contains(lease);
        assertThat(stores.leases.renew(lease, Duration.ofMinutes(5))).isPresent();
        assertThat(stores.credentials.all(acme, "mail")).containsOnlyKeys("password");
        assertThat(stores.activities.find(acme, mail.id())).contains(mail);
        assertThat(stores.integrations.states(acme, "mail")).containsOnlyKeys("emails");
        assertThat(stores.credentials.takePending(acme, pending.state())).contains(pending);
    }

    @Test
    void aCursorOfOneTenantCannotPageAnothersList() {
        Opportunity a = Records.opportunity(acme, "a", DANA, OpportunityStatus.OPEN, "Proposal");
        Opportunity b = Records.opportunity(acme, "b", DANA, OpportunityStatus.OPEN, "Proposal");
        stores.opportunities.put(a);
        stores.opportunities.put(b);
        Page<Opportunity> first = stores.opportunities.open(acme, PageRequest.first(1));

        assertThat(first.hasNext()).isTrue();
        assertThatThrownBy(() -> stores.opportunities.open(intruder, first.nextRequest(1))).isInstanceOf(InvalidCursorException.class);
    }
}
