package org.plumly.store.cassandra.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plumly.store.cassandra.internal.Records.DANA;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.plumly.api.AuditEntry;
import org.plumly.api.Evidence;
import org.plumly.api.Insight;
import org.plumly.api.InsightId;
import org.plumly.api.InsightStatus;
import org.plumly.api.Integration;
import org.plumly.api.OpportunityId;
import org.plumly.api.Severity;
import org.plumly.api.Tenant;
import org.plumly.api.TenantId;
import org.plumly.api.connector.StreamState;
import org.plumly.api.store.PageRequest;

import com.datastax.oss.driver.api.core.cql.SimpleStatement;

/** Insights, integrations and their cursors, the audit log and the tenant registry. */
class CassandraRecordStoresTest {
    private final CassandraStores stores = TestStores.shared();
    private final TenantId tenant = TestStores.newTenant();
    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void anInsightLeavesTheOpenListWhenResolvedButStaysWithItsOpportunity() {
        OpportunityId renewal = OpportunityId.of("crm:renewal");
        Insight open = new Insight(tenant, InsightId.of("gap-1"), "follow-up-gap", renewal, DANA, Severity.HIGH, InsightStatus.OPEN,
                "Met Globex on 3 Nov; no next meeting booked.",
                List.of(new Evidence(Evidence.Kind.ACTIVITY, "mail:m1", "Let's talk next week.")), now, now);
        stores.insights.put(open);
        assertThat(stores.insights.open(tenant, PageRequest.first(5)).items()).containsExactly(open);

        Insight resolved = new Insight(tenant, open.id(), open.type(), renewal, DANA, Severity.HIGH, InsightStatus.RESOLVED,
                open.explanation(), open.evidence(), now, now.plusSeconds(60));
        stores.insights.put(resolved);

        assertThat(stores.insights.open(tenant, PageRequest.first(5)).items()).isEmpty();
        assertThat(stores.insights.ofOpportunity(tenant, renewal)).containsExactly(resolved);
    }

    @Test
    void theLastSavedStateOfEachStreamIsWhereSyncResumes() {
        Integration mail = Integration.created(tenant, "mail", "imap", Map.of("host", "imap.acme.example"), Duration.ofMinutes(15),
                "user:admin-1", now).authorized("user:admin-2", now.plusSeconds(60));
        stores.integrations.put(mail);
        stores.integrations.saveState(tenant, "mail", StreamState.initial("inbox").with("uid", "10"));
        stores.integrations.saveState(tenant, "mail", StreamState.initial("inbox").with("uid", "20").with("uidvalidity", "7"));
        stores.integrations.saveState(tenant, "mail", StreamState.initial("sent").with("uid", "3"));

        assertThat(stores.integrations.list(tenant)).containsExactly(mail);
        assertThat(stores.integrations.states(tenant, "mail")).containsOnlyKeys("inbox", "sent");
        assertThat(stores.integrations.states(tenant, "mail").get("inbox").cursor()).isEqualTo(Map.of("uid", "20", "uidvalidity", "7"));
    }

    @Test
    void anIntegrationKeepsItsLifecycleFromCreationThroughAuthorizationToPause() {
        Integration created = Integration.created(tenant, "crm", "hubspot", Map.of(), Duration.ofHours(1), "user:admin-1", now);
        stores.integrations.put(created);
        assertThat(stores.integrations.find(tenant, "crm")).contains(created);
        assertThat(created.authorizedBy()).isNull();

        Integration paused = created.authorized("user:admin-2", now.plusSeconds(30)).withStatus(Integration.Status.PAUSED);
        stores.integrations.put(paused);

        assertThat(stores.integrations.find(tenant, "crm")).contains(paused);
        assertThat(stores.integrations.find(tenant, "crm").orElseThrow().syncInterval()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anIntegrationStoredBeforeItHadACreatorReadsAsCreatedByItsAuthorizer() {
        stores.session().execute(SimpleStatement.newInstance("INSERT INTO integrations (tenant, integration_id, connector_type, settings, status,"
                + " authorized_by, authorized_at) VALUES (?, 'mail', 'imap', {}, 'ACTIVE', 'admin', ?)", tenant.value(), now));

        Integration legacy = stores.integrations.find(tenant, "mail").orElseThrow();

        assertThat(legacy.createdBy()).isEqualTo("admin");
        assertThat(legacy.createdAt()).isEqualTo(now);
        assertThat(legacy.active()).isTrue();
        assertThat(legacy.syncInterval()).isGreaterThanOrEqualTo(Integration.MIN_SYNC_INTERVAL);
    }

    @Test
    void resettingAStreamForgetsOnlyThatStream() {
        stores.integrations.saveState(tenant, "mail", StreamState.initial("inbox").with("uid", "10"));
        stores.integrations.saveState(tenant, "mail", StreamState.initial("sent").with("uid", "3"));
        stores.integrations.saveState(tenant, "other", StreamState.initial("inbox").with("uid", "99"));

        stores.integrations.resetState(tenant, "mail", "inbox");

        assertThat(stores.integrations.states(tenant, "mail")).containsOnlyKeys("sent");
        assertThat(stores.integrations.states(tenant, "other")).containsOnlyKeys("inbox");
    }

    @Test
    void theAuditLogKeepsEveryEntryNewestFirst() {
        for (int i = 0; i < 3; i++) {
            stores.audit.append(new AuditEntry(tenant, now.plusSeconds(i), "user:admin", "integration.authorize", "integration:mail", ""));
        }
        stores.audit.append(new AuditEntry(tenant, now.plusSeconds(3), "user:admin", "integration.revoke", "integration:mail", "by request"));

        assertThat(CassandraActivityStoreTest.readAll(request -> stores.audit.entries(tenant, LocalDate.parse("2026-11-25"), request), 3))
                .extracting(AuditEntry::action)
                .containsExactly("integration.revoke", "integration.authorize", "integration.authorize", "integration.authorize");
    }

    @Test
    void tenantsAreRegisteredAndListed() {
        Tenant acme = new Tenant(tenant, "Acme Corp", now);
        stores.tenants.put(acme);

        assertThat(stores.tenants.find(tenant)).contains(acme);
        assertThat(CassandraActivityStoreTest.readAll(request -> stores.tenants.list(request), 100)).contains(acme);
    }
}
