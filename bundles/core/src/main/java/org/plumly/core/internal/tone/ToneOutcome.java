package org.plumly.core.internal.tone;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the tone step did with a batch of customer mail: how many messages got a stored verdict, which
 * failed and why (activity id and the reason only, never content), and how many were left without a
 * verdict for a reason that is not the message's fault (no extractor or classifier installed, no raw
 * content kept, nothing the sender wrote).
 *
 * @param failures    one line per message: its activity id and what went wrong
 * @param notClassifiedBecause why the {@code notClassified} messages were left, each reason once, in order
 */
public record ToneOutcome(int classified, List<String> failures, int notClassified, Set<String> notClassifiedBecause) {
    public static final ToneOutcome NOTHING = new ToneOutcome(0, List.of(), 0, Set.of());

    public ToneOutcome {
        failures = List.copyOf(failures);
        notClassifiedBecause = Collections.unmodifiableSortedSet(new TreeSet<>(notClassifiedBecause));
    }

    static ToneOutcome notClassified(int messages, String because) {
        return messages == 0 ? NOTHING : new ToneOutcome(0, List.of(), messages, Set.of(because));
    }

    public int failed() {
        return failures.size();
    }

    public int messages() {
        return classified + failed() + notClassified;
    }

    public ToneOutcome plus(ToneOutcome other) {
        List<String> allFailures = new ArrayList<>(failures);
        allFailures.addAll(other.failures);
        Set<String> reasons = new TreeSet<>(notClassifiedBecause);
        reasons.addAll(other.notClassifiedBecause);
        return new ToneOutcome(classified + other.classified, allFailures, notClassified + other.notClassified, reasons);
    }

    /** One line for a log or a run's history: counts and reasons, no content. */
    public String summary() {
        String line = classified + " classified, " + failed() + " failed, " + notClassified + " not classified";
        return notClassifiedBecause.isEmpty() ? line : line + " (" + String.join("; ", notClassifiedBecause) + ")";
    }
}
