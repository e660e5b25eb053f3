package org.plumly.core.internal.sync;

import java.time.Duration;

/**
 * How the engine syncs, from {@code etc/org.plumly.sync.cfg}.
 *
 * @param node              this hub node's name in leases and run history
 * @param tick              how often the schedule is checked
 * @param leaseTtl          how long a run's lease lasts unless renewed (renewed every third of it)
 * @param maxAttempts       attempts of a failing stream before the run gives up on it
 * @param backoff           the wait between attempts
 * @param maxRetryWait      the longest Retry-After a run waits for; a longer one ends the stream until the next run
 * @param requestsPerSecond outbound calls per second of one integration
 * @param maxInFlight       outbound calls of one integration at the same time
 * @param maxRuns           runs at the same time on this node
 */
record SyncSettings(String node, Duration tick, Duration leaseTtl, int maxAttempts, Backoff backoff, Duration maxRetryWait,
                    double requestsPerSecond, int maxInFlight, int maxRuns) {
}
