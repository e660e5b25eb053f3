package org.plumly.training.tone;

import java.util.Objects;
import org.plumly.api.tone.Tone;

/**
 * One labelled sentence of a training corpus.
 *
 * @param id     where it comes from, such as {@code uci/yelp.json#17} or {@code sales-mail/pricing-and-contracts.tsv:42}
 * @param corpus {@link Corpora#UCI} or {@link Corpora#SALES_MAIL}
 */
public record LabelledSentence(String id, String corpus, Tone label, String text) {
    public LabelledSentence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(label, "label");
        if (text == null || text.isBlank() || text.indexOf('\t') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(id + ": a sentence must be one line of text without tabs");
        }
    }
}
