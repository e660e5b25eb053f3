package org.plumly.extract.tika;

/**
 * The characters one extraction may still produce, and its way to notice that it was cancelled: every piece of
 * text passes through {@link #take}, so a parse that keeps producing text stops at the limit or soon after its
 * worker is interrupted, even inside a parser that never looks at the interrupt flag.
 */
final class TextBudget {
    private final ExtractionLimits limits;
    private long used;

    TextBudget(ExtractionLimits limits) {
        this.limits = limits;
    }

    void take(long characters) throws GuardException {
        stopIfCancelled();
        used += characters;
        if (used > limits.maxCharacters()) {
            throw limits.tooMuchText();
        }
    }

    /** The extractor interrupts a worker only when its extraction ran out of time (or the component stops). */
    void stopIfCancelled() throws GuardException {
        if (Thread.currentThread().isInterrupted()) {
            throw limits.outOfTime();
        }
    }
}
