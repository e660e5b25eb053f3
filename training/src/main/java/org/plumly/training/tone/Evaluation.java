package org.plumly.training.tone;

import java.util.List;
import org.plumly.api.tone.Tone;
import org.plumly.api.tone.ToneVerdict;
import org.plumly.tone.dl4j.ToneModel;

/** The shipped model's answers on a set of labelled sentences, each classified as a message of its own. */
final class Evaluation {
    static final int MAX_SENTENCES = 200;
    static final int MAX_SENTENCE_CHARS = 1000;

    record Result(List<Tone> answers, Figures figures, double seconds) {
    }

    private Evaluation() {
    }

    static Result of(ToneModel model, List<LabelledSentence> sentences) {
        List<String> texts = sentences.stream().map(LabelledSentence::text).toList();
        long started = System.nanoTime();
        List<ToneVerdict> verdicts = model.classify(texts, MAX_SENTENCES, MAX_SENTENCE_CHARS);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Tone> answers = verdicts.stream().map(ToneVerdict::tone).toList();
        return new Result(answers, Figures.of(sentences.stream().map(LabelledSentence::label).toList(), answers), seconds);
    }
}
