package org.plumly.core.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.plumly.core.internal.tone.KeywordTone.DANA;
import static org.plumly.core.internal.tone.KeywordTone.LEE;
import static org.plumly.core.internal.tone.KeywordTone.mail;
import static org.plumly.core.internal.tone.KeywordTone.meeting;
import static org.plumly.core.internal.tone.KeywordTone.mime;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.Integration;
import org.plumly.api.RawContent;
import org.plumly.api.SyncRun;
import org.plumly.api.Tenant;
import org.plumly.api.TenantId;
import org.plumly.api.User;
import org.plumly.api.UserId;
import org.plumly.api.connector.AuthorizationKind;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.RecordKind;
import org.plumly.api.connector.RecordSink;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.api.connector.StreamState;
import org.plumly.api.events.ToneClassified;
import org.plumly.api.tone.Tone;
import org.plumly.api.tone.ToneVerdict;
import org.plumly.core.internal.connectors.ConnectorRegistry;
import org.plumly.core.internal.testing.Configs;
import org.plumly.core.internal.tone.KeywordTone;
import org.plumly.core.internal.tone.ToneOutcome;
import org.plumly.core.internal.tone.TonePipeline;
import org.plumly.store.cassandra.testing.StoresForTests;

/** The tone step as the sync drives it, on the real stores and event bus, with stand-in extractor and classifier. */
@ExtendWith(VertxExtension.class)
class ToneOfSyncedMailTest {
    private static final String INTEGRATION = "mail-dana";

    private final TenantId tenant = StoresForTests.newTenant();
    private TonePipeline tone;
    private RecordWriter writer;
    private SyncEngine engine;

    @BeforeEach
    void danaWorksAtAcme(Vertx vertx) {
        StoresForTests.tenants().put(new Tenant(tenant, "Tone test", Instant.now()));
        StoresForTests.directory().putUser(new User(tenant, UserId.of("crm:dana"), "Dana Reyes", DANA, true, null));
        tone = new TonePipeline(StoresForTests.activities(), vertx, Configs.of(TonePipeline.Config.class, Map.of("workers", 1, "queuedBatches", 2)));
        writer = new RecordWriter(StoresForTests.directory(), StoresForTests.opportunities(), StoresForTests.activities(), tone);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (engine != null) {
            engine.stop();
        }
        writer.close();
        tone.stop();
    }

    @Test
    void mailACustomerWroteGetsAStoredVerdictAndAnEventWhileOutboundMailAndMeetingsDoNot(Vertx vertx, VertxTestContext events) {
        installServices("keyword 1");
        Activity inbound = mail(tenant, INTEGRATION, "m1", LEE, DANA, "2026-11-20T09:00:00Z", null);
        Activity outbound = mail(tenant, INTEGRATION, "m2", DANA, LEE, "2026-11-20T10:00:00Z", null);
        Activity review = meeting(tenant, INTEGRATION, "e1", "2026-11-21T10:00:00Z");
        Checkpoint announced = events.checkpoint();
        MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(ToneClassified.ADDRESS, message -> events.verify(() -> {
            assertThat(message.body().fieldNames())
                    .containsExactlyInAnyOrder("tenant", "activity", "opportunity", "tone", "negative", "positive", "neutral", "occurredAt");
            assertThat(message.body().encode()).doesNotContain("breaker").doesNotContain("About").doesNotContain("@");
            assertThat(ToneClassified.fromJson(message.body().getMap())).isEqualTo(new ToneClassified(tenant, inbound.id(), null,
                    KeywordTone.classifier("any").classify("a deal breaker").scores(), inbound.occurredAt()));
            announced.flag();
        }));
        consumer.completion().await();

        ToneOutcome outcome = writer.write(tenant, List.of(inbound, outbound, review), Map.of(inbound.id(), mime("The price is a deal breaker."),
                outbound.id(), mime("Here is our best price."), review.id(), mime("Agenda: a deal breaker?"))).join();

        assertThat(outcome).isEqualTo(new ToneOutcome(1, List.of(), 0, Set.of()));
        Map<ActivityId, ToneVerdict> stored = tones(inbound, outbound, review);
        assertThat(stored).containsOnlyKeys(inbound.id());
        assertThat(stored.get(inbound.id()).tone()).isEqualTo(Tone.NEGATIVE);
        assertThat(stored.get(inbound.id()).model()).isEqualTo("keyword 1");
        assertThat(stored.get(inbound.id()).sentences()).extracting(sentence -> sentence.sentence()).containsExactly("The price is a deal breaker.");
    }

    @Test
    void aMessageThatCannotBeExtractedOrClassifiedFailsAloneAndTheRunSaysWhichAndWhyWithoutItsContent() {
        installServices("keyword 1");
        Activity fine = mail(tenant, INTEGRATION, "m1", LEE, DANA, "2026-11-20T09:00:00Z", null);
        Activity malformed = mail(tenant, INTEGRATION, "m2", LEE, DANA, "2026-11-20T10:00:00Z", null);
        Activity unreadable = mail(tenant, INTEGRATION, "m3", LEE, DANA, "2026-11-20T11:00:00Z", null);
        Activity unhappy = mail(tenant, INTEGRATION, "m4", LEE, DANA, "2026-11-20T12:00:00Z", null);

        SyncRun run = sync(List.of(Map.entry(fine, mime("Thanks, that works.")),
                Map.entry(malformed, new RawContent("message/rfc822", (KeywordTone.MALFORMED + " private words").getBytes(StandardCharsets.UTF_8))),
                Map.entry(unreadable, mime(KeywordTone.CRASH + " private words")),
                Map.entry(unhappy, mime("The renewal is a deal breaker."))));

        assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
        assertThat(run.total().stored()).isEqualTo(4);
        assertThat(tones(fine, malformed, unreadable, unhappy)).containsOnlyKeys(fine.id(), unhappy.id());
        assertThat(run.errors()).containsExactly(
                "tone: activity " + malformed.id() + ": its text could not be extracted: not a MIME message: no header section",
                "tone: activity " + unreadable.id() + ": the tone classifier failed: java.lang.IllegalStateException");
        assertThat(String.join("\n", run.errors())).doesNotContain("private words").doesNotContain("cannot read");
    }

    @Test
    void withoutTheServicesTheSyncStoresTheMailAndSaysHowManyMessagesWereNotClassifiedAndWhy() {
        Activity first = mail(tenant, INTEGRATION, "m1", LEE, DANA, "2026-11-20T09:00:00Z", null);
        Activity second = mail(tenant, INTEGRATION, "m2", LEE, DANA, "2026-11-20T10:00:00Z", null);
        Activity reply = mail(tenant, INTEGRATION, "m3", DANA, LEE, "2026-11-20T11:00:00Z", null);

        SyncRun run = sync(List.of(Map.entry(first, mime("One.")), Map.entry(second, mime("Two.")), Map.entry(reply, mime("Three."))));

        assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
        assertThat(run.total().stored()).isEqualTo(3);
        assertThat(StoresForTests.activities().content(tenant, first.id())).isPresent();
        assertThat(tones(first, second, reply)).isEmpty();
        assertThat(run.errors()).containsExactly("tone: 2 customer e-mails stored without a tone verdict: no content extractor is installed"
                + " (plumly:tone-backlog classifies them later)");
    }

    @Test
    void aMessageSyncedAgainHasOneVerdictTheNewest() {
        Activity inbound = mail(tenant, INTEGRATION, "m1", LEE, DANA, "2026-11-20T09:00:00Z", null);
        installServices("keyword 1");
        writer.write(tenant, List.of(inbound), Map.of(inbound.id(), mime("This is a deal breaker."))).join();

        installServices("keyword 2");
        ToneOutcome again = writer.write(tenant, List.of(inbound), Map.of(inbound.id(), mime("This is fine after all."))).join();

        assertThat(again.classified()).isEqualTo(1);
        Map<ActivityId, ToneVerdict> stored = tones(inbound);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(inbound.id()).model()).isEqualTo("keyword 2");
        assertThat(stored.get(inbound.id()).tone()).isEqualTo(Tone.POSITIVE);
    }

    private void installServices(String model) {
        tone.setExtractor(KeywordTone.extractor());
        tone.setClassifier(KeywordTone.classifier(model));
    }

    private Map<ActivityId, ToneVerdict> tones(Activity... activities) {
        return StoresForTests.activities().tones(tenant, Arrays.stream(activities).map(Activity::id).toList());
    }

    /** A run of a mailbox integration that reads these messages, to its end. */
    private SyncRun sync(List<Map.Entry<Activity, RawContent>> mails) {
        Integration integration = Integration.created(tenant, INTEGRATION, Mailbox.TYPE, Map.of(), Duration.ofHours(1), "user:admin",
                Instant.now()).authorized("user:admin", Instant.now());
        StoresForTests.integrations().put(integration);
        ConnectorRegistry registry = new ConnectorRegistry();
        registry.addConnector(new Mailbox(mails));
        Random jitter = new Random(7);
        SyncSettings settings = new SyncSettings("node-a", Duration.ofHours(1), Duration.ofSeconds(30), 3,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), () -> jitter), Duration.ofSeconds(5), 100, 4, 1);
        engine = new SyncEngine(settings, registry, (of, connector) -> null, StoresForTests.tenants(), StoresForTests.integrations(),
                StoresForTests.syncRuns(), StoresForTests.leases(), writer);
        String runId = engine.trigger(integration, SyncRun.Trigger.MANUAL).runId().orElseThrow();
        return await().atMost(Duration.ofSeconds(30)).until(() -> StoresForTests.syncRuns().find(tenant, INTEGRATION, runId)
                .filter(run -> run.status() != SyncRun.Status.RUNNING), Optional::isPresent).orElseThrow();
    }

    /** A mailbox whose one stream holds these messages, read in one batch. */
    private static final class Mailbox implements Connector {
        static final String TYPE = "tone-mailbox";
        private final List<Map.Entry<Activity, RawContent>> mails;

        Mailbox(List<Map.Entry<Activity, RawContent>> mails) {
            this.mails = mails;
        }

        @Override
        public ConnectorSpec spec() {
            return new ConnectorSpec(TYPE, "Mailbox", AuthorizationKind.NONE, Set.of(), List.of());
        }

        @Override
        public CheckResult check(ConnectorContext context) {
            return CheckResult.ok();
        }

        @Override
        public List<StreamDescriptor> discover(ConnectorContext context) {
            return List.of(StreamDescriptor.incremental("inbox", RecordKind.ACTIVITY));
        }

        @Override
        public void read(ConnectorContext context, StreamState state, RecordSink sink) {
            mails.forEach(mail -> sink.emit(mail.getKey(), mail.getValue()));
            sink.checkpoint(state.with("read", "all"));
        }
    }
}
