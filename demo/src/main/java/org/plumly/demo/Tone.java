package org.plumly.demo;

/** The mood of a thread's phase, as a tone classifier should hear it. */
enum Tone {
    ENTHUSIASTIC,
    NEUTRAL,
    WORRIED,
    FRUSTRATED,
    /** the customer stopped answering; the rep keeps writing */
    GOING_QUIET
}
