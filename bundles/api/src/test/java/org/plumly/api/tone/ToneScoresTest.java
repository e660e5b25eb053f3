package org.plumly.api.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToneScoresTest {

    @Test
    void theMostProbableToneWinsAndTiesAreNeutral() {
        assertThat(new ToneScores(0.05, 0.15, 0.80).tone()).isEqualTo(Tone.NEGATIVE);
        assertThat(new ToneScores(0.70, 0.20, 0.10).tone()).isEqualTo(Tone.POSITIVE);
        assertThat(new ToneScores(0.45, 0.10, 0.45).tone()).isEqualTo(Tone.NEUTRAL);
    }

    @Test
    void probabilitiesMustAddUpToOne() {
        assertThatThrownBy(() -> new ToneScores(0.5, 0.5, 0.5)).hasMessageContaining("add up to 1");
        assertThatThrownBy(() -> new ToneScores(Double.NaN, 0.5, 0.5)).hasMessageContaining("[0, 1]");
        assertThat(new ToneScores(0.2, 0.3, 0.5).probability(Tone.NEUTRAL)).isEqualTo(0.3);
    }
}
