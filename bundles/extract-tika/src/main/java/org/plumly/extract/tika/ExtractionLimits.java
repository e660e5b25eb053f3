package org.plumly.extract.tika;

/**
 * The guards of one extraction, from the component's configuration.
 *
 * @param maxInputBytes          the largest content accepted, in bytes
 * @param maxNestingDepth        how deep attachments, messages in messages and documents in documents may nest
 * @param maxCharacters          the most text one extraction may produce (bodies and attachments together)
 * @param timeLimitMillis        how long one extraction may take, waiting for a worker included
 * @param zipBombOutputThreshold characters an attachment may produce before its compression ratio is checked
 * @param zipBombRatio           the most characters an attachment may produce per byte it takes
 */
record ExtractionLimits(long maxInputBytes, int maxNestingDepth, long maxCharacters, long timeLimitMillis,
                        long zipBombOutputThreshold, long zipBombRatio) {

    ExtractionLimits {
        positive(maxInputBytes, "maxInputBytes");
        positive(maxNestingDepth, "maxNestingDepth");
        positive(maxCharacters, "maxCharacters");
        positive(timeLimitMillis, "timeLimitMillis");
        positive(zipBombOutputThreshold, "zipBombOutputThreshold");
        positive(zipBombRatio, "zipBombRatio");
    }

    static ExtractionLimits of(TikaContentExtractor.Config config) {
        return new ExtractionLimits(config.maxInputBytes(), config.maxNestingDepth(), config.maxCharacters(),
                config.timeLimitMillis(), config.zipBombOutputThreshold(), config.zipBombRatio());
    }

    GuardException inputTooLarge(long bytes) {
        return new GuardException("input size guard: " + bytes + " bytes is more than the limit of " + maxInputBytes + " bytes");
    }

    GuardException nestedTooDeep() {
        return new GuardException("nesting depth guard: embedded documents or messages nested deeper than the limit of "
                + maxNestingDepth + " levels");
    }

    GuardException tooMuchText() {
        return new GuardException("extracted characters guard: more than the limit of " + maxCharacters + " characters of text");
    }

    GuardException zipBomb(String tikaFinding) {
        return new GuardException("zip bomb guard (limit " + zipBombRatio + " characters per byte after " + zipBombOutputThreshold
                + " characters): " + tikaFinding);
    }

    GuardException outOfTime() {
        return new GuardException("time limit guard: extraction took longer than the limit of " + timeLimitMillis + " ms");
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}
