package org.plumly.api.insight;

import java.util.List;
import java.util.Objects;

import org.plumly.api.Evidence;
import org.plumly.api.Severity;

/**
 * What an algorithm found on an opportunity. The engine opens an insight for a new finding, updates
 * the open one for a repeated finding, and resolves the open insight when the algorithm finds nothing
 * any more. A finding whose evidence a user dismissed is not raised again.
 *
 * @param explanation one or two sentences for the rep, naming what was seen and what is missing
 * @param evidence    what it rests on; never empty
 */
public record Finding(Severity severity, String explanation, List<Evidence> evidence) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(explanation, "explanation");
        if (explanation.isBlank()) {
            throw new IllegalArgumentException("a finding needs an explanation");
        }
        evidence = List.copyOf(evidence);
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("a finding needs evidence");
        }
    }
}
