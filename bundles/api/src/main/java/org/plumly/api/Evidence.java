package org.plumly.api;

import java.util.Objects;

/**
 * What an insight rests on, so a person can check it: an activity, the opportunity itself, or a
 * sentence of a message.
 *
 * @param reference the id of the activity or opportunity
 * @param quote     the sentence or fact quoted, or null
 */
public record Evidence(Kind kind, String reference, String quote) {
    public Evidence {
        Objects.requireNonNull(kind, "kind");
        Ids.check(reference, "evidence reference");
    }

    /** What {@link #reference()} points to. */
    public enum Kind {
        ACTIVITY, OPPORTUNITY, SENTENCE
    }
}
