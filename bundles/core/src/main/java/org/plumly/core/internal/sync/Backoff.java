package org.plumly.core.internal.sync;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with equal jitter: the n-th retry waits between half and all of base × 2^(n-1),
 * capped, so that many integrations failing together do not retry together.
 *
 * @param random the source of jitter for the calling thread
 */
record Backoff(Duration base, Duration max, Supplier<RandomGenerator> random) {

    Duration delay(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1: " + retry);
        }
        long ceiling = base.toMillis() << Math.min(retry - 1, 30);
        if (ceiling <= 0 || ceiling > max.toMillis()) {
            ceiling = max.toMillis();
        }
        return Duration.ofMillis(ceiling / 2 + random.get().nextLong(ceiling / 2 + 1));
    }
}
