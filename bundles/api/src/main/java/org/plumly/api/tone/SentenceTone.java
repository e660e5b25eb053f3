package org.plumly.api.tone;

import java.util.Objects;

/**
 * The tone of one sentence of a classified text.
 *
 * @param start offset of the sentence's first character in the classified text
 * @param end   offset just after its last character
 */
public record SentenceTone(String sentence, int start, int end, ToneScores scores) {
    public SentenceTone {
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(scores, "scores");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad sentence bounds [" + start + ", " + end + ")");
        }
    }
}
