package org.plumly.store.cassandra.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.plumly.api.AuditEntry;
import org.plumly.api.TenantId;
import org.plumly.api.store.AuditLog;
import org.plumly.api.store.Page;
import org.plumly.api.store.PageRequest;

import com.datastax.oss.driver.api.core.uuid.Uuids;

/** The append-only audit log: inserts with a fresh time-based id, so no entry ever overwrites another. */
final class CassandraAuditLog implements AuditLog {
    private final Cql cql;

    CassandraAuditLog(Cql cql) {
        this.cql = cql;
    }

    @Override
    public void append(AuditEntry entry) {
        cql.execute(cql.bind("INSERT INTO audit_log (tenant, day, id, at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                entry.tenant().value(), LocalDate.ofInstant(entry.at(), ZoneOffset.UTC), Uuids.timeBased(), entry.at(),
                entry.actor(), entry.action(), entry.target(), entry.detail()));
    }

    @Override
    public Page<AuditEntry> entries(TenantId tenant, LocalDate day, PageRequest request) {
        return cql.page(cql.bind("SELECT at, actor, action, target, detail FROM audit_log WHERE tenant = ? AND day = ?", tenant.value(), day),
                request, "audit", tenant, day.toString(),
                row -> new AuditEntry(tenant, row.getInstant("at"), row.getString("actor"), row.getString("action"),
                        row.getString("target"), row.getString("detail")));
    }
}
