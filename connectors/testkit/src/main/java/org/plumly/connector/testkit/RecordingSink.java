package org.plumly.connector.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.plumly.api.Activity;
import org.plumly.api.CustomerRecord;
import org.plumly.api.RawContent;
import org.plumly.api.connector.RecordSink;
import org.plumly.api.connector.StreamState;

/**
 * A {@link RecordSink} that keeps everything a read hands it, in order, for a test to look at. It
 * accepts every record, even an invalid one, so that a test can say what is wrong with it; the sync
 * engine would refuse it.
 *
 * <pre>{@code
 * RecordingSink sink = new RecordingSink();
 * connector.read(context, StreamState.initial("contacts"), sink);
 * assertThat(sink.records()).hasSize(5);
 * assertThat(sink.endsWithCheckpoint()).isTrue();
 *
 * RecordingSink stopping = RecordingSink.stoppingAfter(1);   // stopRequested() once a record came
 * }</pre>
 */
public final class RecordingSink implements RecordSink {
    private final int stopAfterRecords;
    private final List<Event> events = new ArrayList<>();
    private int recordsWhenStopWasFirstSeen = -1;

    /** A sink that never asks the read to stop. */
    public RecordingSink() {
        this(Integer.MAX_VALUE);
    }

    private RecordingSink(int stopAfterRecords) {
        this.stopAfterRecords = stopAfterRecords;
    }

    /** A sink whose {@link #stopRequested()} turns true once {@code records} records were emitted. */
    public static RecordingSink stoppingAfter(int records) {
        if (records < 0) {
            throw new IllegalArgumentException("records must not be negative: " + records);
        }
        return new RecordingSink(records);
    }

    @Override
    public synchronized void emit(CustomerRecord record) {
        events.add(new Emitted(record, null));
    }

    @Override
    public synchronized void emit(Activity activity, RawContent content) {
        events.add(new Emitted(activity, content));
    }

    @Override
    public synchronized void reject(String location, String reason) {
        events.add(new Rejected(location, reason));
    }

    @Override
    public synchronized void checkpoint(StreamState state) {
        events.add(new Checkpointed(Objects.requireNonNull(state, "a checkpoint needs a state")));
    }

    @Override
    public synchronized boolean stopRequested() {
        boolean stop = records().size() >= stopAfterRecords;
        if (stop && recordsWhenStopWasFirstSeen < 0) {
            recordsWhenStopWasFirstSeen = records().size();
        }
        return stop;
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
        return recordsWhenStopWasFirstSeen >= 0;
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
