package org.plumly.store.cassandra.internal;

import java.util.Optional;

import org.plumly.api.SyncRun;
import org.plumly.api.TenantId;
import org.plumly.api.store.Page;
import org.plumly.api.store.PageRequest;
import org.plumly.api.store.SyncRunStore;

import com.datastax.oss.driver.api.core.cql.Row;

/** Each integration's runs in one partition, newest first: run ids sort by start time. */
final class CassandraSyncRunStore implements SyncRunStore {
    private static final String COLUMNS = "run_id, trigger, status, node, started_at, finished_at, streams, errors, rejections";

    private final Cql cql;
    private final Json json;

    CassandraSyncRunStore(Cql cql, Json json) {
        this.cql = cql;
        this.json = json;
    }

    @Override
    public void put(SyncRun run) {
        cql.execute(cql.bind("INSERT INTO sync_runs (tenant, integration_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                run.tenant().value(), run.integration(), run.id(), run.trigger().name(), run.status().name(), run.node(),
                run.startedAt(), run.finishedAt(), json.write(run.streams()), json.write(run.errors()), json.write(run.rejections())));
    }

    @Override
    public Optional<SyncRun> find(TenantId tenant, String integration, String runId) {
        return Optional.ofNullable(cql.one(cql.bind("SELECT " + COLUMNS + " FROM sync_runs WHERE tenant = ? AND integration_id = ? AND run_id = ?",
                tenant.value(), integration, runId))).map(row -> toRun(tenant, integration, row));
    }

    @Override
    public Page<SyncRun> list(TenantId tenant, String integration, PageRequest request) {
        return cql.page(cql.bind("SELECT " + COLUMNS + " FROM sync_runs WHERE tenant = ? AND integration_id = ?", tenant.value(), integration),
                request, "sync-runs", tenant, integration, row -> toRun(tenant, integration, row));
    }

    private SyncRun toRun(TenantId tenant, String integration, Row row) {
        return new SyncRun(tenant, integration, row.getString("run_id"), SyncRun.Trigger.valueOf(row.getString("trigger")),
                SyncRun.Status.valueOf(row.getString("status")), row.getString("node"), row.getInstant("started_at"),
                row.getInstant("finished_at"), json.readMap(row.getString("streams"), SyncRun.StreamCounts.class),
                json.readList(row.getString("errors"), String.class), json.readList(row.getString("rejections"), SyncRun.Rejection.class));
    }
}
