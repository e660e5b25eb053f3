package org.plumly.demo;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/** The only source of chance in the generator: one seeded stream per purpose, so output depends on the seed alone. */
final class Dice {
    private final RandomGenerator random;

    Dice(long seed, String stream) {
        // String.hashCode is specified, so the stream's seed is the same on every JVM.
        this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed * 0x9E3779B97F4A7C15L + stream.hashCode());
    }

    int between(int low, int highInclusive) {
        return low + random.nextInt(highInclusive - low + 1);
    }

    double unit() {
        return random.nextDouble();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    long nextLong() {
        return random.nextLong();
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    @SafeVarargs
    final <T> T pickOf(T... options) {
        return options[random.nextInt(options.length)];
    }

    <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /** Picks index i with weight weights[i]. */
    int weighted(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double roll = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    String hex(int digits) {
        StringBuilder s = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }
}
