package org.plumly.core.internal.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.plumly.core.internal.tone.KeywordTone.DANA;
import static org.plumly.core.internal.tone.KeywordTone.LEE;
import static org.plumly.core.internal.tone.KeywordTone.mail;
import static org.plumly.core.internal.tone.KeywordTone.mime;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plumly.api.Activity;
import org.plumly.api.TenantId;
import org.plumly.api.tone.ToneClassifier;
import org.plumly.core.internal.testing.Configs;
import org.plumly.store.cassandra.testing.StoresForTests;

/** The tone step's own pool: back-pressure on the sync, and what a stop leaves. */
@ExtendWith(VertxExtension.class)
class TonePipelineTest {
    private final TenantId tenant = StoresForTests.newTenant();
    private final CountDownLatch classifying = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Activity first = mail(tenant, "mail", "m1", LEE, DANA, "2026-11-20T09:00:00Z", null);
    private final Activity second = mail(tenant, "mail", "m2", LEE, DANA, "2026-11-20T10:00:00Z", null);

    @Test
    void whenEveryQueueSlotIsTakenTheSyncWaitsForOneAndNoMailIsDropped(Vertx vertx) throws Exception {
        TonePipeline tone = pipelineClassifyingUntilReleased(vertx, 0);
        try {
            CompletableFuture<ToneOutcome> firstDone = tone.classifyStored(tenant, List.of(first), Map.of(first.id(), mime("One.")));
            assertThat(classifying.await(30, TimeUnit.SECONDS)).isTrue();
            AtomicReference<CompletableFuture<ToneOutcome>> secondDone = new AtomicReference<>();
            Thread sync = new Thread(() -> secondDone.set(tone.classifyStored(tenant, List.of(second), Map.of(second.id(), mime("Two.")))));
            sync.start();

            await().atMost(Duration.ofSeconds(30)).until(() -> sync.getState() == Thread.State.WAITING);
            assertThat(secondDone.get()).as("the second batch waits for the slot the first holds").isNull();
            release.countDown();
            sync.join(TimeUnit.SECONDS.toMillis(30));

            assertThat(firstDone.join().plus(secondDone.get().join()).classified()).isEqualTo(2);
            assertThat(StoresForTests.activities().tones(tenant, List.of(first.id(), second.id()))).containsOnlyKeys(first.id(), second.id());
        } finally {
            release.countDown();
            tone.stop();
        }
    }

    @Test
    void stoppingFinishesTheBatchAtWorkAndSaysWhichWereLeftInTheQueue(Vertx vertx) throws Exception {
        TonePipeline tone = pipelineClassifyingUntilReleased(vertx, 1);
        CompletableFuture<ToneOutcome> firstDone = tone.classifyStored(tenant, List.of(first), Map.of(first.id(), mime("One.")));
        assertThat(classifying.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<ToneOutcome> secondDone = tone.classifyStored(tenant, List.of(second), Map.of(second.id(), mime("Two.")));
        Thread hubStopping = new Thread(() -> {
            try {
                tone.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        hubStopping.start();

        assertThat(secondDone.get(30, TimeUnit.SECONDS)).isEqualTo(
                new ToneOutcome(0, List.of(), 1, Set.of("the hub stopped before they were classified")));
        release.countDown();
        hubStopping.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(firstDone.join().classified()).isEqualTo(1);
        assertThat(StoresForTests.activities().tones(tenant, List.of(first.id(), second.id()))).containsOnlyKeys(first.id());
    }

    /** One worker, whose classifier holds on until {@link #release} once it has begun. */
    private TonePipeline pipelineClassifyingUntilReleased(Vertx vertx, int queuedBatches) {
        TonePipeline tone = new TonePipeline(StoresForTests.activities(), vertx,
                Configs.of(TonePipeline.Config.class, Map.of("workers", 1, "queuedBatches", queuedBatches)));
        ToneClassifier keyword = KeywordTone.classifier("keyword 1");
        tone.setExtractor(KeywordTone.extractor());
        tone.setClassifier(text -> {
            classifying.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return keyword.classify(text);
        });
        return tone;
    }
}
