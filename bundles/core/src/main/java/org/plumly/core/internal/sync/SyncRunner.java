package org.plumly.core.internal.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.plumly.api.Integration;
import org.plumly.api.SyncRun;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.api.connector.StreamState;
import org.plumly.api.store.IntegrationStore;
import org.plumly.api.store.Lease;
import org.plumly.api.store.LeaseStore;
import org.plumly.api.store.StoreUnavailableException;
import org.plumly.api.store.SyncRunStore;
import org.plumly.core.internal.connectors.ConnectorRegistry;
import org.plumly.core.internal.tone.ToneOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one integration, on a thread of the engine's pool, while it holds the integration's lease:
 * discover the streams, read each from its saved state, store batch by batch, retry what fails for a
 * while, and write the run's history as it goes. {@link #stop} ends it at its last checkpoint.
 */
final class SyncRunner implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncRunner.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    private static final int TONE_FAILURES_LISTED = 5;

    private final Integration integration;
    private final ConnectorRegistry.Installed connector;
    private final ContextFactory contexts;
    private final Stores stores;
    private final SyncSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Lease lease;
    private final RunProgress progress;
    private final Outcome outcome;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    /** Completed by {@link #stop}: what a wait for the tone step gives up on. */
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile String stopReason;
    private long lastProgressWrite;
    private volatile long leaseHeldUntil;

    SyncRunner(Integration integration, ConnectorRegistry.Installed connector, ContextFactory contexts, Stores stores,
            SyncSettings settings, Clock clock, ScheduledExecutorService timers, Lease lease, SyncRun started, Outcome outcome) {
        this.integration = integration;
        this.connector = connector;
        this.contexts = contexts;
        this.stores = stores;
        this.settings = settings;
        this.clock = clock;
        this.timers = timers;
        this.lease = lease;
        this.progress = new RunProgress(started);
        this.outcome = outcome;
        this.leaseHeldUntil = lease.expiresAt().toEpochMilli();
    }

    String runId() {
        return progress.running().id();
    }

    String connectorType() {
        return connector.spec().type();
    }

    /** Asks the run to end at its last checkpoint; returns at once. */
    void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        stopSignal.countDown();
        stopped.complete(null);
    }

    boolean stopping() {
        return stopSignal.getCount() == 0;
    }

    @Override
    public void run() {
        ScheduledFuture<?> renewal = timers.scheduleAtFixedRate(this::renewLease, settings.leaseTtl().toMillis() / 3,
                settings.leaseTtl().toMillis() / 3, TimeUnit.MILLISECONDS);
        SyncRun.Status status = SyncRun.Status.FAILED;
        try {
            status = readAll();
        } catch (RuntimeException unexpected) {
            LOG.error("Sync run {} of {} failed", runId(), integration.id(), unexpected);
            progress.error("the run failed: " + describe(unexpected));
        } finally {
            try {
                recordTone();
            } catch (RuntimeException unexpected) {
                LOG.error("Could not record the tone of sync run {} of {}", runId(), integration.id(), unexpected);
            }
            renewal.cancel(false);
            if (stopping()) {
                progress.error("stopped at the last checkpoint: " + stopReason);
                status = SyncRun.Status.INTERRUPTED;
            }
            SyncRun finished = progress.finished(status, clock);
            // Lease and engine let go before the run is seen as ended: whoever sees it ended may start the next.
            release();
            outcome.ended(integration, finished, stopReason);
            saveRun(finished);
            LOG.info("Sync run {} of {}/{} ended {}: {}", finished.id(), integration.tenant().value(), integration.id(),
                    finished.status(), finished.total());
            this.finished.countDown();
        }
    }

    /**
     * Waits for the tone step to finish the mail this run stored (the lease is renewed meanwhile), so that
     * the run's history says what became of it: each message that failed, and how many were left without a
     * verdict and why. A run asked to stop does not wait; its mail is classified all the same.
     */
    private void recordTone() {
        List<CompletableFuture<ToneOutcome>> batches = progress.tone();
        CompletableFuture<Void> all = CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new));
        CompletableFuture.anyOf(all, stopped).join();
        ToneOutcome outcome = batches.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join)
                .reduce(ToneOutcome.NOTHING, ToneOutcome::plus);
        // A few by name: the history keeps the last errors only, and the run's own must not be pushed out.
        outcome.failures().stream().limit(TONE_FAILURES_LISTED).forEach(failure -> progress.error("tone: " + failure));
        if (outcome.failed() > TONE_FAILURES_LISTED) {
            progress.error("tone: " + (outcome.failed() - TONE_FAILURES_LISTED) + " more customer e-mails failed; the hub's log names each");
        }
        if (outcome.notClassified() > 0) {
            progress.error("tone: " + outcome.notClassified() + " customer e-mails stored without a tone verdict: "
                    + String.join("; ", outcome.notClassifiedBecause()) + " (plumly:tone-backlog classifies them later)");
        }
        long pending = batches.stream().filter(batch -> !batch.isDone()).count();
        if (pending > 0) {
            progress.error("tone: " + pending + " batches of customer e-mail were still being classified when the run stopped");
        }
        if (outcome.messages() > 0 || pending > 0) {
            LOG.info("Sync run {} of {}/{}: tone of customer e-mail: {}", runId(), integration.tenant().value(), integration.id(),
                    outcome.summary());
        }
    }

    /** Waits for the run to end; true when it did within {@code wait}. */
    boolean awaitEnd(Duration wait) throws InterruptedException {
        return finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private SyncRun.Status readAll() {
        ConnectorContext context;
        List<StreamDescriptor> streams;
        try {
            context = contexts.create(integration, connector);
            streams = withRetries("discover", () -> connector.connector().discover(context));
        } catch (ConnectorException e) {
            failed("discover", e);
            return SyncRun.Status.FAILED;
        }
        boolean allRead = true;
        for (StreamDescriptor stream : streams) {
            if (stopping()) {
                break;
            }
            allRead &= readStream(context, stream);
        }
        return allRead ? SyncRun.Status.SUCCEEDED : SyncRun.Status.FAILED;
    }

    private boolean readStream(ConnectorContext context, StreamDescriptor stream) {
        StreamState state = savedState(stream.name());
        for (int attempt = 1; ; attempt++) {
            StreamSink sink = new StreamSink(integration.tenant(), integration.id(), stream, state, stores.writer(),
                    stores.integrations(), progress, this::stopping, this::checkpointed);
            try {
                connector.connector().read(context, state, sink);
                if (stopping()) {
                    sink.abandoned();
                    return true;
                }
                sink.completed();
                return true;
            } catch (CancellationException stopped) {
                sink.abandoned();
                return true;
            } catch (ConnectorException e) {
                sink.abandoned();
                state = sink.saved();
                Optional<Duration> wait = retryWait(e, attempt);
                if (wait.isEmpty()) {
                    failed("stream " + stream.name(), e);
                    return false;
                }
                LOG.info("Sync of {}/{} stream {}: {} ({}); retry {} in {} ms", integration.tenant().value(), integration.id(),
                        stream.name(), e.getMessage(), e.kind(), attempt, wait.get().toMillis());
                if (waitOrStop(wait.get())) {
                    return true;
                }
            } catch (StoreUnavailableException e) {
                sink.abandoned();
                state = sink.saved();
                if (attempt >= settings.maxAttempts()) {
                    progress.error("stream " + stream.name() + ": the store stayed unavailable: " + e.getMessage());
                    return false;
                }
                LOG.warn("Sync of {}/{} stream {}: store unavailable; retry {} from the last checkpoint", integration.tenant().value(),
                        integration.id(), stream.name(), attempt);
                if (waitOrStop(settings.backoff().delay(attempt))) {
                    return true;
                }
            } catch (RuntimeException bug) {
                sink.abandoned();
                LOG.error("Connector {} failed reading stream {} of {}", connectorType(), stream.name(), integration.id(), bug);
                progress.error("stream " + stream.name() + ": the connector failed: " + describe(bug));
                return false;
            }
        }
    }

    /** How long to wait before the next attempt, or empty when the failure is not worth retrying now. */
    private Optional<Duration> retryWait(ConnectorException e, int attempt) {
        if (attempt >= settings.maxAttempts()) {
            return Optional.empty();
        }
        return switch (e.kind()) {
            case TRANSIENT -> Optional.of(settings.backoff().delay(attempt));
            case RATE_LIMITED -> e.retryAfter().compareTo(settings.maxRetryWait()) <= 0
                    ? Optional.of(e.retryAfter()) : Optional.empty();
            case UNAUTHORIZED, MISCONFIGURED, INVALID_STATE -> Optional.empty();
        };
    }

    private <T> T withRetries(String what, ConnectorCall<T> call) throws ConnectorException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (ConnectorException e) {
                Optional<Duration> wait = retryWait(e, attempt);
                if (wait.isEmpty() || waitOrStop(wait.get())) {
                    throw e;
                }
                LOG.info("Sync of {}: {} failed ({}); retry {}", integration.id(), what, e.kind(), attempt);
            }
        }
    }

    /** Waits, unless a stop comes first: then true. */
    private boolean waitOrStop(Duration wait) {
        try {
            return stopSignal.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop("the hub is stopping");
            return true;
        }
    }

    private void failed(String where, ConnectorException e) {
        progress.error(where + ": " + e.getMessage() + " (" + e.kind() + ")");
        if (e.kind() == ConnectorException.Kind.UNAUTHORIZED) {
            outcome.unauthorized(integration, e.getMessage());
        }
    }

    private StreamState savedState(String stream) {
        Map<String, StreamState> saved = stores.integrations().states(integration.tenant(), integration.id());
        return saved.getOrDefault(stream, StreamState.initial(stream));
    }

    private void checkpointed() {
        long now = clock.millis();
        if (now - lastProgressWrite >= PROGRESS_EVERY.toMillis()) {
            lastProgressWrite = now;
            saveRun(progress.running());
        }
    }

    private void renewLease() {
        try {
            Optional<Lease> renewed = stores.leases().renew(lease, settings.leaseTtl());
            if (renewed.isEmpty()) {
                stop("its lease was lost to another node");
                return;
            }
            leaseHeldUntil = renewed.get().expiresAt().toEpochMilli();
            // Another node may have revoked or paused the integration: its runs here end within a renewal.
            if (stores.integrations().find(integration.tenant(), integration.id()).filter(Integration::active).isEmpty()) {
                stop("the integration is no longer active");
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not renew the sync lease of {}: {}", integration.id(), e.getMessage());
            // Stop well before the lease can lapse, so that another node never syncs the integration alongside.
            if (clock.millis() > leaseHeldUntil - settings.leaseTtl().toMillis() / 3) {
                stop("its lease could not be renewed");
            }
        }
    }

    private void release() {
        try {
            stores.leases().release(lease);
        } catch (RuntimeException e) {
            LOG.warn("Could not release the sync lease of {}; it lapses by itself: {}", integration.id(), e.getMessage());
        }
    }

    private void saveRun(SyncRun run) {
        try {
            stores.runs().put(run);
        } catch (RuntimeException e) {
            LOG.warn("Could not save the history of sync run {} of {}: {}", run.id(), integration.id(), e.getMessage());
        }
    }

    /**
     * What a run's history says about an unexpected failure: the hub's own refusal of a record says why;
     * any other exception only its type and an error id to find it in the log, since its message may
     * quote record content.
     */
    private static String describe(RuntimeException e) {
        if (e instanceof RecordRefusedException refused) {
            return refused.getMessage();
        }
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        LOG.warn("Sync error id {}", errorId, e);
        return e.getClass().getSimpleName() + " (error id " + errorId + " in the hub's log)";
    }

    /** What a run needs to store and to record. */
    record Stores(RecordWriter writer, IntegrationStore integrations, SyncRunStore runs, LeaseStore leases) {
    }

    /** Told how a run ended. */
    interface Outcome {
        void ended(Integration integration, SyncRun run, String stopReason);

        void unauthorized(Integration integration, String reason);
    }

    @FunctionalInterface
    private interface ConnectorCall<T> {
        T call() throws ConnectorException;
    }
}
