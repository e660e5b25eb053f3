package org.plumly.store.cassandra.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.plumly.api.SourceRef;
import org.plumly.api.TenantId;
import org.plumly.api.store.SourcePurge;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;

/**
 * Walks the source index of an integration and deletes each record it names from every table that
 * holds it: lookup and time-line rows first, then the record's row, then the index entry, so that a
 * purge cut short is finished by the next one. A record whose row another integration wrote since is
 * kept, with the lookup rows it still uses. Time-line buckets left empty are dropped at the end.
 */
final class CassandraSourcePurge implements SourcePurge {
    private static final int ENTRIES_AT_ONCE = 100;
    private static final String ENTRIES = "SELECT kind, entity_id, lookups FROM records_by_source WHERE tenant = ? AND integration_id = ?";
    private static final String STATES = "SELECT stream FROM sync_state WHERE tenant = ? AND integration_id = ?";
    private static final String DELETE_STATES = "DELETE FROM sync_state WHERE tenant = ? AND integration_id = ?";
    private static final String USER = "SELECT email, source FROM users WHERE tenant = ? AND user_id = ?";
    private static final String DELETE_USER = "DELETE FROM users WHERE tenant = ? AND user_id = ?";
    private static final String REPORTING_LINE = "SELECT source FROM reporting_lines_by_user WHERE tenant = ? AND user_id = ? AND valid_from = ? AND manager_id = ?";
    private static final String DELETE_REPORTING_LINE_BY_MANAGER = "DELETE FROM reporting_lines_by_manager WHERE tenant = ? AND manager_id = ? AND user_id = ? AND valid_from = ?";
    private static final String DELETE_REPORTING_LINE = "DELETE FROM reporting_lines_by_user WHERE tenant = ? AND user_id = ? AND valid_from = ? AND manager_id = ?";
    private static final String ACCOUNT = "SELECT domains, source FROM accounts WHERE tenant = ? AND account_id = ?";
    private static final String DELETE_ACCOUNT = "DELETE FROM accounts WHERE tenant = ? AND account_id = ?";
    private static final String CONTACT = "SELECT account_id, emails, source FROM contacts WHERE tenant = ? AND contact_id = ?";
    private static final String DELETE_CONTACT = "DELETE FROM contacts WHERE tenant = ? AND contact_id = ?";
    private static final String OPPORTUNITY = "SELECT owner_id, account_id, source FROM opportunities WHERE tenant = ? AND opportunity_id = ?";
    private static final String DELETE_OPEN_OPPORTUNITY = "DELETE FROM open_opportunities WHERE tenant = ? AND opportunity_id = ?";
    private static final String DELETE_OPPORTUNITY_BY_OWNER = "DELETE FROM opportunities_by_owner WHERE tenant = ? AND owner_id = ? AND opportunity_id = ?";
    private static final String DELETE_STAGE_HISTORY = "DELETE FROM opportunity_stage_history WHERE tenant = ? AND opportunity_id = ?";
    private static final String DELETE_OPPORTUNITY_BY_ACCOUNT = "DELETE FROM opportunities_by_account WHERE tenant = ? AND account_id = ? AND opportunity_id = ?";
    private static final String DELETE_OPPORTUNITY = "DELETE FROM opportunities WHERE tenant = ? AND opportunity_id = ?";
    private static final String ACTIVITY = "SELECT occurred_at, owner_id, opportunity_id, source FROM activities WHERE tenant = ? AND activity_id = ?";
    private static final String DELETE_CONTENT = "DELETE FROM activity_content WHERE tenant = ? AND activity_id = ?";
    private static final String DELETE_TONE = "DELETE FROM activity_tone WHERE tenant = ? AND activity_id = ?";
    private static final String DELETE_BY_OPPORTUNITY = "DELETE FROM activities_by_opportunity WHERE tenant = ? AND opportunity_id = ? AND bucket = ? AND occurred_at = ? AND activity_id = ?";
    private static final String DELETE_BY_OWNER = "DELETE FROM activities_by_owner WHERE tenant = ? AND owner_id = ? AND bucket = ? AND occurred_at = ? AND activity_id = ?";
    private static final String DELETE_ACTIVITY = "DELETE FROM activities WHERE tenant = ? AND activity_id = ?";
    private static final String DELETE_ENTRY = "DELETE FROM records_by_source WHERE tenant = ? AND integration_id = ? AND kind = ? AND entity_id = ?";
    private static final String DELETE_USER_BY_EMAIL = "DELETE FROM users_by_email WHERE tenant = ? AND email = ? AND user_id = ?";
    private static final String DELETE_CONTACT_BY_EMAIL = "DELETE FROM contacts_by_email WHERE tenant = ? AND email = ? AND contact_id = ?";
    private static final String DELETE_ACCOUNT_BY_DOMAIN = "DELETE FROM accounts_by_domain WHERE tenant = ? AND domain = ? AND account_id = ?";
    private static final String DELETE_CONTACT_BY_ACCOUNT = "DELETE FROM contacts_by_account WHERE tenant = ? AND account_id = ? AND contact_id = ?";
    private static final String DELETE_BUCKET = "DELETE FROM activity_buckets WHERE tenant = ? AND timeline = ? AND bucket = ?";
    private static final String ANY_BY_OPPORTUNITY = "SELECT activity_id FROM activities_by_opportunity WHERE tenant = ? AND opportunity_id = ? AND bucket = ? LIMIT 1";
    private static final String ANY_BY_OWNER = "SELECT activity_id FROM activities_by_owner WHERE tenant = ? AND owner_id = ? AND bucket = ? LIMIT 1";

    private final Cql cql;
    private final CassandraActivityStore activities;

    CassandraSourcePurge(Cql cql, CassandraActivityStore activities) {
        this.cql = cql;
        this.activities = activities;
        // Prepared up front: most are bound in the driver's callbacks, where a blocking prepare is not allowed.
        for (String statement : List.of(
                ENTRIES, STATES, DELETE_STATES, USER, DELETE_USER, REPORTING_LINE, DELETE_REPORTING_LINE_BY_MANAGER, DELETE_REPORTING_LINE,
                ACCOUNT, DELETE_ACCOUNT, CONTACT, DELETE_CONTACT, OPPORTUNITY, DELETE_OPEN_OPPORTUNITY, DELETE_OPPORTUNITY_BY_OWNER,
                DELETE_STAGE_HISTORY, DELETE_OPPORTUNITY_BY_ACCOUNT, DELETE_OPPORTUNITY, ACTIVITY, DELETE_CONTENT, DELETE_TONE, DELETE_BY_OPPORTUNITY,
                DELETE_BY_OWNER, DELETE_ACTIVITY, DELETE_ENTRY, DELETE_USER_BY_EMAIL, DELETE_CONTACT_BY_EMAIL, DELETE_ACCOUNT_BY_DOMAIN,
                DELETE_CONTACT_BY_ACCOUNT, DELETE_BUCKET, ANY_BY_OPPORTUNITY, ANY_BY_OWNER)) {
            cql.bind(statement);
        }
    }

    /** One entry of the index. */
    private record Entry(TenantId tenant, String integration, String kind, String entityId, Set<String> lookups) {
    }

    /** What deleting a record takes, from its current row: the lookup keys it is listed under, the other rows that hold it, its own row. */
    private record Removal(Set<String> lookups, List<BoundStatement> listings, BoundStatement row) {
    }

    /** A time line's monthly partition that a purged activity was in. */
    private record Bucket(String timeline, String rowsOf, String id, int bucket) {
    }

    @Override
    public Map<String, Long> purge(TenantId tenant, String integration) {
        Map<String, Long> deleted = new TreeMap<>();
        Set<Bucket> buckets = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<String>> batch = new ArrayList<>(ENTRIES_AT_ONCE);
        ResultSet entries = cql.execute(cql.bind(ENTRIES,
                tenant.value(), integration).setPageSize(ENTRIES_AT_ONCE));
        for (Row row : entries) {
            Entry entry = new Entry(tenant, integration, row.getString("kind"), row.getString("entity_id"), row.getSet("lookups", String.class));
            batch.add(purge(entry, buckets));
            if (batch.size() == ENTRIES_AT_ONCE) {
                count(batch, deleted);
            }
        }
        count(batch, deleted);
        dropEmptyBuckets(tenant, buckets);
        long states = cql.all(cql.bind(STATES, tenant.value(), integration)).size();
        if (states > 0) {
            cql.execute(cql.bind(DELETE_STATES, tenant.value(), integration));
            deleted.put(SourceIndex.STREAM_STATE, states);
        }
        return deleted;
    }

    /** Waits for the purges under way; each gives the kind it deleted, or null when it kept the record. */
    private static void count(List<CompletableFuture<String>> purges, Map<String, Long> deleted) {
        Cql.join(CompletableFuture.allOf(purges.toArray(CompletableFuture[]::new)));
        for (CompletableFuture<String> purge : purges) {
            String kind = purge.join();
            if (kind != null) {
                deleted.merge(kind, 1L, Long::sum);
            }
        }
        purges.clear();
    }

    private CompletableFuture<String> purge(Entry entry, Set<Bucket> buckets) {
        String tenant = entry.tenant().value();
        String id = entry.entityId();
        return switch (entry.kind()) {
            case SourceIndex.USER -> purge(entry, cql.bind(USER, tenant, id),
                    row -> new Removal(Set.of(SourceIndex.EMAIL + row.getString("email")), List.of(),
                            cql.bind(DELETE_USER, tenant, id)));
            case SourceIndex.REPORTING_LINE -> {
                String[] key = id.split("\t", 3);
                LocalDate validFrom = LocalDate.parse(key[1]);
                yield purge(entry, cql.bind(REPORTING_LINE,
                                tenant, key[0], validFrom, key[2]),
                        row -> new Removal(Set.of(),
                                List.of(cql.bind(DELETE_REPORTING_LINE_BY_MANAGER,
                                        tenant, key[2], key[0], validFrom)),
                                cql.bind(DELETE_REPORTING_LINE,
                                        tenant, key[0], validFrom, key[2])));
            }
            case SourceIndex.ACCOUNT -> purge(entry, cql.bind(ACCOUNT, tenant, id),
                    row -> new Removal(prefixed(SourceIndex.DOMAIN, row.getSet("domains", String.class)), List.of(),
                            cql.bind(DELETE_ACCOUNT, tenant, id)));
            case SourceIndex.CONTACT -> purge(entry, cql.bind(CONTACT, tenant, id),
                    row -> {
                        Set<String> lookups = prefixed(SourceIndex.EMAIL, row.getList("emails", String.class));
                        if (row.getString("account_id") != null) {
                            lookups.add(SourceIndex.OF_ACCOUNT + row.getString("account_id"));
                        }
                        return new Removal(lookups, List.of(), cql.bind(DELETE_CONTACT, tenant, id));
                    });
            case SourceIndex.OPPORTUNITY -> purge(entry, cql.bind(OPPORTUNITY, tenant, id),
                    row -> {
                        List<BoundStatement> listings = new ArrayList<>(List.of(
                                cql.bind(DELETE_OPEN_OPPORTUNITY, tenant, id),
                                cql.bind(DELETE_OPPORTUNITY_BY_OWNER, tenant, row.getString("owner_id"), id),
                                cql.bind(DELETE_STAGE_HISTORY, tenant, id)));
                        if (row.getString("account_id") != null) {
                            listings.add(cql.bind(DELETE_OPPORTUNITY_BY_ACCOUNT,
                                    tenant, row.getString("account_id"), id));
                        }
                        return new Removal(Set.of(), listings, cql.bind(DELETE_OPPORTUNITY, tenant, id));
                    });
            case SourceIndex.ACTIVITY -> purge(entry, cql.bind(ACTIVITY, tenant, id),
                    row -> activityRemoval(entry, row, buckets));
            default -> throw new IllegalStateException("the source index names an unknown kind of record: " + entry.kind());
        };
    }

    private Removal activityRemoval(Entry entry, Row row, Set<Bucket> buckets) {
        String tenant = entry.tenant().value();
        String id = entry.entityId();
        Instant at = row.getInstant("occurred_at");
        int bucket = CassandraActivityStore.bucketOf(at);
        List<BoundStatement> listings = new ArrayList<>(4);
        listings.add(cql.bind(DELETE_CONTENT, tenant, id));
        listings.add(cql.bind(DELETE_TONE, tenant, id));
        String opportunity = row.getString("opportunity_id");
        if (opportunity != null) {
            listings.add(cql.bind(DELETE_BY_OPPORTUNITY,
                    tenant, opportunity, bucket, at, id));
            buckets.add(new Bucket(CassandraActivityStore.OPPORTUNITY_TIMELINE + opportunity, ANY_BY_OPPORTUNITY, opportunity, bucket));
        }
        String owner = row.getString("owner_id");
        if (owner != null) {
            listings.add(cql.bind(DELETE_BY_OWNER,
                    tenant, owner, bucket, at, id));
            buckets.add(new Bucket(CassandraActivityStore.OWNER_TIMELINE + owner, ANY_BY_OWNER, owner, bucket));
        }
        return new Removal(Set.of(), listings, cql.bind(DELETE_ACTIVITY, tenant, id));
    }

    /**
     * Deletes the record when its current row came from this integration, and either way the lookup rows
     * the index knows that the current row no longer uses; then the index entry. The kind when deleted.
     */
    private CompletableFuture<String> purge(Entry entry, BoundStatement read, Function<Row, Removal> removalOf) {
        return cql.executeAsync(read).toCompletableFuture().thenCompose(result -> {
            Row current = result.one();
            boolean ours = current != null && entry.integration().equals(integrationOf(current.getString("source")));
            Removal removal = current == null ? null : removalOf.apply(current);
            Set<String> stale = new HashSet<>(entry.lookups());
            List<BoundStatement> first = new ArrayList<>();
            if (ours) {
                stale.addAll(removal.lookups());
                first.addAll(removal.listings());
            } else if (removal != null) {
                stale.removeAll(removal.lookups());
            }
            stale.forEach(lookup -> first.add(deleteLookup(entry, lookup)));
            CompletableFuture<Void> then = all(first);
            if (ours) {
                then = then.thenCompose(done -> cql.executeAsync(removal.row()).thenAccept(rows -> { }));
            }
            return then.thenCompose(done -> cql.executeAsync(cql.bind(
                            DELETE_ENTRY,
                            entry.tenant().value(), entry.integration(), entry.kind(), entry.entityId())))
                    .thenApply(done -> ours ? entry.kind() : null);
        });
    }

    private BoundStatement deleteLookup(Entry entry, String lookup) {
        String tenant = entry.tenant().value();
        String id = entry.entityId();
        if (lookup.startsWith(SourceIndex.EMAIL)) {
            String email = lookup.substring(SourceIndex.EMAIL.length());
            return entry.kind().equals(SourceIndex.USER)
                    ? cql.bind(DELETE_USER_BY_EMAIL, tenant, email, id)
                    : cql.bind(DELETE_CONTACT_BY_EMAIL, tenant, email, id);
        }
        if (lookup.startsWith(SourceIndex.DOMAIN)) {
            return cql.bind(DELETE_ACCOUNT_BY_DOMAIN,
                    tenant, lookup.substring(SourceIndex.DOMAIN.length()), id);
        }
        if (lookup.startsWith(SourceIndex.OF_ACCOUNT)) {
            return cql.bind(DELETE_CONTACT_BY_ACCOUNT,
                    tenant, lookup.substring(SourceIndex.OF_ACCOUNT.length()), id);
        }
        throw new IllegalStateException("the source index names an unknown lookup: " + lookup.substring(0, lookup.indexOf(':') + 1));
    }

    /**
     * Drops the bucket rows of time lines whose month the purge emptied, so that a time line does not
     * name months with nothing in them. The activity store of this hub node forgets them too.
     */
    private void dropEmptyBuckets(TenantId tenant, Set<Bucket> buckets) {
        List<CompletableFuture<Void>> drops = new ArrayList<>(buckets.size());
        for (Bucket bucket : buckets) {
            drops.add(cql.executeAsync(cql.bind(bucket.rowsOf(), tenant.value(), bucket.id(), bucket.bucket()))
                    .toCompletableFuture()
                    .thenCompose(rows -> rows.one() != null ? CompletableFuture.<Void>completedFuture(null)
                            : cql.executeAsync(cql.bind(DELETE_BUCKET,
                                    tenant.value(), bucket.timeline(), bucket.bucket()))
                            .thenAccept(done -> activities.forgetBucket(tenant, bucket.timeline(), bucket.bucket()))));
        }
        Cql.join(CompletableFuture.allOf(drops.toArray(CompletableFuture[]::new)));
    }

    private CompletableFuture<Void> all(List<BoundStatement> statements) {
        return CompletableFuture.allOf(statements.stream().map(s -> cql.executeAsync(s).toCompletableFuture()).toArray(CompletableFuture[]::new));
    }

    private static String integrationOf(String source) {
        SourceRef ref = Sources.read(source);
        return ref == null ? null : ref.integration();
    }

    private static Set<String> prefixed(String prefix, Iterable<String> values) {
        Set<String> keys = new HashSet<>();
        values.forEach(value -> keys.add(prefix + value));
        return keys;
    }
}
