package org.plumly.connector.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import org.plumly.api.Activity;
import org.plumly.api.CustomerRecord;
import org.plumly.api.RawContent;
import org.plumly.api.connector.RecordSink;
import org.plumly.api.connector.StreamState;

/**
 * A {@link RecordSink} that keeps everything a read hands it, in order, for a test to look at. It
 * accepts every record, even an invalid one, so that a test can say what is wrong with it; the sync
 * engine would refuse it. Like the engine's, once a stop is requested it refuses {@code emit} and
 * {@code checkpoint} with a {@link CancellationException}.
 *
 * <pre>{@code
 * RecordingSink sink = new RecordingSink();
 * connector.read(context, StreamState.initial("contacts"), sink);
 * assertThat(sink.records()).hasSize(5);
 * assertThat(sink.endsWithCheckpoint()).isTrue();
 *
 * RecordingSink stopping = RecordingSink.stoppingAfterCheckpoints(1);   // stop requested after the first batch
 * }</pre>
 */
public final class RecordingSink implements RecordSink {
    private final int stopAfterCheckpoints;
    private final List<Event> events = new ArrayList<>();
    private boolean stopWasSeen;
    private int refusedAfterStop;

    /** A sink that never asks the read to stop. */
    public RecordingSink() {
        this(Integer.MAX_VALUE);
    }

    private RecordingSink(int stopAfterCheckpoints) {
        this.stopAfterCheckpoints = stopAfterCheckpoints;
    }

    /** A sink that requests a stop once the read took {@code checkpoints} checkpoints. */
    public static RecordingSink stoppingAfterCheckpoints(int checkpoints) {
        if (checkpoints < 0) {
            throw new IllegalArgumentException("checkpoints must not be negative: " + checkpoints);
        }
        return new RecordingSink(checkpoints);
    }

    @Override
    public synchronized void emit(CustomerRecord record) {
        refuseAfterStop();
        events.add(new Emitted(record, null));
    }

    @Override
    public synchronized void emit(Activity activity, RawContent content) {
        refuseAfterStop();
        events.add(new Emitted(activity, content));
    }

    @Override
    public synchronized void reject(String location, String reason) {
        events.add(new Rejected(location, reason));
    }

    @Override
    public synchronized void checkpoint(StreamState state) {
        refuseAfterStop();
        events.add(new Checkpointed(Objects.requireNonNull(state, "a checkpoint needs a state")));
    }

    @Override
    public synchronized boolean stopRequested() {
        boolean stop = stopIsRequested();
        stopWasSeen |= stop;
        return stop;
    }

    private boolean stopIsRequested() {
        return checkpoints().size() >= stopAfterCheckpoints;
    }

    private void refuseAfterStop() {
        if (stopIsRequested()) {
            refusedAfterStop++;
            throw new CancellationException("the read was asked to stop");
        }
    }

    /** Everything the read did, in order. */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** The records emitted, in order, those with raw content included. */
    public synchronized List<CustomerRecord> records() {
        return events.stream().filter(Emitted.class::isInstance).map(e -> ((Emitted) e).record()).toList();
    }

    public synchronized List<Rejected> rejections() {
        return events.stream().filter(Rejected.class::isInstance).map(Rejected.class::cast).toList();
    }

    public synchronized List<StreamState> checkpoints() {
        return events.stream().filter(Checkpointed.class::isInstance).map(e -> ((Checkpointed) e).state()).toList();
    }

    /** The state a later run resumes from; empty when the read emitted no checkpoint. */
    public synchronized Optional<StreamState> lastCheckpoint() {
        List<StreamState> checkpoints = checkpoints();
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
    }

    /** Whether the last thing the read did was a checkpoint: nothing it emitted is left undelivered. */
    public synchronized boolean endsWithCheckpoint() {
        return !events.isEmpty() && events.get(events.size() - 1) instanceof Checkpointed;
    }

    /** Whether the read asked {@link #stopRequested()} at a time it answered true. */
    public synchronized boolean stopWasSeen() {
        return stopWasSeen;
    }

    /** How many emits and checkpoints came after the stop, and were refused. */
    public synchronized int refusedAfterStop() {
        return refusedAfterStop;
    }

    /** What a read hands its sink. */
    public sealed interface Event permits Emitted, Rejected, Checkpointed {
    }

    /** A record, with its raw content when it came with one. */
    public record Emitted(CustomerRecord record, RawContent content) implements Event {
    }

    /** A source record the connector could not read. */
    public record Rejected(String location, String reason) implements Event {
    }

    /** Everything emitted before it is delivered. */
    public record Checkpointed(StreamState state) implements Event {
    }
}
