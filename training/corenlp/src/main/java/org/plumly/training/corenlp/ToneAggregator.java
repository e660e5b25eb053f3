package org.plumly.training.corenlp;

import java.util.List;
import java.util.Locale;

/**
 * Turns CoreNLP's per-sentence 5-class sentiment distributions into one 3-class tone for a
 * message.
 *
 * <p>The sentences' distributions (very negative, negative, neutral, positive, very positive)
 * are averaged, each weighted by its length in tokens; the average is then collapsed to
 * P(negative) = p0 + p1, P(neutral) = p2, P(positive) = p3 + p4 and the label is the argmax
 * (a tie goes to neutral, then negative). The score is the expected class of the averaged
 * distribution on CoreNLP's 0..4 scale (0 = very negative, 2 = neutral, 4 = very positive).
 */
public final class ToneAggregator {

  /** Number of classes of CoreNLP's sentiment model. */
  public static final int CLASSES = 5;

  /** One sentence's distribution over the five classes and its length in tokens. */
  public record SentenceSentiment(double[] probabilities, int tokens) {
    public SentenceSentiment {
      if (probabilities.length != CLASSES) {
        throw new IllegalArgumentException(
            "expected " + CLASSES + " class probabilities, got " + probabilities.length);
      }
      if (tokens < 0) {
        throw new IllegalArgumentException("negative token count " + tokens);
      }
      probabilities = probabilities.clone();
    }
  }

  /**
   * A message's tone.
   *
   * @param label {@code positive}, {@code neutral} or {@code negative}
   * @param score expected class on the 0..4 scale
   * @param distribution the averaged 5-class distribution (all 0.2 when no sentence was scored)
   * @param sentences how many sentences contributed
   */
  public record Tone(String label, double score, double[] distribution, int sentences) {

    public double negative() {
      return distribution[0] + distribution[1];
    }

    public double neutral() {
      return distribution[2];
    }

    public double positive() {
      return distribution[3] + distribution[4];
    }

    /** The score as written to the output file. */
    public String formattedScore() {
      return String.format(Locale.ROOT, "%.4f", score);
    }
  }

  private ToneAggregator() {}

  /**
   * Aggregates a message's sentences. A message without any scored sentence (empty text, or
   * sentences CoreNLP could not parse) is neutral with score 2.
   */
  public static Tone aggregate(List<SentenceSentiment> sentences) {
    double[] sum = new double[CLASSES];
    double weight = 0;
    int used = 0;
    for (SentenceSentiment sentence : sentences) {
      // A sentence always has at least one token in practice; weigh it at least 1 anyway so
      // that a sentence CoreNLP scored is never silently dropped.
      double w = Math.max(1, sentence.tokens());
      double[] p = sentence.probabilities();
      for (int k = 0; k < CLASSES; k++) {
        sum[k] += w * p[k];
      }
      weight += w;
      used++;
    }
    double[] average = new double[CLASSES];
    if (used == 0) {
      java.util.Arrays.fill(average, 1.0 / CLASSES);
    } else {
      for (int k = 0; k < CLASSES; k++) {
        average[k] = sum[k] / weight;
      }
    }
    double score = 0;
    for (int k = 0; k < CLASSES; k++) {
      score += k * average[k];
    }
    double negative = average[0] + average[1];
    double neutral = average[2];
    double positive = average[3] + average[4];
    String label;
    if (used == 0 || (neutral >= negative && neutral >= positive)) {
      label = "neutral";
    } else if (negative >= positive) {
      label = "negative";
    } else {
      label = "positive";
    }
    return new Tone(label, used == 0 ? 2.0 : score, average, used);
  }
}
