package org.plumly.store.cassandra.internal;

import java.util.List;
import java.util.Optional;

import org.plumly.api.Evidence;
import org.plumly.api.Insight;
import org.plumly.api.InsightId;
import org.plumly.api.InsightStatus;
import org.plumly.api.OpportunityId;
import org.plumly.api.Severity;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.store.InsightStore;
import org.plumly.api.store.Page;
import org.plumly.api.store.PageRequest;

import com.datastax.oss.driver.api.core.cql.Row;

/** Insights by id, by opportunity, and the tenant's open ones. */
final class CassandraInsightStore implements InsightStore {
    private static final String COLUMNS = "type, opportunity_id, owner_id, severity, status, explanation, evidence, raised_at, updated_at";

    private static final String SELECT = "SELECT insight_id, " + COLUMNS + " FROM insights WHERE tenant = ? AND insight_id = ?";

    private final Cql cql;
    private final Json json;

    CassandraInsightStore(Cql cql, Json json) {
        this.cql = cql;
        this.json = json;
    }

    @Override
    public void put(Insight insight) {
        String tenant = insight.tenant().value();
        String id = insight.id().value();
        cql.execute(cql.bind("INSERT INTO insights (tenant, insight_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant, id, insight.type(), insight.opportunity().value(), insight.owner().value(), insight.severity().name(),
                insight.status().name(), insight.explanation(), json.write(insight.evidence()), insight.raisedAt(), insight.updatedAt()));
        cql.execute(cql.bind("INSERT INTO insights_by_opportunity (tenant, opportunity_id, insight_id) VALUES (?, ?, ?)",
                tenant, insight.opportunity().value(), id));
        cql.execute(insight.status() == InsightStatus.OPEN
                ? cql.bind("INSERT INTO open_insights (tenant, insight_id) VALUES (?, ?)", tenant, id)
                : cql.bind("DELETE FROM open_insights WHERE tenant = ? AND insight_id = ?", tenant, id));
    }

    @Override
    public Optional<Insight> find(TenantId tenant, InsightId id) {
        return load(tenant, List.of(id)).stream().findFirst();
    }

    /** The insights of these ids, read concurrently. */
    private List<Insight> load(TenantId tenant, List<InsightId> ids) {
        return cql.rows(ids.stream().map(id -> cql.bind(SELECT, tenant.value(), id.value())).toList()).stream()
                .map(row -> toInsight(tenant, InsightId.of(row.getString("insight_id")), row)).toList();
    }

    @Override
    public List<Insight> ofOpportunity(TenantId tenant, OpportunityId opportunity) {
        return load(tenant, cql.all(cql.bind("SELECT insight_id FROM insights_by_opportunity WHERE tenant = ? AND opportunity_id = ?",
                tenant.value(), opportunity.value())).stream().map(row -> InsightId.of(row.getString("insight_id"))).toList());
    }

    @Override
    public Page<Insight> open(TenantId tenant, PageRequest request) {
        Page<InsightId> ids = cql.page(cql.bind("SELECT insight_id FROM open_insights WHERE tenant = ?", tenant.value()),
                request, "open-insights", tenant, "", row -> InsightId.of(row.getString("insight_id")));
        return new Page<>(load(tenant, ids.items()).stream()
                .filter(insight -> insight.status() == InsightStatus.OPEN).toList(), ids.nextCursor());
    }

    private Insight toInsight(TenantId tenant, InsightId id, Row row) {
        return new Insight(tenant, id, row.getString("type"), OpportunityId.of(row.getString("opportunity_id")), UserId.of(row.getString("owner_id")),
                Severity.valueOf(row.getString("severity")), InsightStatus.valueOf(row.getString("status")), row.getString("explanation"),
                json.readList(row.getString("evidence"), Evidence.class), row.getInstant("raised_at"), row.getInstant("updated_at"));
    }
}
