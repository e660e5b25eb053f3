package org.plumly.training.tone;

import java.util.List;
import org.plumly.api.tone.Tone;
import org.plumly.api.tone.ToneVerdict;
import org.plumly.tone.dl4j.ToneModel;

/**
 * The shipped model's answers on a set of labelled sentences, each classified as a message of its own.
 * On a set labelled only positive or negative (the UCI reviews) every system is asked for its polarity,
 * since "neutral" is no answer there: the model's is the more probable of positive and negative.
 */
final class Evaluation {
    static final int MAX_SENTENCES = 200;
    static final int MAX_SENTENCE_CHARS = 1000;

    record Result(List<Tone> answers, Figures figures, double seconds) {
    }

    private Evaluation() {
    }

    /** Whether the set has no neutral label, so that answers are scored as polarity. */
    static boolean polarOnly(List<LabelledSentence> sentences) {
        return sentences.stream().noneMatch(s -> s.label() == Tone.NEUTRAL);
    }

    static Result of(ToneModel model, List<LabelledSentence> sentences) {
        List<String> texts = sentences.stream().map(LabelledSentence::text).toList();
        long started = System.nanoTime();
        List<ToneVerdict> verdicts = model.classify(texts, MAX_SENTENCES, MAX_SENTENCE_CHARS);
        double seconds = (System.nanoTime() - started) / 1e9;
        boolean polarity = polarOnly(sentences);
        List<Tone> answers = verdicts.stream()
                .map(v -> polarity ? (v.scores().positive() >= v.scores().negative() ? Tone.POSITIVE : Tone.NEGATIVE) : v.tone())
                .toList();
        return new Result(answers, Figures.of(sentences.stream().map(LabelledSentence::label).toList(), answers), seconds);
    }
}
