package org.plumly.core.internal.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.plumly.api.SyncRun;
import org.plumly.core.internal.tone.ToneOutcome;

/**
 * The counts, errors and rejections of a run as it goes, and the tone step's work on the mail it stored;
 * makes the {@link SyncRun} to save.
 */
final class RunProgress {
    private final SyncRun started;
    private final Map<String, SyncRun.StreamCounts> streams = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final List<SyncRun.Rejection> rejections = new ArrayList<>();
    private final List<CompletableFuture<ToneOutcome>> tone = new ArrayList<>();

    RunProgress(SyncRun started) {
        this.started = started;
    }

    synchronized void add(String stream, SyncRun.StreamCounts counts) {
        streams.merge(stream, counts, SyncRun.StreamCounts::plus);
    }

    synchronized void error(String message) {
        errors.add(message);
        if (errors.size() > SyncRun.MAX_ERRORS) {
            errors.remove(0);
        }
    }

    synchronized void reject(SyncRun.Rejection rejection) {
        if (rejections.size() < SyncRun.MAX_REJECTIONS) {
            rejections.add(rejection);
        }
    }

    synchronized void toneOf(CompletableFuture<ToneOutcome> batch) {
        tone.add(batch);
    }

    /** The tone step's work on this run's batches: done when all of it is. */
    synchronized List<CompletableFuture<ToneOutcome>> tone() {
        return List.copyOf(tone);
    }

    synchronized SyncRun.StreamCounts counts(String stream) {
        return streams.getOrDefault(stream, SyncRun.StreamCounts.ZERO);
    }

    synchronized SyncRun running() {
        return new SyncRun(started.tenant(), started.integration(), started.id(), started.trigger(), SyncRun.Status.RUNNING,
                started.node(), started.startedAt(), null, streams, errors, rejections);
    }

    synchronized SyncRun finished(SyncRun.Status status, Clock clock) {
        return new SyncRun(started.tenant(), started.integration(), started.id(), started.trigger(), status,
                started.node(), started.startedAt(), clock.instant(), streams, errors, rejections);
    }
}
