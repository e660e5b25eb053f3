package org.plumly.store.cassandra.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.plumly.api.SyncRun;
import org.plumly.api.TenantId;
import org.plumly.api.store.PageRequest;
import org.plumly.api.store.SyncRunStore;

class CassandraSyncRunStoreTest {
    private final SyncRunStore runs = TestStores.shared().syncRuns;
    private final TenantId tenant = TestStores.newTenant();
    private final Instant now = Instant.parse("2026-11-25T14:03:12.123Z");

    @Test
    void runsArePagedNewestFirst() {
        List<SyncRun> started = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Instant at = now.plusSeconds(900L * i);
            started.add(SyncRun.started(tenant, "mail", runId(at), SyncRun.Trigger.SCHEDULE, "node-1", at));
        }
        // stored out of order: the order comes from the ids, not from when they were written
        List.of(3, 0, 6, 1, 5, 2, 4).forEach(i -> runs.put(started.get(i)));
        runs.put(SyncRun.started(tenant, "crm", runId(now), SyncRun.Trigger.MANUAL, "node-1", now));

        List<SyncRun> newestFirst = new ArrayList<>(started);
        Collections.reverse(newestFirst);
        for (int size : new int[] {1, 3, 7, 20}) {
            assertThat(CassandraActivityStoreTest.readAll(request -> runs.list(tenant, "mail", request), size))
                    .as("page size %d", size).containsExactlyElementsOf(newestFirst);
        }
    }

    @Test
    void aRunIsUpdatedInPlaceAsItProgressesAndEnds() {
        SyncRun running = SyncRun.started(tenant, "mail", runId(now), SyncRun.Trigger.MANUAL, "node-1", now);
        runs.put(running);
        SyncRun finished = new SyncRun(tenant, "mail", running.id(), SyncRun.Trigger.MANUAL, SyncRun.Status.FAILED, "node-1", now,
                now.plusSeconds(42), Map.of("emails", new SyncRun.StreamCounts(120, 118, 2, 0), "calendar", new SyncRun.StreamCounts(5, 5, 0, 0)),
                List.of("calendar: 503 after 3 retries"), List.of(new SyncRun.Rejection("emails", "uid 17", "no Date header")));

        runs.put(finished);

        assertThat(runs.find(tenant, "mail", running.id())).contains(finished);
        assertThat(runs.list(tenant, "mail", PageRequest.first(10)).items()).containsExactly(finished);
        assertThat(runs.find(tenant, "mail", running.id()).orElseThrow().total()).isEqualTo(new SyncRun.StreamCounts(125, 123, 2, 0));
    }

    @Test
    void aRunIsFoundOnlyUnderItsOwnIntegration() {
        SyncRun run = SyncRun.started(tenant, "mail", runId(now), SyncRun.Trigger.SCHEDULE, "node-1", now);
        runs.put(run);

        assertThat(runs.find(tenant, "crm", run.id())).isEmpty();
        assertThat(runs.list(tenant, "crm", PageRequest.first(10)).items()).isEmpty();
    }

    /** The sync engine's shape of run id: the start time, sortable, then a random suffix. */
    static String runId(Instant startedAt) {
        return startedAt.toString().replace("-", "").replace(":", "") + "-" + Integer.toHexString(startedAt.getNano() + 4096);
    }
}
