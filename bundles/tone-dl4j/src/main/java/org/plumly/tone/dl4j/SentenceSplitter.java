package org.plumly.tone.dl4j;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a message into the sentences that are scored one by one. A line break also ends a sentence:
 * mail puts a greeting, a sign-off or a list item on a line of its own without a full stop.
 */
public final class SentenceSplitter {
    /** A sentence's bounds in the text: {@code [start, end)}, trimmed. */
    public record Span(int start, int end) {
    }

    private static final Set<String> TITLES = Set.of("mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "vs.", "no.", "approx.");

    private SentenceSplitter() {
    }

    public static List<Span> split(String text) {
        List<Span> spans = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            splitLine(text, lineStart, lineEnd, spans);
            lineStart = lineEnd + 1;
        }
        return spans;
    }

    private static void splitLine(String text, int from, int to, List<Span> spans) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(text.substring(from, to));
        int start = sentences.first();
        for (int end = sentences.next(); end != BreakIterator.DONE; end = sentences.next()) {
            if (end < to - from && endsWithTitle(text, from + start, from + end)) {
                continue; // "Mr. Patel": the JDK's rules end a sentence after the title
            }
            int s = from + start;
            int e = from + end;
            start = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (hasWord(text, s, e)) {
                spans.add(new Span(s, e));
            }
        }
    }

    private static boolean endsWithTitle(String text, int start, int end) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        int s = e - 1;
        while (s > start && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        return s >= start && TITLES.contains(text.substring(s, e).toLowerCase(Locale.ROOT));
    }

    private static boolean hasWord(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
