package org.plumly.api.tone;

import java.util.List;
import java.util.Objects;

/**
 * A classifier's answer for one message: the tone of the whole and of each sentence.
 *
 * @param scores    of the message as a whole
 * @param sentences each sentence in text order
 * @param model     which model answered, such as {@code tone-dl4j 0.1.0 (2026-11-20)}; kept with the verdict
 */
public record ToneVerdict(ToneScores scores, List<SentenceTone> sentences, String model) {
    public ToneVerdict {
        Objects.requireNonNull(scores, "scores");
        sentences = List.copyOf(sentences);
        Objects.requireNonNull(model, "model");
    }

    public Tone tone() {
        return scores.tone();
    }
}
