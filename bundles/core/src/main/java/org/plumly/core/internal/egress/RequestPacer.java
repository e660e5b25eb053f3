package org.plumly.core.internal.egress;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one integration's outbound calls within a rate (requests per second, spaced evenly) and a
 * number of calls in flight. Shared by every call of the integration's current run.
 */
final class RequestPacer {
    private final long intervalNanos;
    private final Semaphore inFlight;
    private long nextSlot;

    RequestPacer(double requestsPerSecond, int maxInFlight) {
        if (requestsPerSecond <= 0 || maxInFlight < 1) {
            throw new IllegalArgumentException("rate and concurrency limits must be positive");
        }
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / requestsPerSecond);
        this.inFlight = new Semaphore(maxInFlight, true);
    }

    /** Waits for a free slot within both limits; call {@link #done()} when the call ends. */
    void begin() throws InterruptedException {
        inFlight.acquire();
        try {
            long wait = reserve();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        } catch (InterruptedException e) {
            inFlight.release();
            throw e;
        }
    }

    void done() {
        inFlight.release();
    }

    private synchronized long reserve() {
        long now = System.nanoTime();
        long slot = Math.max(now, nextSlot);
        nextSlot = slot + intervalNanos;
        return slot - now;
    }

    Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }
}
