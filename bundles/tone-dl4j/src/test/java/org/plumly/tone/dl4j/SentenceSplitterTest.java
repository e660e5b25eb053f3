package org.plumly.tone.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static List<String> sentences(String text) {
        return SentenceSplitter.split(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void splitsAtFullStopsQuestionsAndExclamations() {
        assertEquals(List.of("Thanks for the call.", "Is Friday fine?", "Great!"),
                sentences("Thanks for the call. Is Friday fine? Great!"));
    }

    @Test
    void aLineBreakEndsASentenceEvenWithoutAFullStop() {
        assertEquals(List.of("Hi Anna,", "the price is a deal breaker for us.", "Best,", "Tom"),
                sentences("Hi Anna,\nthe price is a deal breaker for us.\n\nBest,\nTom\n"));
    }

    @Test
    void boundsAreTrimmedOffsetsIntoTheText() {
        String text = "  First one.   Second one.  ";
        List<SentenceSplitter.Span> spans = SentenceSplitter.split(text);
        assertEquals(List.of(new SentenceSplitter.Span(2, 12), new SentenceSplitter.Span(15, 26)), spans);
    }

    @Test
    void punctuationAndBlankLinesAloneAreNoSentence() {
        assertEquals(List.of(), sentences(" \n--\n...\n\n"));
        assertEquals(List.of(), sentences(""));
    }

    @Test
    void commonAbbreviationsDoNotEndASentence() {
        assertEquals(List.of("Mr. Patel signed the order at 3 p.m. today.", "Thanks!"),
                sentences("Mr. Patel signed the order at 3 p.m. today. Thanks!"));
    }
}
