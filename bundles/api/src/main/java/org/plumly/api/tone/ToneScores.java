package org.plumly.api.tone;

/**
 * Probabilities of each tone; they add up to 1.
 *
 * <pre>{@code
 * ToneScores scores = new ToneScores(0.05, 0.15, 0.80);
 * scores.tone();   // NEGATIVE
 * }</pre>
 */
public record ToneScores(double positive, double neutral, double negative) {
    private static final double TOLERANCE = 1e-3;

    public ToneScores {
        for (double p : new double[] {positive, neutral, negative}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("a probability must be within [0, 1]: " + p);
            }
        }
        if (Math.abs(positive + neutral + negative - 1) > TOLERANCE) {
            throw new IllegalArgumentException("tone probabilities must add up to 1: " + (positive + neutral + negative));
        }
    }

    /** The most probable tone; neutral on a tie. */
    public Tone tone() {
        if (positive > neutral && positive > negative) {
            return Tone.POSITIVE;
        }
        if (negative > neutral && negative > positive) {
            return Tone.NEGATIVE;
        }
        return Tone.NEUTRAL;
    }

    public double probability(Tone tone) {
        return switch (tone) {
            case POSITIVE -> positive;
            case NEUTRAL -> neutral;
            case NEGATIVE -> negative;
        };
    }
}
