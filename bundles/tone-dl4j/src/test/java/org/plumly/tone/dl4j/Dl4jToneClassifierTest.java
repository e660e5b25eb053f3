package org.plumly.tone.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plumly.api.tone.SentenceTone;
import org.plumly.api.tone.Tone;
import org.plumly.api.tone.ToneVerdict;

/** The component with the model this bundle ships. */
class Dl4jToneClassifierTest {
    private static Dl4jToneClassifier classifier;

    static Dl4jToneClassifier.Config config(int threads, int maxSentences, int maxSentenceChars) {
        return new Dl4jToneClassifier.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return Dl4jToneClassifier.Config.class;
            }

            @Override
            public int threads() {
                return threads;
            }

            @Override
            public int maxSentences() {
                return maxSentences;
            }

            @Override
            public int maxSentenceChars() {
                return maxSentenceChars;
            }
        };
    }

    @BeforeAll
    static void loadTheShippedModel() {
        classifier = new Dl4jToneClassifier(config(1, 200, 1000));
    }

    @Test
    void aPlainRequestIsNeutral() {
        assertEquals(Tone.NEUTRAL, classifier.classify("Please send the updated quote by Friday.").tone());
    }

    @Test
    void choosingAnotherVendorIsNegative() {
        assertEquals(Tone.NEGATIVE, classifier.classify("We've decided to go with another vendor.").tone());
    }

    @Test
    void praiseIsPositive() {
        assertEquals(Tone.POSITIVE, classifier.classify("The team loved the demo, this is exactly what we were looking for!").tone());
    }

    @Test
    void oneNegativeSentenceIsNotDrownedByGreetingsAndLogistics() {
        String mail = "Hi Anna,\nThanks for sending the proposal over.\nHonestly, the price is well above what we budgeted "
                + "and I'm worried we can't justify it.\nLet's talk on Thursday.\nBest,\nTom";
        ToneVerdict verdict = classifier.classify(mail);
        assertEquals(Tone.NEGATIVE, verdict.tone());
        SentenceTone worst = verdict.sentences().stream()
                .max(Comparator.comparingDouble(s -> s.scores().negative())).orElseThrow();
        assertTrue(worst.sentence().startsWith("Honestly, the price"), worst.sentence());
    }

    @Test
    void sentencesCarryTheirOffsetsInTheText() {
        String text = "Thanks for the call. Can we move our meeting to 3pm?";
        ToneVerdict verdict = classifier.classify(text);
        assertEquals(2, verdict.sentences().size());
        for (SentenceTone sentence : verdict.sentences()) {
            assertEquals(sentence.sentence(), text.substring(sentence.start(), sentence.end()));
        }
        assertTrue(verdict.model().startsWith("tone-dl4j "), verdict.model());
    }

    @Test
    void classifyingSeveralAnswersInOrderAsOneByOne() {
        List<String> texts = List.of("We love it.", "Attached is the security questionnaire.",
                "This is the third time the export failed this week.");
        List<ToneVerdict> together = classifier.classifyAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(classifier.classify(texts.get(i)).scores().negative(), together.get(i).scores().negative(), 1e-6);
        }
    }

    @Test
    void anEmptyMessageIsNeutralWithNoSentences() {
        ToneVerdict verdict = classifier.classify(" \n ");
        assertEquals(Tone.NEUTRAL, verdict.tone());
        assertEquals(List.of(), verdict.sentences());
    }

    @Test
    void onlyTheFirstSentencesOfALongMessageAreScored() {
        Dl4jToneClassifier firstTwo = new Dl4jToneClassifier(config(1, 2, 1000));
        assertEquals(2, firstTwo.classify("One here. Two here. Three here. Four here.").sentences().size());
    }

    @Test
    void limitsBelowOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Dl4jToneClassifier(config(0, 200, 1000)));
        assertThrows(IllegalArgumentException.class, () -> new Dl4jToneClassifier(config(1, 0, 1000)));
    }
}
