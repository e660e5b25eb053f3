package org.plumly.store.cassandra.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.plumly.api.AccountId;
import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.ActivityKind;
import org.plumly.api.Direction;
import org.plumly.api.Money;
import org.plumly.api.Opportunity;
import org.plumly.api.OpportunityId;
import org.plumly.api.OpportunityStatus;
import org.plumly.api.Participant;
import org.plumly.api.SourceRef;
import org.plumly.api.StageChange;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.store.PageRequest;
import org.plumly.cassandra.node.CassandraForTests;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

/**
 * {@code ./plumly bench store}: ingest through the store SPI and through raw prepared inserts of the
 * same rows on the same node, then the hot reads at 10k rows and at N rows. Arguments: {@code --rows N}
 * (default 100000). The last line is {@code store.ingest.ratio_vs_raw=<x> store.read.p99_ratio_1m_vs_10k=<y>}.
 */
public final class StoreBenchmark {
    private static final int BATCH = 1_000;
    private static final int ROUND = 10_000;
    private static final int SAMPLES = 2_000;
    private static final int IN_FLIGHT = 64;
    private static final int OWNERS = 50;
    private static final int ACTIVITIES_PER_OPPORTUNITY = 100;
    private static final int READ_OPPORTUNITIES = 200;

    private final CassandraStores stores;
    private final Random random = new Random(42);

    private StoreBenchmark(CassandraStores stores) {
        this.stores = stores;
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length == 2 && args[0].equals("--rows") ? Integer.parseInt(args[1]) : 100_000;
        String contactPoint = CassandraForTests.contactPoint();
        StoreSettings settings = new StoreSettings(StoreSettings.parseContactPoints(contactPoint), "datacenter1", "plumly_bench",
                "'class': 'SimpleStrategy', 'replication_factor': 1");
        try (CqlSession admin = CqlSession.builder().addContactPoints(settings.contactPoints()).withLocalDatacenter("datacenter1").build()) {
            admin.execute("DROP KEYSPACE IF EXISTS plumly_bench");
        }
        try (CassandraStores stores = CassandraStores.open(settings)) {
            new StoreBenchmark(stores).run(rows);
        }
        System.exit(0);
    }

    private void run(int rows) {
        System.out.printf("store benchmark: %,d activities on one Cassandra node (%s), batches of %,d (raw baseline: %d activities in flight)%n",
                rows, Runtime.version(), BATCH, IN_FLIGHT);
        TenantId tenant = TenantId.of("bench");
        int opportunities = Math.max(1, rows / ACTIVITIES_PER_OPPORTUNITY);
        for (int o = 0; o < opportunities; o++) {
            stores.opportunities.put(opportunity(tenant, o));
        }
        int small = Math.min(10_000, rows);

        // Both paths warm up first (JIT on both sides, prepared statements), then take turns in rounds of
        // 10k, so that the node's own drift (flushes, compactions, its JIT) falls on both alike.
        ingest("warm-up, store", TenantId.of("bench-warm"), 0, small, opportunities, this::storeBatch);
        ingest("warm-up, raw", TenantId.of("bench-warm-raw"), 0, small, opportunities, this::rawBatch);
        double storeSeconds = 0;
        double rawSeconds = 0;
        for (int from = 0; from < rows; from += ROUND) {
            int to = Math.min(rows, from + ROUND);
            storeSeconds += (to - from) / ingest("store SPI (putAll), round", tenant, from, to, opportunities, this::storeBatch);
            rawSeconds += (to - from) / ingest("raw prepared inserts, round", TenantId.of("bench-raw"), from, to, opportunities, this::rawBatch);
        }
        double storeRate = rows / storeSeconds;
        double rawRate = rows / rawSeconds;
        System.out.printf("ingest store SPI: %,.0f activities/s; raw prepared inserts of the activity rows: %,.0f activities/s%n", storeRate, rawRate);
        double ratio = storeRate / rawRate;
        System.out.printf("ingest ratio store/raw: %.2f%n", ratio);

        // The read set keeps its opportunities few enough that every page read is full (50 items) at 10k
        // rows already: the two measurements then differ in data volume only, not in page size.
        TenantId reads = TenantId.of("bench-reads");
        for (int o = 0; o < READ_OPPORTUNITIES; o++) {
            stores.opportunities.put(opportunity(reads, o));
        }
        ingest("read set, first 10k", reads, 0, small, READ_OPPORTUNITIES, this::storeBatch);
        double[] at10k = hotReads(reads, "10k rows", READ_OPPORTUNITIES);
        ingest("read set, up to " + rows, reads, small, rows, READ_OPPORTUNITIES, this::storeBatch);
        double[] atN = hotReads(reads, String.format("%,d rows", rows), READ_OPPORTUNITIES);
        double readRatio = 0;
        for (int i = 0; i < at10k.length; i++) {
            readRatio = Math.max(readRatio, atN[i] / at10k[i]);
        }
        System.out.printf("worst p99 ratio %,d rows vs 10k rows: %.2f%n", rows, readRatio);
        System.out.printf("store.ingest.ratio_vs_raw=%.2f store.read.p99_ratio_1m_vs_10k=%.2f%n", ratio, readRatio);
    }

    private interface BatchWriter {
        void write(List<Activity> batch);
    }

    private double ingest(String label, TenantId tenant, int from, int to, int opportunities, BatchWriter writer) {
        long start = System.nanoTime();
        for (int i = from; i < to; i += BATCH) {
            List<Activity> batch = new ArrayList<>(BATCH);
            for (int j = i; j < Math.min(to, i + BATCH); j++) {
                batch.add(activity(tenant, j, opportunities));
            }
            writer.write(batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = (to - from) / seconds;
        System.out.printf("ingest %-40s %,9d activities in %6.1f s: %,8.0f activities/s%n", label, to - from, seconds, rate);
        return rate;
    }

    private void storeBatch(List<Activity> batch) {
        stores.activities.putAll(batch);
    }

    /**
     * The baseline: an activity's own rows (by id, on its opportunity's time line, on its owner's)
     * written straight with the driver, 64 activities in flight. The store does more: it reads the
     * stored rows to find moves, serializes participants and keeps the bucket index.
     */
    private void rawBatch(List<Activity> batch) {
        CqlSession session = stores.session();
        PreparedStatement byId = session.prepare("INSERT INTO activities (tenant, activity_id, kind, direction, occurred_at, subject, participants, owner_id, opportunity_id, cancelled, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement byOpportunity = session.prepare("INSERT INTO activities_by_opportunity (tenant, opportunity_id, bucket, occurred_at, activity_id, kind, direction, subject, participants, owner_id, cancelled, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement byOwner = session.prepare("INSERT INTO activities_by_owner (tenant, owner_id, bucket, occurred_at, activity_id, kind, direction, subject, participants, opportunity_id, cancelled, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        String participants = "[{\"email\":\"lee@globex.example\",\"name\":\"Lee Park\",\"role\":\"FROM\"}]";
        for (Activity a : batch) {
            String t = a.tenant().value();
            int b = CassandraActivityStore.bucketOf(a.occurredAt());
            List<CompletableFuture<?>> writes = List.of(
                    session.executeAsync(byId.bind(t, a.id().value(), a.kind().name(), a.direction().name(), a.occurredAt(), a.subject(), participants,
                            a.owner().value(), a.opportunity().value(), false, Sources.write(a.source()))).toCompletableFuture(),
                    session.executeAsync(byOpportunity.bind(t, a.opportunity().value(), b, a.occurredAt(), a.id().value(), a.kind().name(),
                            a.direction().name(), a.subject(), participants, a.owner().value(), false, Sources.write(a.source()))).toCompletableFuture(),
                    session.executeAsync(byOwner.bind(t, a.owner().value(), b, a.occurredAt(), a.id().value(), a.kind().name(),
                            a.direction().name(), a.subject(), participants, a.opportunity().value(), false, Sources.write(a.source()))).toCompletableFuture());
            inFlight.acquireUninterruptibly();
            pending.add(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> inFlight.release()));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    }

    /** p99 of each hot read, in the order timeline, owner's recent activity, open opportunities. */
    private double[] hotReads(TenantId tenant, String label, int opportunities) {
        double[] p99 = new double[3];
        p99[0] = measure("timeline page (50)      at " + label,
                () -> stores.activities.timeline(tenant, OpportunityId.of("crm:o" + random.nextInt(opportunities)), PageRequest.first(50)).items().size());
        p99[1] = measure("owner's recent (50)     at " + label,
                () -> stores.activities.byOwner(tenant, UserId.of("crm:u" + random.nextInt(OWNERS)), PageRequest.first(50)).items().size());
        p99[2] = measure("open opportunities (50) at " + label,
                () -> stores.opportunities.open(tenant, PageRequest.first(50)).items().size());
        return p99;
    }

    private double measure(String label, Supplier<Integer> read) {
        for (int i = 0; i < SAMPLES / 4; i++) {
            read.get();
        }
        long[] nanos = new long[SAMPLES];
        long items = 0;
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            items += read.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double p50 = nanos[SAMPLES / 2] / 1e6;
        double p99 = nanos[(int) (SAMPLES * 0.99)] / 1e6;
        System.out.printf("read %-40s p50 %6.2f ms  p99 %6.2f ms  (%.1f items/read)%n", label, p50, p99, (double) items / SAMPLES);
        return p99;
    }

    private Activity activity(TenantId tenant, int i, int opportunities) {
        int opportunity = i % opportunities;
        Instant at = Instant.parse("2025-01-01T00:00:00Z").plusSeconds((long) (i / (double) Math.max(1, opportunities)) * 7_200 + opportunity * 61L);
        SourceRef source = new SourceRef("mail", "emails", "<" + i + "@globex.example>");
        return new Activity(tenant, ActivityId.of(source.entityId()), ActivityKind.EMAIL, i % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND,
                at, null, "Re: proposal " + i, List.of(new Participant("lee@globex.example", "Lee Park", Participant.Role.FROM, null)),
                UserId.of("crm:u" + opportunity % OWNERS), OpportunityId.of("crm:o" + opportunity), null, false, source);
    }

    private static Opportunity opportunity(TenantId tenant, int o) {
        Instant created = Instant.parse("2025-01-01T00:00:00Z");
        return new Opportunity(tenant, OpportunityId.of("crm:o" + o), AccountId.of("crm:a" + o / 3), "Deal " + o, UserId.of("crm:u" + o % OWNERS),
                "Proposal", o % 4 == 0 ? OpportunityStatus.WON : OpportunityStatus.OPEN, Money.of("10000", "EUR"), null, created,
                List.of(new StageChange("Proposal", created, null)), new SourceRef("crm", "opportunities", "o" + o));
    }
}
