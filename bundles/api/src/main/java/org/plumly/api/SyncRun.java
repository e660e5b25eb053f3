package org.plumly.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of an integration's sync: why it ran, how it ended, and what it read, per stream. Run history
 * is operational data: counts, ids and reasons, never record content.
 *
 * <pre>{@code
 * SyncRun run = SyncRun.started(acme, "acme-mail", "20261125T140312.123Z-3f9a", SyncRun.Trigger.MANUAL, "node-1", now);
 * }</pre>
 *
 * @param id         sortable by start: newer runs have greater ids
 * @param node       the hub node that held the integration's lease
 * @param finishedAt null while running
 * @param streams    counts by stream name
 * @param errors     what went wrong, newest last; at most {@value #MAX_ERRORS}
 * @param rejections source records that could not be read; at most {@value #MAX_REJECTIONS} (the counts hold all)
 */
public record SyncRun(TenantId tenant, String integration, String id, Trigger trigger, Status status, String node,
                      Instant startedAt, Instant finishedAt, Map<String, StreamCounts> streams, List<String> errors,
                      List<Rejection> rejections) implements CustomerRecord {
    public static final int MAX_ERRORS = 20;
    public static final int MAX_REJECTIONS = 100;

    public SyncRun {
        Objects.requireNonNull(tenant, "tenant");
        Ids.check(integration, "integration id");
        Ids.check(id, "run id");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(status, "status");
        Ids.check(node, "node");
        Objects.requireNonNull(startedAt, "started at");
        if ((finishedAt == null) != (status == Status.RUNNING)) {
            throw new IllegalArgumentException("a run has a finish time exactly when it is no longer running");
        }
        streams = Map.copyOf(streams);
        errors = List.copyOf(errors.size() > MAX_ERRORS ? errors.subList(errors.size() - MAX_ERRORS, errors.size()) : errors);
        rejections = List.copyOf(rejections.size() > MAX_REJECTIONS ? rejections.subList(0, MAX_REJECTIONS) : rejections);
    }

    public static SyncRun started(TenantId tenant, String integration, String id, Trigger trigger, String node, Instant at) {
        return new SyncRun(tenant, integration, id, trigger, Status.RUNNING, node, at, null, Map.of(), List.of(), List.of());
    }

    /** The counts of all streams together. */
    public StreamCounts total() {
        return streams.values().stream().reduce(StreamCounts.ZERO, StreamCounts::plus);
    }

    /** Why a run started. */
    public enum Trigger {
        SCHEDULE, MANUAL,
        /** The connector came back after it stopped a run mid-way. */
        RESUME
    }

    /** How a run ended. */
    public enum Status {
        RUNNING,
        /** Every stream was read to its end. */
        SUCCEEDED,
        /** Stopped at its last checkpoint (connector stopped or updated, integration revoked, hub stopping); resumes from there. */
        INTERRUPTED,
        /** A stream failed after its retries; the others may have been read. */
        FAILED
    }

    /**
     * What a run did with one stream's records.
     *
     * @param emitted   records the connector emitted
     * @param stored    records stored, each once, at a checkpoint
     * @param rejected  source records the connector could not read
     * @param discarded records emitted after the last checkpoint of a run that stopped: read again next run
     */
    public record StreamCounts(long emitted, long stored, long rejected, long discarded) {
        public static final StreamCounts ZERO = new StreamCounts(0, 0, 0, 0);

        public StreamCounts plus(StreamCounts other) {
            return new StreamCounts(emitted + other.emitted, stored + other.stored, rejected + other.rejected,
                    discarded + other.discarded);
        }
    }

    /**
     * A source record a connector rejected.
     *
     * @param location where it is in the source, such as {@code accounts.csv row 17}
     * @param reason   what is wrong, without personal data
     */
    public record Rejection(String stream, String location, String reason) {
        public Rejection {
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
