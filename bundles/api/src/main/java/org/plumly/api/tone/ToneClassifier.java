package org.plumly.api.tone;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Classifies the tone of messages. Register one as an OSGi service; the pipeline calls it from a
 * worker thread with the text the sender wrote this time (see {@link org.plumly.api.content.ExtractedContent#authoredText()}).
 *
 * <pre>{@code
 * ToneVerdict verdict = classifier.classify("Thanks for the call. Honestly, the price is a deal breaker for us.");
 * if (verdict.tone() == Tone.NEGATIVE) { ... verdict.sentences() ... }
 * }</pre>
 */
@ConsumerType
public interface ToneClassifier {

    ToneVerdict classify(String text);

    /** Classifies several texts at once, which a model may do faster; answers in the same order. */
    default List<ToneVerdict> classifyAll(List<String> texts) {
        return texts.stream().map(this::classify).toList();
    }
}
