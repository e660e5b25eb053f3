package org.plumly.core.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Random random = new Random(42);
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> random);

    @Test
    void eachRetryWaitsBetweenHalfAndAllOfADoublingCeiling() {
        for (int retry = 1; retry <= 6; retry++) {
            long ceiling = 1000L << (retry - 1);
            for (int sample = 0; sample < 50; sample++) {
                assertThat(backoff.delay(retry).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void theWaitNeverExceedsTheMaximumHoweverManyRetries() {
        for (int retry : new int[] {7, 20, 64, 1000}) {
            assertThat(backoff.delay(retry)).isLessThanOrEqualTo(Duration.ofSeconds(60)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        }
    }

    @Test
    void waitsAreJitteredSoThatFailuresDoNotRetryTogether() {
        Set<Long> waits = new HashSet<>();
        for (int sample = 0; sample < 20; sample++) {
            waits.add(backoff.delay(4).toMillis());
        }

        assertThat(waits).hasSizeGreaterThan(10);
    }

    @Test
    void retriesCountFromOne() {
        assertThatThrownBy(() -> backoff.delay(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
