package org.plumly.store.cassandra.internal;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

import org.plumly.api.AccountId;
import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.ActivityKind;
import org.plumly.api.Direction;
import org.plumly.api.OpportunityId;
import org.plumly.api.Participant;
import org.plumly.api.RawContent;
import org.plumly.api.SourceRef;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.store.ActivityStore;
import org.plumly.api.store.Page;
import org.plumly.api.store.PageRequest;
import org.plumly.api.store.StoreUnavailableException;
import org.plumly.api.tone.SentenceTone;
import org.plumly.api.tone.ToneScores;
import org.plumly.api.tone.ToneVerdict;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;

/**
 * Activities by id, and their time lines by opportunity and by owner in monthly partitions, newest
 * first. A put reads the stored row first: when the activity moved (another opportunity or owner, a
 * rescheduled meeting) its old time-line rows are deleted, so a time line never shows it twice. Raw
 * content and tone verdicts are rows of their own by activity, never copied into a time line.
 */
final class CassandraActivityStore implements ActivityStore {
    static final int CONTENT_CHUNK_BYTES = 256 * 1024;
    /** A time line's name in {@code activity_buckets}: the prefix and the opportunity's or the owner's id. */
    static final String OPPORTUNITY_TIMELINE = "opportunity:";
    static final String OWNER_TIMELINE = "owner:";
    private static final int CHUNK = 64;
    private static final int CHUNKS_IN_FLIGHT = 6;
    private static final int KNOWN_BUCKETS = 100_000;
    private static final String COLUMNS = "kind, direction, occurred_at, ends_at, subject, participants, owner_id, opportunity_id, account_id, cancelled, source";
    private static final String DELETE_BY_OPPORTUNITY = "DELETE FROM activities_by_opportunity WHERE tenant = ? AND opportunity_id = ? AND bucket = ? AND occurred_at = ? AND activity_id = ?";
    private static final String DELETE_BY_OWNER = "DELETE FROM activities_by_owner WHERE tenant = ? AND owner_id = ? AND bucket = ? AND occurred_at = ? AND activity_id = ?";
    private static final String INSERT = "INSERT INTO activities (tenant, activity_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_BY_OPPORTUNITY = "INSERT INTO activities_by_opportunity (tenant, opportunity_id, bucket, activity_id, " + COLUMNS.replace(", opportunity_id", "") + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_BY_OWNER = "INSERT INTO activities_by_owner (tenant, owner_id, bucket, activity_id, " + COLUMNS.replace(", owner_id", "") + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_STORED = "SELECT activity_id, kind, direction, occurred_at, owner_id, opportunity_id FROM activities WHERE tenant = ? AND activity_id IN ?";
    private static final String INSERT_BUCKET = "INSERT INTO activity_buckets (tenant, timeline, bucket) VALUES (?, ?, ?)";
    private static final String INSERT_TONE = "INSERT INTO activity_tone (tenant, activity_id, tone, positive, neutral, negative, model, classified_at, sentences)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE_TONE = "DELETE FROM activity_tone WHERE tenant = ? AND activity_id = ?";
    private static final String SELECT_TONE = "SELECT activity_id, positive, neutral, negative, model, sentences FROM activity_tone WHERE tenant = ? AND activity_id = ?";

    private final Cql cql;
    private final Json json;
    private final SourceIndex index;
    /** Buckets whose index row this store wrote: most activities fall into a month already indexed. */
    private final Set<String> knownBuckets = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > KNOWN_BUCKETS;
        }
    }));

    CassandraActivityStore(Cql cql, Json json, SourceIndex index) {
        this.cql = cql;
        this.json = json;
        this.index = index;
        // Prepared up front: the writes are bound in the driver's callbacks, where a blocking prepare is not allowed.
        for (String statement : List.of(SELECT_STORED, DELETE_BY_OPPORTUNITY, DELETE_BY_OWNER, INSERT, INSERT_BY_OPPORTUNITY, INSERT_BY_OWNER, INSERT_BUCKET,
                DELETE_TONE)) {
            cql.bind(statement);
        }
    }

    @Override
    public void put(Activity activity) {
        putAll(List.of(activity));
    }

    /**
     * Writes in chunks of one tenant's activities: one read of the chunk's stored rows (to find moves),
     * then every row of every activity at once; a few chunks are in flight together.
     */
    @Override
    public void putAll(Collection<Activity> activities) {
        // The last of several versions of one activity wins, as it would when stored one by one.
        Map<String, Activity> latest = new LinkedHashMap<>();
        for (Activity activity : activities) {
            String key = activity.tenant().value() + '\u0000' + activity.id().value();
            latest.remove(key);
            latest.put(key, activity);
        }
        Map<TenantId, List<Activity>> byTenant = new LinkedHashMap<>();
        latest.values().forEach(a -> byTenant.computeIfAbsent(a.tenant(), t -> new ArrayList<>()).add(a));
        Semaphore inFlight = new Semaphore(CHUNKS_IN_FLIGHT);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        try {
            for (Map.Entry<TenantId, List<Activity>> tenant : byTenant.entrySet()) {
                List<Activity> all = tenant.getValue();
                for (int from = 0; from < all.size(); from += CHUNK) {
                    inFlight.acquire();
                    pending.add(putChunk(tenant.getKey(), all.subList(from, Math.min(all.size(), from + CHUNK)))
                            .toCompletableFuture().whenComplete((done, failure) -> inFlight.release()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while storing activities", e);
        }
        Cql.join(CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)));
    }

    private CompletionStage<Void> putChunk(TenantId tenant, List<Activity> chunk) {
        List<String> ids = chunk.stream().map(a -> a.id().value()).toList();
        Map<String, SourceRef> sources = new LinkedHashMap<>();
        chunk.forEach(activity -> sources.put(activity.id().value(), activity.source()));
        // The chunk's index entries (one batch per integration, usually one) go in while the stored rows are read,
        // and before any row is written: an activity whose write fails half-way is still found by a purge.
        CompletableFuture<?> indexed = CompletableFuture.allOf(index.entries(tenant, SourceIndex.ACTIVITY, sources).stream()
                .map(entries -> cql.executeAsync(entries).toCompletableFuture()).toArray(CompletableFuture[]::new));
        return cql.executeAsync(cql.bind(SELECT_STORED, tenant.value(), ids)).thenCombine(indexed, (stored, done) -> stored)
                .thenCompose(stored -> {
            Map<String, Row> before = new HashMap<>();
            // at most CHUNK rows: one page
            for (Row row : stored.currentPage()) {
                before.put(row.getString("activity_id"), row);
            }
            List<CompletionStage<?>> writes = new ArrayList<>(chunk.size() * 3);
            for (Activity activity : chunk) {
                writes.addAll(leaveOldTimelines(activity, before.get(activity.id().value())));
                writes.addAll(dropToneOfFormerCustomerMail(activity, before.get(activity.id().value())));
                writes.addAll(writeRows(activity, before.containsKey(activity.id().value())));
            }
            return CompletableFuture.allOf(writes.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new));
        });
    }

    /** Deletes the time-line rows of the stored version when the activity moved to another opportunity, owner or time. */
    private List<CompletionStage<AsyncResultSet>> leaveOldTimelines(Activity activity, Row before) {
        if (before == null) {
            return List.of();
        }
        String tenant = activity.tenant().value();
        String id = activity.id().value();
        Instant at = before.getInstant("occurred_at");
        String oldOwner = before.getString("owner_id");
        String oldOpportunity = before.getString("opportunity_id");
        List<CompletionStage<AsyncResultSet>> deletes = new ArrayList<>(2);
        if (oldOpportunity != null && (!at.equals(activity.occurredAt()) || !oldOpportunity.equals(text(activity.opportunity())))) {
            deletes.add(cql.executeAsync(cql.bind(DELETE_BY_OPPORTUNITY, tenant, oldOpportunity, bucketOf(at), at, id)));
        }
        if (oldOwner != null && (!at.equals(activity.occurredAt()) || !oldOwner.equals(text(activity.owner())))) {
            deletes.add(cql.executeAsync(cql.bind(DELETE_BY_OWNER, tenant, oldOwner, bucketOf(at), at, id)));
        }
        return deletes;
    }

    /**
     * Deletes the tone verdict of a stored inbound e-mail that is no longer one (identity resolution now
     * knows its sender is a colleague): tone is kept for mail a customer wrote only.
     */
    private List<CompletionStage<AsyncResultSet>> dropToneOfFormerCustomerMail(Activity activity, Row before) {
        boolean wasCustomerMail = before != null && ActivityKind.EMAIL.name().equals(before.getString("kind"))
                && Direction.INBOUND.name().equals(before.getString("direction"));
        if (!wasCustomerMail || (activity.kind() == ActivityKind.EMAIL && activity.direction() == Direction.INBOUND)) {
            return List.of();
        }
        return List.of(cql.executeAsync(cql.bind(DELETE_TONE, activity.tenant().value(), activity.id().value())));
    }

    /**
     * The activity's rows. A new activity leaves its empty columns unset instead of writing nulls, which
     * Cassandra would store as tombstones; a stored one binds them, to clear what was there.
     */
    private List<CompletionStage<AsyncResultSet>> writeRows(Activity a, boolean stored) {
        Binder bind = stored ? cql::bind : cql::bindSkippingNulls;
        String tenant = a.tenant().value();
        int bucket = bucketOf(a.occurredAt());
        String participants = json.write(a.participants());
        List<CompletionStage<AsyncResultSet>> writes = new ArrayList<>(5);
        writes.add(cql.executeAsync(bind.bind(INSERT,
                tenant, a.id().value(), a.kind().name(), a.direction().name(), a.occurredAt(), a.endsAt(), a.subject(),
                participants, text(a.owner()), text(a.opportunity()), text(a.account()), a.cancelled(), Sources.write(a.source()))));
        if (a.opportunity() != null) {
            writes.add(cql.executeAsync(bind.bind(INSERT_BY_OPPORTUNITY,
                    tenant, a.opportunity().value(), bucket, a.id().value(), a.kind().name(), a.direction().name(), a.occurredAt(), a.endsAt(),
                    a.subject(), participants, text(a.owner()), text(a.account()), a.cancelled(), Sources.write(a.source()))));
            rememberBucket(writes, tenant, OPPORTUNITY_TIMELINE + a.opportunity().value(), bucket);
        }
        if (a.owner() != null) {
            writes.add(cql.executeAsync(bind.bind(INSERT_BY_OWNER,
                    tenant, a.owner().value(), bucket, a.id().value(), a.kind().name(), a.direction().name(), a.occurredAt(), a.endsAt(),
                    a.subject(), participants, text(a.opportunity()), text(a.account()), a.cancelled(), Sources.write(a.source()))));
            rememberBucket(writes, tenant, OWNER_TIMELINE + a.owner().value(), bucket);
        }
        return writes;
    }

    private interface Binder {
        BoundStatement bind(String statement, Object... values);
    }

    /**
     * Adds a time line's bucket to its index unless this store wrote it before; a bucket is remembered
     * only once its row is stored, so a failed write is tried again by the next activity of that month.
     */
    private void rememberBucket(List<CompletionStage<AsyncResultSet>> writes, String tenant, String timeline, int bucket) {
        String key = tenant + '\u0000' + timeline + '\u0000' + bucket;
        if (!knownBuckets.contains(key)) {
            writes.add(cql.executeAsync(cql.bind(INSERT_BUCKET, tenant, timeline, bucket))
                    .thenApply(done -> {
                        knownBuckets.add(key);
                        return done;
                    }));
        }
    }

    /** Forgets that a time line's bucket is indexed, after its index row was deleted: the next activity of that month writes it again. */
    void forgetBucket(TenantId tenant, String timeline, int bucket) {
        knownBuckets.remove(tenant.value() + '\u0000' + timeline + '\u0000' + bucket);
    }

    @Override
    public Optional<Activity> find(TenantId tenant, ActivityId id) {
        Row row = cql.one(cql.bind("SELECT activity_id, " + COLUMNS + " FROM activities WHERE tenant = ? AND activity_id = ?", tenant.value(), id.value()));
        return Optional.ofNullable(row).map(r -> toActivity(tenant, r));
    }

    @Override
    public Page<Activity> timeline(TenantId tenant, OpportunityId opportunity, PageRequest request) {
        return walk(tenant, OPPORTUNITY_TIMELINE + opportunity.value(), request,
                bucket -> cql.bind("SELECT activity_id, opportunity_id, " + COLUMNS.replace(", opportunity_id", "")
                        + " FROM activities_by_opportunity WHERE tenant = ? AND opportunity_id = ? AND bucket = ?", tenant.value(), opportunity.value(), bucket));
    }

    @Override
    public Page<Activity> byOwner(TenantId tenant, UserId owner, PageRequest request) {
        return walk(tenant, OWNER_TIMELINE + owner.value(), request,
                bucket -> cql.bind("SELECT activity_id, owner_id, " + COLUMNS.replace(", owner_id", "")
                        + " FROM activities_by_owner WHERE tenant = ? AND owner_id = ? AND bucket = ?", tenant.value(), owner.value(), bucket));
    }

    /** Reads a time line's monthly partitions newest first until the page is full. */
    private Page<Activity> walk(TenantId tenant, String timeline, PageRequest request, IntFunction<BoundStatement> query) {
        Cursors.Position from = Cursors.decode(request.cursor(), "timeline", tenant, timeline);
        List<Integer> buckets = cql.all(from == null
                        ? cql.bind("SELECT bucket FROM activity_buckets WHERE tenant = ? AND timeline = ?", tenant.value(), timeline)
                        : cql.bind("SELECT bucket FROM activity_buckets WHERE tenant = ? AND timeline = ? AND bucket <= ?", tenant.value(), timeline, from.bucket()))
                .stream().map(row -> row.getInt("bucket")).toList();
        List<Activity> items = new ArrayList<>(request.size());
        for (int i = 0; i < buckets.size(); i++) {
            int bucket = buckets.get(i);
            ByteBuffer state = from != null && from.bucket() == bucket ? from.pagingState() : null;
            ResultSet rows = cql.execute(query.apply(bucket).setPageSize(request.size() - items.size()).setPagingState(state));
            int available = rows.getAvailableWithoutFetching();
            for (int r = 0; r < available; r++) {
                items.add(toActivity(tenant, rows.one()));
            }
            ByteBuffer next = rows.getExecutionInfo().getPagingState();
            if (items.size() == request.size()) {
                if (next != null) {
                    return new Page<>(items, Cursors.encode("timeline", tenant, timeline, new Cursors.Position(bucket, next)));
                }
                return i + 1 < buckets.size()
                        ? new Page<>(items, Cursors.encode("timeline", tenant, timeline, new Cursors.Position(buckets.get(i + 1), null)))
                        : Page.last(items);
            }
        }
        return Page.last(items);
    }

    @Override
    public void putContent(TenantId tenant, ActivityId id, RawContent content) {
        byte[] bytes = content.bytes();
        int chunks = Math.max(1, (bytes.length + CONTENT_CHUNK_BYTES - 1) / CONTENT_CHUNK_BYTES);
        List<CompletableFuture<AsyncResultSet>> writes = new ArrayList<>(chunks);
        for (int chunk = 0; chunk < chunks; chunk++) {
            int start = chunk * CONTENT_CHUNK_BYTES;
            ByteBuffer data = ByteBuffer.wrap(bytes, start, Math.min(CONTENT_CHUNK_BYTES, bytes.length - start));
            writes.add(cql.executeAsync(cql.bind("INSERT INTO activity_content (tenant, activity_id, chunk, data) VALUES (?, ?, ?, ?)",
                    tenant.value(), id.value(), chunk, data)).toCompletableFuture());
        }
        Cql.join(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)));
        // The chunk count is written last: a reader never takes a half-written content for a whole one.
        cql.execute(cql.bind("UPDATE activity_content SET media_type = ?, chunks = ? WHERE tenant = ? AND activity_id = ?",
                content.mediaType(), chunks, tenant.value(), id.value()));
    }

    @Override
    public Optional<RawContent> content(TenantId tenant, ActivityId id) {
        List<Row> rows = cql.all(cql.bind("SELECT chunk, media_type, chunks, data FROM activity_content WHERE tenant = ? AND activity_id = ?",
                tenant.value(), id.value()));
        if (rows.isEmpty() || rows.get(0).isNull("chunks")) {
            return Optional.empty();
        }
        int chunks = rows.get(0).getInt("chunks");
        ByteBuffer[] parts = new ByteBuffer[chunks];
        int size = 0;
        for (Row row : rows) {
            int chunk = row.getInt("chunk");
            if (chunk < chunks) {
                parts[chunk] = row.getByteBuffer("data");
                size += parts[chunk].remaining();
            }
        }
        ByteBuffer whole = ByteBuffer.allocate(size);
        for (ByteBuffer part : parts) {
            whole.put(Objects.requireNonNull(part, "content chunk missing").duplicate());
        }
        return Optional.of(new RawContent(rows.get(0).getString("media_type"), whole.array()));
    }

    @Override
    public void putTone(TenantId tenant, ActivityId id, ToneVerdict verdict, Instant classifiedAt) {
        ToneScores scores = verdict.scores();
        cql.execute(cql.bind(INSERT_TONE, tenant.value(), id.value(), verdict.tone().name(), scores.positive(), scores.neutral(),
                scores.negative(), verdict.model(), classifiedAt, json.write(verdict.sentences())));
    }

    @Override
    public Map<ActivityId, ToneVerdict> tones(TenantId tenant, Collection<ActivityId> ids) {
        Map<ActivityId, ToneVerdict> tones = new LinkedHashMap<>();
        for (Row row : cql.rows(ids.stream().distinct().map(id -> cql.bind(SELECT_TONE, tenant.value(), id.value())).toList())) {
            tones.put(ActivityId.of(row.getString("activity_id")), new ToneVerdict(
                    new ToneScores(row.getDouble("positive"), row.getDouble("neutral"), row.getDouble("negative")),
                    json.readList(row.getString("sentences"), SentenceTone.class), row.getString("model")));
        }
        return tones;
    }

    private Activity toActivity(TenantId tenant, Row row) {
        String owner = row.getString("owner_id");
        String opportunity = row.getString("opportunity_id");
        String account = row.getString("account_id");
        return new Activity(tenant, ActivityId.of(row.getString("activity_id")), ActivityKind.valueOf(row.getString("kind")),
                Direction.valueOf(row.getString("direction")), row.getInstant("occurred_at"), row.getInstant("ends_at"),
                row.getString("subject"), json.readList(row.getString("participants"), Participant.class),
                owner == null ? null : UserId.of(owner), opportunity == null ? null : OpportunityId.of(opportunity),
                account == null ? null : AccountId.of(account), row.getBoolean("cancelled"), Sources.read(row.getString("source")));
    }

    /** The monthly partition of an instant: 202611 for November 2026, UTC. */
    static int bucketOf(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        return utc.getYear() * 100 + utc.getMonthValue();
    }

    private static String text(Object id) {
        return id == null ? null : id.toString();
    }
}
