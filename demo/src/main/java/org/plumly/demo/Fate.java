package org.plumly.demo;

/** How a deal's story goes: how it closed, or for an open one, what an insight should notice about it. */
enum Fate {
    WON,
    LOST,
    /** open, with a meeting booked in the coming weeks */
    HEALTHY,
    /** open and talking, but the last call is past and nothing follows it */
    FOLLOW_UP_GAP,
    /** open, stuck in its stage for months */
    STALLED,
    /** open, the customer stopped answering while the rep keeps writing */
    GOING_QUIET;

    boolean isOpen() {
        return this != WON && this != LOST;
    }
}
