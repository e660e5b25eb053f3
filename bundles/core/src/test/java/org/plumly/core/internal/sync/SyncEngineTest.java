package org.plumly.core.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plumly.api.AccountId;
import org.plumly.api.Integration;
import org.plumly.api.SourceRef;
import org.plumly.api.SyncRun;
import org.plumly.api.Tenant;
import org.plumly.api.TenantId;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.Egress;
import org.plumly.api.connector.SourceFiles;
import org.plumly.api.connector.StreamState;
import org.plumly.api.store.PageRequest;
import org.plumly.core.internal.connectors.ConnectorRegistry;
import org.plumly.core.internal.egress.GuardedEgress;
import org.plumly.core.internal.testing.Configs;
import org.plumly.core.internal.tone.TonePipeline;
import org.plumly.store.cassandra.testing.StoresForTests;

/** The sync engine on the real stores, driving a connector whose source pages can fail or wait. */
@ExtendWith(VertxExtension.class)
class SyncEngineTest {
    private static final int PER_PAGE = 5;

    private final TenantId tenant = StoresForTests.newTenant();
    private final ConnectorRegistry registry = new ConnectorRegistry();
    private final List<SyncEngine> engines = new ArrayList<>();
    private final Random jitter = new Random(7);
    private PagedAccounts source;
    private Integration integration;
    private TonePipeline tone;

    @BeforeEach
    void addTenantAndIntegration(Vertx vertx) {
        tone = new TonePipeline(StoresForTests.activities(), vertx, Configs.of(TonePipeline.Config.class, Map.of()));
        StoresForTests.tenants().put(new Tenant(tenant, "Sync test", Instant.now()));
        integration = Integration.created(tenant, "accounts", PagedAccounts.TYPE, Map.of(), Duration.ofHours(1), "user:admin", Instant.now())
                .authorized("user:admin", Instant.now());
        StoresForTests.integrations().put(integration);
    }

    @AfterEach
    void stopEngines() throws InterruptedException {
        if (source != null) {
            source.release();
        }
        for (SyncEngine engine : engines) {
            engine.stop();
        }
        tone.stop();
    }

    @Test
    void aRunStoresEveryRecordSavesWhereItStoppedAndCountsWhatItDid() {
        install(new PagedAccounts().pages(3, PER_PAGE));

        SyncRun run = runToEnd(engine("node-a"), SyncRun.Trigger.MANUAL);

        assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
        assertThat(run.total()).isEqualTo(new SyncRun.StreamCounts(15, 15, 0, 0));
        assertThat(run.node()).isEqualTo("node-a");
        assertThat(state().find("page")).contains("3");
        assertThat(storedAccounts()).isEqualTo(15);
    }

    @Test
    void theNextRunReadsOnlyWhatIsNew() {
        install(new PagedAccounts().pages(2, PER_PAGE));
        SyncEngine engine = engine("node-a");
        runToEnd(engine, SyncRun.Trigger.MANUAL);
        source.addPage(PER_PAGE);

        SyncRun second = runToEnd(engine, SyncRun.Trigger.SCHEDULE);

        assertThat(second.total().stored()).isEqualTo(PER_PAGE);
        assertThat(source.reads(0)).isEqualTo(1);
        assertThat(source.reads(2)).isEqualTo(1);
        assertThat(storedAccounts()).isEqualTo(15);
    }

    @Test
    void aTransientFailureIsRetriedFromTheLastCheckpointWithoutReadingEarlierPagesAgain() {
        install(new PagedAccounts().pages(3, PER_PAGE).failAt(2, PagedAccounts.transientFailure(), PagedAccounts.transientFailure()));

        SyncRun run = runToEnd(engine("node-a"), SyncRun.Trigger.MANUAL);

        assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
        assertThat(run.total().stored()).isEqualTo(15);
        assertThat(source.reads(0)).isEqualTo(1);
        assertThat(source.reads(1)).isEqualTo(1);
        assertThat(source.reads(2)).isEqualTo(3);
    }

    @Test
    void aRateLimitedSourceIsAskedAgainNoEarlierThanItsRetryAfter() {
        install(new PagedAccounts().pages(2, PER_PAGE).failAt(1, PagedAccounts.rateLimited(Duration.ofMillis(400))));

        SyncRun run = runToEnd(engine("node-a"), SyncRun.Trigger.MANUAL);

        assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
        assertThat(source.reads(1)).isEqualTo(2);
        assertThat(source.readAtMillis(1) - source.readAtMillis(0)).isGreaterThanOrEqualTo(400);
    }

    @Test
    void aStreamThatKeepsFailingEndsTheRunAsFailedAfterItsAttemptsKeepingWhatWasStored() {
        ConnectorException[] always = new ConnectorException[10];
        for (int i = 0; i < always.length; i++) {
            always[i] = PagedAccounts.transientFailure();
        }
        install(new PagedAccounts().pages(3, PER_PAGE).failAt(1, always));

        SyncRun run = runToEnd(engine("node-a"), SyncRun.Trigger.MANUAL);

        assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
        assertThat(source.reads(1)).isEqualTo(3);
        assertThat(run.errors()).last().asString().contains("connection reset").contains("TRANSIENT");
        assertThat(run.total().stored()).isEqualTo(PER_PAGE);
        assertThat(state().find("page")).contains("1");
    }

    @Test
    void aRefusedGrantMarksTheIntegrationForAuthorizationAgainAndIsNotRetried() {
        install(new PagedAccounts().pages(2, PER_PAGE).failAt(0, ConnectorException.unauthorized("token revoked at the vendor")));

        SyncRun run = runToEnd(engine("node-a"), SyncRun.Trigger.MANUAL);

        assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
        assertThat(source.reads(0)).isEqualTo(1);
        assertThat(StoresForTests.integrations().find(tenant, "accounts").orElseThrow().status())
                .isEqualTo(Integration.Status.NEEDS_AUTHORIZATION);
    }

    @Test
    void aGarbageStateFailsTheStreamClearlyInsteadOfReadingEverythingAgain() {
        install(new PagedAccounts().pages(2, PER_PAGE));
        StoresForTests.integrations().saveState(tenant, "accounts", new StreamState("accounts", Map.of("page", "ten")));

        SyncRun run = runToEnd(engine("node-a"), SyncRun.Trigger.MANUAL);

        assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
        assertThat(run.errors()).anySatisfy(error -> assertThat(error).contains("not a page number").contains("INVALID_STATE"));
        assertThat(storedAccounts()).isZero();
    }

    @Test
    void aConnectorWithdrawnMidRunStopsAtItsLastCheckpointAndResumesThereWhenItComesBack() throws Exception {
        install(new PagedAccounts().pages(4, PER_PAGE).holdAt(2));
        SyncEngine engine = engine("node-a");
        String first = engine.trigger(integration, SyncRun.Trigger.MANUAL).runId().orElseThrow();
        assertThat(source.awaitHeld()).isTrue();

        registry.removeConnector(source);
        source.release();
        SyncRun interrupted = awaitEnd(first);
        registry.addConnector(source);
        SyncRun resumed = await().atMost(Duration.ofSeconds(30)).until(() -> latestRun().filter(run ->
                run.trigger() == SyncRun.Trigger.RESUME && run.status() != SyncRun.Status.RUNNING), Optional::isPresent).orElseThrow();

        assertThat(interrupted.status()).isEqualTo(SyncRun.Status.INTERRUPTED);
        assertThat(interrupted.total().stored()).isEqualTo(2 * PER_PAGE);
        assertThat(interrupted.errors()).anySatisfy(error -> assertThat(error).contains("stopped or is being updated"));
        assertThat(resumed.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
        assertThat(resumed.total().stored()).isEqualTo(2 * PER_PAGE);
        assertThat(source.reads(1)).isEqualTo(1);
        assertThat(source.reads(2)).isEqualTo(2);
        assertThat(storedAccounts()).isEqualTo(4 * PER_PAGE);
    }

    @Test
    void onlyOneNodeRunsAnIntegrationAtATime() throws Exception {
        install(new PagedAccounts().pages(3, PER_PAGE).holdAt(1));
        SyncEngine nodeA = engine("node-a");
        SyncEngine nodeB = engine("node-b");
        String run = nodeA.trigger(integration, SyncRun.Trigger.MANUAL).runId().orElseThrow();
        assertThat(source.awaitHeld()).isTrue();

        SyncEngine.Triggered refused = nodeB.trigger(integration, SyncRun.Trigger.MANUAL);
        source.release();
        awaitEnd(run);
        SyncEngine.Triggered afterwards = nodeB.trigger(integration, SyncRun.Trigger.MANUAL);

        assertThat(refused.runId()).isEmpty();
        assertThat(refused.reason()).contains("already syncing");
        assertThat(afterwards.runId()).isPresent();
        assertThat(awaitEnd(afterwards.runId().get()).node()).isEqualTo("node-b");
    }

    @Test
    void aRunIsRefusedRatherThanQueuedWhenEveryWorkerIsBusy() throws Exception {
        install(new PagedAccounts().pages(2, PER_PAGE).holdAt(0));
        Integration second = Integration.created(tenant, "accounts-2", PagedAccounts.TYPE, Map.of(), Duration.ofHours(1), "user:admin",
                Instant.now()).authorized("user:admin", Instant.now());
        StoresForTests.integrations().put(second);
        SyncEngine engine = engine("node-a", Duration.ofHours(1), 1);
        String first = engine.trigger(integration, SyncRun.Trigger.MANUAL).runId().orElseThrow();
        assertThat(source.awaitHeld()).isTrue();

        SyncEngine.Triggered refused = engine.trigger(second, SyncRun.Trigger.MANUAL);

        assertThat(refused.runId()).isEmpty();
        assertThat(refused.reason()).contains("busy");
        assertThat(StoresForTests.leases().find(tenant, "sync:accounts-2")).isEmpty();
        assertThat(StoresForTests.syncRuns().find(tenant, "accounts", first)).isPresent();
        source.release();
        awaitEnd(first);
    }

    @Test
    void rejectedRowsAreListedAndTheRestIsStored() {
        install(new PagedAccounts().pages(1, PER_PAGE).rejectingOneRow());

        SyncRun run = runToEnd(engine("node-a"), SyncRun.Trigger.MANUAL);

        assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
        assertThat(run.total()).isEqualTo(new SyncRun.StreamCounts(4, 4, 1, 0));
        assertThat(run.rejections()).containsExactly(new SyncRun.Rejection("accounts", "page 0 row 2", "no name"));
    }

    @Test
    void aRecordClaimingAnotherIntegrationIsRefusedAndNothingOfItIsStored() {
        install(new PagedAccounts().pages(1, PER_PAGE).emittingForIntegration("someone-else"));

        SyncRun run = runToEnd(engine("node-a"), SyncRun.Trigger.MANUAL);

        assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
        assertThat(run.errors()).anySatisfy(error -> assertThat(error).contains("source reference of integration accounts"));
        assertThat(StoresForTests.directory().findAccount(tenant,
                AccountId.of(new SourceRef("someone-else", "accounts", "a0").entityId()))).isEmpty();
    }

    @Test
    void anIntegrationThatNeverRanRunsOnTheSchedule() {
        install(new PagedAccounts().pages(1, PER_PAGE));

        engine("node-a", Duration.ofMillis(100));
        SyncRun run = await().atMost(Duration.ofSeconds(30)).until(() -> latestRun().filter(r -> r.status() != SyncRun.Status.RUNNING),
                Optional::isPresent).orElseThrow();

        assertThat(run.trigger()).isEqualTo(SyncRun.Trigger.SCHEDULE);
        assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    }

    @Test
    void anInactiveIntegrationDoesNotRun() {
        install(new PagedAccounts().pages(1, PER_PAGE));

        SyncEngine.Triggered triggered = engine("node-a").trigger(integration.withStatus(Integration.Status.REVOKED),
                SyncRun.Trigger.MANUAL);

        assertThat(triggered.runId()).isEmpty();
        assertThat(triggered.reason()).contains("REVOKED");
    }

    private void install(PagedAccounts connector) {
        source = connector;
        registry.addConnector(connector);
    }

    private SyncEngine engine(String node) {
        return engine(node, Duration.ofHours(1));
    }

    private SyncEngine engine(String node, Duration tick) {
        return engine(node, tick, 2);
    }

    private SyncEngine engine(String node, Duration tick, int maxRuns) {
        SyncSettings settings = new SyncSettings(node, tick, Duration.ofSeconds(30), 3,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), () -> jitter), Duration.ofSeconds(5), 100, 4, maxRuns);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        ContextFactory contexts = (integration, installed) -> {
            ConnectorConfig config = new ConnectorConfig(integration.tenant(), integration.id(), integration.settings(), Set.of());
            Egress egress = new GuardedEgress(installed.spec(), config, http, 100, 4, false, (spec, c, host) -> { });
            return new ConnectorContext() {
                @Override
                public ConnectorConfig config() {
                    return config;
                }

                @Override
                public Egress egress() {
                    return egress;
                }

                @Override
                public String accessToken() throws ConnectorException {
                    throw ConnectorException.unauthorized("no grant in this test");
                }

                @Override
                public SourceFiles files() {
                    return SourceFiles.in(Path.of("target", "no-imports"));
                }
            };
        };
        SyncEngine engine = new SyncEngine(settings, registry, contexts, StoresForTests.tenants(), StoresForTests.integrations(),
                StoresForTests.syncRuns(), StoresForTests.leases(),
                new RecordWriter(StoresForTests.directory(), StoresForTests.opportunities(), StoresForTests.activities(), tone));
        engines.add(engine);
        return engine;
    }

    private SyncRun runToEnd(SyncEngine engine, SyncRun.Trigger trigger) {
        SyncEngine.Triggered triggered = engine.trigger(integration, trigger);
        assertThat(triggered.runId()).as(triggered.reason()).isPresent();
        return awaitEnd(triggered.runId().get());
    }

    private SyncRun awaitEnd(String runId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> StoresForTests.syncRuns().find(tenant, "accounts", runId)
                .filter(run -> run.status() != SyncRun.Status.RUNNING), Optional::isPresent).orElseThrow();
    }

    private Optional<SyncRun> latestRun() {
        return StoresForTests.syncRuns().list(tenant, "accounts", PageRequest.first(1)).items().stream().findFirst();
    }

    private StreamState state() {
        return StoresForTests.integrations().states(tenant, "accounts").get("accounts");
    }

    private long storedAccounts() {
        long stored = 0;
        for (int i = 0; i < source.total(); i++) {
            String id = new SourceRef("accounts", "accounts", "a" + i).entityId();
            if (StoresForTests.directory().findAccount(tenant, AccountId.of(id)).isPresent()) {
                stored++;
            }
        }
        return stored;
    }
}
