package org.plumly.store.cassandra.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.plumly.api.Account;
import org.plumly.api.AccountId;
import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.ActivityKind;
import org.plumly.api.Contact;
import org.plumly.api.ContactId;
import org.plumly.api.Direction;
import org.plumly.api.Money;
import org.plumly.api.Opportunity;
import org.plumly.api.OpportunityId;
import org.plumly.api.OpportunityStatus;
import org.plumly.api.Participant;
import org.plumly.api.RawContent;
import org.plumly.api.ReportingLine;
import org.plumly.api.SourceRef;
import org.plumly.api.StageChange;
import org.plumly.api.TenantId;
import org.plumly.api.User;
import org.plumly.api.UserId;
import org.plumly.api.connector.StreamState;
import org.plumly.api.store.PageRequest;
import org.plumly.api.tone.SentenceTone;
import org.plumly.api.tone.ToneScores;
import org.plumly.api.tone.ToneVerdict;

import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;

/**
 * The integration "gone" is purged; "kept" wrote beside it, and took over two of its records. The
 * tenant must then hold exactly what a tenant where only "kept" wrote holds, table by table.
 */
class CassandraSourcePurgeTest {
    private static final UserId UNA = UserId.of("gone:u1");
    private static final UserId KIM = UserId.of("kept:u2");
    private static final OpportunityId DEAL = OpportunityId.of("gone:o1");
    private static final AccountId INITECH = AccountId.of("gone:a1");

    private final CassandraStores stores = TestStores.shared();
    private final TenantId acme = TestStores.newTenant();
    private final TenantId keptOnly = TestStores.newTenant();
    private final TenantId other = TestStores.newTenant();

    @Test
    void aPurgeLeavesTheTenantAsIfTheIntegrationHadNeverWrittenAndCountsWhatItDeleted() {
        writeGone(acme);
        writeKept(acme);
        writeKept(keptOnly);
        writeGone(other);
        Map<String, Set<Map<String, Object>>> before = rowsOf(acme);
        Map<String, Set<Map<String, Object>>> expected = rowsOf(keptOnly);
        Map<String, Set<Map<String, Object>>> otherBefore = rowsOf(other);
        assertThat(before.keySet().stream().filter(table -> !before.get(table).equals(expected.get(table))))
                .as("the tables the purged integration wrote to")
                .containsExactlyInAnyOrder("users", "users_by_email", "reporting_lines_by_user", "reporting_lines_by_manager",
                        "accounts", "accounts_by_domain", "contacts", "contacts_by_email", "contacts_by_account",
                        "opportunities", "open_opportunities", "opportunities_by_owner", "opportunities_by_account", "opportunity_stage_history",
                        "activities", "activities_by_opportunity", "activities_by_owner", "activity_buckets", "activity_content", "activity_tone",
                        "records_by_source", "sync_state");

        Map<String, Long> deleted = stores.sourcePurge.purge(acme, "gone");

        assertThat(deleted).isEqualTo(Map.of("user", 1L, "reporting_line", 1L, "account", 1L, "contact", 2L, "opportunity", 1L,
                "activity", 3L, "stream_state", 2L));
        assertThat(rowsOf(acme)).isEqualTo(expected);
        assertThat(stores.activities.tones(acme, List.of(ActivityId.of("gone:m1"), ActivityId.of("gone:m2"), ActivityId.of("kept:k1"))))
                .as("the purged integration's verdicts are gone with its messages").containsOnlyKeys(ActivityId.of("kept:k1"));
        assertThat(rowsOf(other)).as("another tenant's records of an integration of the same name").isEqualTo(otherBefore);
        assertThat(expected.get("contacts")).as("the comparison is not between two empty tenants").hasSize(2);
    }

    @Test
    void aSecondPurgeDeletesNothing() {
        writeGone(acme);
        writeKept(acme);
        stores.sourcePurge.purge(acme, "gone");
        Map<String, Set<Map<String, Object>>> afterFirst = rowsOf(acme);

        assertThat(stores.sourcePurge.purge(acme, "gone")).isEmpty();
        assertThat(rowsOf(acme)).isEqualTo(afterFirst);
    }

    @Test
    void aMonthOfATimeLineThatThePurgeEmptiedShowsWhatIsWrittenIntoItLater() {
        writeGone(acme);
        stores.sourcePurge.purge(acme, "gone");
        assertThat(stores.activities.timeline(acme, DEAL, PageRequest.first(10)).items()).isEmpty();

        Activity later = activity(acme, "kept", "k9", "2026-10-20T10:00:00Z", KIM, DEAL);
        stores.activities.put(later);

        assertThat(stores.activities.timeline(acme, DEAL, PageRequest.first(10)).items()).containsExactly(later);
    }

    /** Everything "gone" brings in: one record of each kind, a contact that changed address, two it shares with "kept". */
    private void writeGone(TenantId tenant) {
        stores.directory.putUser(new User(tenant, UNA, "Una Gone", "una@gone.example", true, source("gone", "users", "u1")));
        stores.directory.putReportingLine(new ReportingLine(tenant, UNA, UserId.of("gone:m1"), LocalDate.parse("2026-01-01"), null,
                source("gone", "users", "u1-manager")));
        stores.directory.putAccount(new Account(tenant, INITECH, "Initech", Set.of("initech.example"), UNA, source("gone", "accounts", "a1")));
        stores.directory.putContact(new Contact(tenant, ContactId.of("gone:c1"), INITECH, "Cy One", List.of("cy@initech.example"), "+1 555 0101",
                null, source("gone", "contacts", "c1")));
        stores.directory.putContact(new Contact(tenant, ContactId.of("gone:c2"), INITECH, "Cleo Two", List.of("cleo@old.example"), null, null,
                source("gone", "contacts", "c2")));
        stores.directory.putContact(new Contact(tenant, ContactId.of("gone:c2"), INITECH, "Cleo Two", List.of("cleo@initech.example"), null, null,
                source("gone", "contacts", "c2")));
        stores.directory.putContact(new Contact(tenant, ContactId.of("shared:c3"), INITECH, "Cam Three", List.of("cam@initech.example"), null, null,
                source("gone", "contacts", "c3")));
        Instant created = Instant.parse("2026-09-01T09:00:00Z");
        stores.opportunities.put(new Opportunity(tenant, DEAL, INITECH, "Initech renewal", UNA, "Proposal", OpportunityStatus.OPEN,
                Money.of("12000", "EUR"), LocalDate.parse("2026-12-15"), created,
                List.of(new StageChange("Prospect", created, null), new StageChange("Proposal", created.plusSeconds(86_400), null)),
                source("gone", "opportunities", "o1")));
        stores.activities.putAll(List.of(
                activity(tenant, "gone", "m1", "2026-10-05T10:00:00Z", UNA, DEAL),
                activity(tenant, "gone", "m2", "2026-11-05T10:00:00Z", UNA, DEAL),
                activity(tenant, "gone", "m3", "2026-11-06T10:00:00Z", UNA, null),
                activity(tenant, "gone", "shared:a9", "2026-10-07T10:00:00Z", UNA, DEAL)));
        stores.activities.putContent(tenant, ActivityId.of("gone:m1"), content("Subject: renewal"));
        stores.activities.putTone(tenant, ActivityId.of("gone:m1"), tone("The renewal is off."), Instant.parse("2026-11-20T10:00:00Z"));
        stores.activities.putTone(tenant, ActivityId.of("gone:m2"), tone("Still thinking."), Instant.parse("2026-11-20T10:00:00Z"));
        stores.integrations.saveState(tenant, "gone", StreamState.initial("emails").with("uid", "4"));
        stores.integrations.saveState(tenant, "gone", StreamState.initial("contacts").with("page", "2"));
    }

    /** What "kept" brings in; it takes over a contact and an activity of "gone", and writes on gone's deal's time line. */
    private void writeKept(TenantId tenant) {
        stores.directory.putUser(new User(tenant, KIM, "Kim Kept", "kim@acme.example", true, source("kept", "users", "u2")));
        stores.directory.putContact(new Contact(tenant, ContactId.of("shared:c3"), null, "Cam Three", List.of("cam@elsewhere.example"), null,
                "CTO", source("kept", "contacts", "c3")));
        stores.directory.putContact(new Contact(tenant, ContactId.of("kept:c4"), null, "Dee Four", List.of("dee@elsewhere.example"), null,
                null, source("kept", "contacts", "c4")));
        stores.opportunities.put(new Opportunity(tenant, OpportunityId.of("kept:o2"), null, "Kept deal", KIM, "Won", OpportunityStatus.WON,
                null, null, Instant.parse("2026-09-02T09:00:00Z"), List.of(), source("kept", "opportunities", "o2")));
        stores.activities.putAll(List.of(
                activity(tenant, "kept", "k1", "2026-11-05T11:00:00Z", KIM, DEAL),
                activity(tenant, "kept", "shared:a9", "2026-11-07T10:00:00Z", KIM, null)));
        stores.activities.putContent(tenant, ActivityId.of("kept:k1"), content("Subject: kept"));
        stores.activities.putTone(tenant, ActivityId.of("kept:k1"), tone("Looks good."), Instant.parse("2026-11-20T10:00:00Z"));
        stores.integrations.saveState(tenant, "kept", StreamState.initial("emails").with("uid", "9"));
    }

    /** An activity of an integration; an id with a colon is used as it is, to share it between integrations. */
    private static Activity activity(TenantId tenant, String integration, String id, String at, UserId owner, OpportunityId opportunity) {
        SourceRef source = source(integration, "emails", id);
        return new Activity(tenant, ActivityId.of(id.contains(":") ? id : source.entityId()), ActivityKind.EMAIL, Direction.INBOUND,
                Instant.parse(at), null, "About " + id, List.of(new Participant("cy@initech.example", "Cy One", Participant.Role.FROM, null)),
                owner, opportunity, null, false, source);
    }

    private static SourceRef source(String integration, String stream, String id) {
        return new SourceRef(integration, stream, id);
    }

    private static ToneVerdict tone(String sentence) {
        ToneScores scores = new ToneScores(0.2, 0.3, 0.5);
        return new ToneVerdict(scores, List.of(new SentenceTone(sentence, 0, sentence.length(), scores)), "tone-test 1");
    }

    private static RawContent content(String text) {
        return new RawContent("message/rfc822", text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Every row of the tenant in every table of the keyspace, by table, without the tenant column (to
     * compare two tenants) and without the time a stream state was saved.
     */
    private Map<String, Set<Map<String, Object>>> rowsOf(TenantId tenant) {
        Map<String, Set<Map<String, Object>>> rows = new TreeMap<>();
        for (TableMetadata table : stores.session().getMetadata().getKeyspace("plumly_test").orElseThrow().getTables().values()) {
            if (table.getColumn("tenant").isEmpty() || table.getName().asInternal().equals("tenants")) {
                continue;
            }
            Set<Map<String, Object>> ofTenant = new HashSet<>();
            for (Row row : stores.session().execute("SELECT * FROM plumly_test." + table.getName().asCql(true))) {
                if (tenant.value().equals(row.getString("tenant"))) {
                    Map<String, Object> values = new HashMap<>();
                    for (ColumnDefinition column : row.getColumnDefinitions()) {
                        String name = column.getName().asInternal();
                        if (!name.equals("tenant") && !name.equals("saved_at")) {
                            values.put(name, row.getObject(name));
                        }
                    }
                    ofTenant.add(values);
                }
            }
            rows.put(table.getName().asInternal(), ofTenant);
        }
        return rows;
    }
}
