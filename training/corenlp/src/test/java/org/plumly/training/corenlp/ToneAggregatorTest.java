package org.plumly.training.corenlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plumly.training.corenlp.ToneAggregator.SentenceSentiment;
import org.plumly.training.corenlp.ToneAggregator.Tone;

class ToneAggregatorTest {

  private static SentenceSentiment sentence(int tokens, double... p) {
    return new SentenceSentiment(p, tokens);
  }

  @Test
  void oneSentenceCollapsesToThreeClasses() {
    Tone tone = ToneAggregator.aggregate(List.of(sentence(6, 0.05, 0.10, 0.25, 0.40, 0.20)));
    assertEquals("positive", tone.label());
    assertEquals(0.15, tone.negative(), 1e-12);
    assertEquals(0.25, tone.neutral(), 1e-12);
    assertEquals(0.60, tone.positive(), 1e-12);
    // 0*0.05 + 1*0.10 + 2*0.25 + 3*0.40 + 4*0.20
    assertEquals(2.6, tone.score(), 1e-12);
    assertEquals("2.6000", tone.formattedScore());
  }

  @Test
  void sentencesAreWeightedByTokens() {
    // 3 tokens clearly negative, 9 tokens mildly positive: weights 1/4 and 3/4.
    Tone tone = ToneAggregator.aggregate(List.of(
        sentence(3, 0.6, 0.4, 0.0, 0.0, 0.0),
        sentence(9, 0.0, 0.2, 0.3, 0.5, 0.0)));
    assertArrayEquals(new double[] {0.15, 0.25, 0.225, 0.375, 0.0}, tone.distribution(), 1e-12);
    assertEquals("negative", tone.label()); // 0.40 negative vs 0.375 positive
    assertEquals(2, tone.sentences());
  }

  @Test
  void aNeutralMajorityWinsAndTiesGoToNeutral() {
    assertEquals("neutral",
        ToneAggregator.aggregate(List.of(sentence(4, 0.1, 0.2, 0.4, 0.2, 0.1))).label());
    assertEquals("neutral",
        ToneAggregator.aggregate(List.of(sentence(4, 0.0, 0.4, 0.4, 0.2, 0.0))).label());
    assertEquals("negative",
        ToneAggregator.aggregate(List.of(sentence(4, 0.0, 0.4, 0.2, 0.4, 0.0))).label());
  }

  @Test
  void noScoredSentenceIsNeutralAtTheMiddleOfTheScale() {
    Tone tone = ToneAggregator.aggregate(List.of());
    assertEquals("neutral", tone.label());
    assertEquals(2.0, tone.score(), 0);
    assertEquals(0, tone.sentences());
  }

  @Test
  void rejectsAnythingButFiveClasses() {
    assertThrows(IllegalArgumentException.class, () -> sentence(3, 0.5, 0.5));
  }
}
