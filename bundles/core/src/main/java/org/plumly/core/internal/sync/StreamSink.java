package org.plumly.core.internal.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.CustomerRecord;
import org.plumly.api.RawContent;
import org.plumly.api.SourceRef;
import org.plumly.api.SourcedRecord;
import org.plumly.api.SyncRun;
import org.plumly.api.TenantId;
import org.plumly.api.connector.RecordKind;
import org.plumly.api.connector.RecordSink;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.api.connector.StreamState;
import org.plumly.api.store.IntegrationStore;

/**
 * The {@link RecordSink} of one read of one stream. It checks each record (this tenant, this
 * integration, this stream, the stream's kind), keeps the batch since the last checkpoint, and at each
 * checkpoint stores the batch and then the state: a record counts as delivered only once both are
 * written, so a run that stops loses nothing and the next run resumes from the saved state.
 */
final class StreamSink implements RecordSink {
    private final TenantId tenant;
    private final String integration;
    private final StreamDescriptor stream;
    private final RecordWriter writer;
    private final IntegrationStore states;
    private final RunProgress progress;
    private final BooleanSupplier stopRequested;
    private final Runnable onCheckpoint;

    private final List<CustomerRecord> batch = new ArrayList<>();
    private final Map<ActivityId, RawContent> contents = new HashMap<>();
    private long emitted;
    private long rejected;
    private StreamState saved;

    StreamSink(TenantId tenant, String integration, StreamDescriptor stream, StreamState resumeFrom, RecordWriter writer,
            IntegrationStore states, RunProgress progress, BooleanSupplier stopRequested, Runnable onCheckpoint) {
        this.tenant = tenant;
        this.integration = integration;
        this.stream = stream;
        this.saved = resumeFrom;
        this.writer = writer;
        this.states = states;
        this.progress = progress;
        this.stopRequested = stopRequested;
        this.onCheckpoint = onCheckpoint;
    }

    @Override
    public synchronized void emit(CustomerRecord record) {
        admit(record);
        batch.add(record);
        emitted++;
    }

    @Override
    public synchronized void emit(Activity activity, RawContent content) {
        admit(activity);
        batch.add(activity);
        contents.put(activity.id(), Objects.requireNonNull(content, "content"));
        emitted++;
    }

    @Override
    public synchronized void reject(String location, String reason) {
        rejected++;
        progress.reject(new SyncRun.Rejection(stream.name(), String.valueOf(location), String.valueOf(reason)));
    }

    @Override
    public synchronized void checkpoint(StreamState state) {
        ensureRunning();
        if (!stream.name().equals(state.stream())) {
            throw new RecordRefusedException("checkpoint of stream " + state.stream() + " while reading " + stream.name());
        }
        progress.toneOf(writer.write(tenant, batch, contents));
        states.saveState(tenant, integration, state);
        settle(new SyncRun.StreamCounts(emitted, batch.size(), rejected, 0));
        saved = state;
        onCheckpoint.run();
    }

    @Override
    public boolean stopRequested() {
        return stopRequested.getAsBoolean();
    }

    /** The read returned normally: what it emitted after its last checkpoint is delivered too. */
    synchronized void completed() {
        progress.toneOf(writer.write(tenant, batch, contents));
        settle(new SyncRun.StreamCounts(emitted, batch.size(), rejected, 0));
    }

    /** The read failed or was stopped: what it emitted after its last checkpoint is dropped, to be read again. */
    synchronized void abandoned() {
        settle(new SyncRun.StreamCounts(emitted, 0, rejected, batch.size()));
    }

    /** Where the next read of this stream starts. */
    synchronized StreamState saved() {
        return saved;
    }

    private void settle(SyncRun.StreamCounts counts) {
        progress.add(stream.name(), counts);
        batch.clear();
        contents.clear();
        emitted = 0;
        rejected = 0;
    }

    private void admit(CustomerRecord record) {
        ensureRunning();
        Objects.requireNonNull(record, "record");
        if (!tenant.equals(record.tenant())) {
            throw new RecordRefusedException("a record of another tenant in a sync of tenant " + tenant.value());
        }
        if (RecordKind.of(record).orElse(null) != stream.kind()) {
            throw new RecordRefusedException("stream " + stream.name() + " carries " + stream.kind() + ", not "
                    + record.getClass().getSimpleName());
        }
        SourceRef source = record instanceof SourcedRecord sourced ? sourced.source() : null;
        if (source == null || !integration.equals(source.integration()) || !stream.name().equals(source.stream())) {
            throw new RecordRefusedException("every record of stream " + stream.name() + " carries a source reference of integration "
                    + integration + " and that stream");
        }
    }

    private void ensureRunning() {
        if (stopRequested.getAsBoolean()) {
            throw new CancellationException("the sync of " + integration + " was asked to stop");
        }
    }
}
