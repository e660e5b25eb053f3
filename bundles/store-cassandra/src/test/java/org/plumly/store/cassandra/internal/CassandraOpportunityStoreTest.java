package org.plumly.store.cassandra.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plumly.store.cassandra.internal.Records.DANA;
import static org.plumly.store.cassandra.internal.Records.GLOBEX;
import static org.plumly.store.cassandra.internal.Records.opportunity;

import org.junit.jupiter.api.Test;
import org.plumly.api.Opportunity;
import org.plumly.api.OpportunityStatus;
import org.plumly.api.StageChange;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.store.OpportunityStore;
import org.plumly.api.store.PageRequest;

class CassandraOpportunityStoreTest {
    private final OpportunityStore store = TestStores.shared().opportunities;
    private final TenantId tenant = TestStores.newTenant();

    @Test
    void anOpportunityReadsBackWithItsStageHistory() {
        Opportunity renewal = opportunity(tenant, "renewal", DANA, OpportunityStatus.OPEN, "Qualification", "Proposal");

        store.put(renewal);

        assertThat(store.find(tenant, renewal.id())).contains(renewal);
    }

    @Test
    void stageHistoryIsKeptWhenALaterSyncSeesLessOfIt() {
        Opportunity full = opportunity(tenant, "renewal", DANA, OpportunityStatus.OPEN, "Qualification", "Proposal", "Negotiation");
        store.put(full);
        Opportunity latestOnly = new Opportunity(tenant, full.id(), full.account(), full.name(), full.owner(), "Negotiation", OpportunityStatus.OPEN,
                full.amount(), full.closeDate(), full.createdAt(), full.stageHistory().subList(2, 3), full.source());

        store.put(latestOnly);

        assertThat(store.find(tenant, full.id()).orElseThrow().stageHistory()).extracting(StageChange::stage)
                .containsExactly("Qualification", "Proposal", "Negotiation");
    }

    @Test
    void listsFollowStatusOwnerAndAccount() {
        Opportunity a = opportunity(tenant, "a", DANA, OpportunityStatus.OPEN, "Proposal");
        Opportunity b = opportunity(tenant, "b", DANA, OpportunityStatus.OPEN, "Proposal");
        Opportunity c = opportunity(tenant, "c", DANA, OpportunityStatus.OPEN, "Proposal");
        store.put(a);
        store.put(b);
        store.put(c);
        Opportunity bWon = opportunity(tenant, "b", DANA, OpportunityStatus.WON, "Proposal", "Closed Won");
        Opportunity cToSam = opportunity(tenant, "c", UserId.of("crm:sam"), OpportunityStatus.OPEN, "Proposal");
        store.put(bWon);
        store.put(cToSam);

        assertThat(CassandraActivityStoreTest.readAll(request -> store.open(tenant, request), 1)).containsExactlyInAnyOrder(a, cToSam);
        assertThat(CassandraActivityStoreTest.readAll(request -> store.byOwner(tenant, DANA, request), 1)).containsExactlyInAnyOrder(a, bWon);
        assertThat(store.byOwner(tenant, UserId.of("crm:sam"), PageRequest.first(10)).items()).containsExactly(cToSam);
        assertThat(store.byAccount(tenant, GLOBEX, PageRequest.first(10)).items()).containsExactlyInAnyOrder(a, bWon, cToSam);
    }
}
