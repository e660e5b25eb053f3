package org.plumly.store.cassandra.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.plumly.api.SourceRef;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.Statement;

/**
 * {@code records_by_source}: every record an integration wrote, by kind and entity id, with the lookup
 * keys it was listed under. The stores write an entry beside each record that has a source; the purge
 * reads them. An entry of one integration lives in one partition, so the entries of many records are
 * one unlogged batch, which Cassandra applies as a single mutation.
 */
final class SourceIndex {
    static final String USER = "user";
    static final String REPORTING_LINE = "reporting_line";
    static final String ACCOUNT = "account";
    static final String CONTACT = "contact";
    static final String OPPORTUNITY = "opportunity";
    static final String ACTIVITY = "activity";
    static final String STREAM_STATE = "stream_state";

    /** Lookup keys: which lookup table lists the record, and under what. */
    static final String EMAIL = "email:";
    static final String DOMAIN = "domain:";
    static final String OF_ACCOUNT = "account:";

    static final String INSERT = "INSERT INTO records_by_source (tenant, integration_id, kind, entity_id) VALUES (?, ?, ?, ?)";
    private static final String ADD_LOOKUPS = "UPDATE records_by_source SET lookups = lookups + ? WHERE tenant = ? AND integration_id = ? AND kind = ? AND entity_id = ?";

    private final Cql cql;

    SourceIndex(Cql cql) {
        this.cql = cql;
        // Prepared up front: the activity store binds entries in the driver's callbacks.
        cql.bind(INSERT);
        cql.bind(ADD_LOOKUPS);
    }

    /** The entry of one record, adding the lookup keys it is listed under now; null when the record has no source. */
    Statement<?> entry(TenantId tenant, SourceRef source, String kind, String entityId, Set<String> lookups) {
        if (source == null) {
            return null;
        }
        BatchStatementBuilder entry = BatchStatement.builder(DefaultBatchType.UNLOGGED)
                .addStatement(cql.bind(INSERT, tenant.value(), source.integration(), kind, entityId));
        if (!lookups.isEmpty()) {
            // Added to, never replaced: a key an older version was listed under stays known until the purge removes its row.
            entry.addStatement(cql.bind(ADD_LOOKUPS, lookups, tenant.value(), source.integration(), kind, entityId));
        }
        return entry.build();
    }

    /** The entries of many records of one tenant and kind: one batch per integration. */
    List<Statement<?>> entries(TenantId tenant, String kind, Map<String, SourceRef> sourcesByEntity) {
        Map<String, BatchStatementBuilder> byIntegration = new LinkedHashMap<>();
        sourcesByEntity.forEach((entityId, source) -> {
            if (source != null) {
                byIntegration.computeIfAbsent(source.integration(), i -> BatchStatement.builder(DefaultBatchType.UNLOGGED))
                        .addStatement(cql.bind(INSERT, tenant.value(), source.integration(), kind, entityId));
            }
        });
        List<Statement<?>> batches = new ArrayList<>(byIntegration.size());
        byIntegration.values().forEach(batch -> batches.add(batch.build()));
        return batches;
    }

    /** A reporting line is one row per user, start and manager. */
    static String reportingLineId(UserId user, LocalDate validFrom, UserId manager) {
        return user.value() + '\t' + validFrom + '\t' + manager.value();
    }
}
