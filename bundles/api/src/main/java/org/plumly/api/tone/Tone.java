package org.plumly.api.tone;

/** The tone of a text. */
public enum Tone {
    POSITIVE, NEUTRAL, NEGATIVE
}
