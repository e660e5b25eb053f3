package org.plumly.extract.tika;

import org.xml.sax.SAXException;

/**
 * A guard stopped the extraction: too large, nested too deep, a zip bomb, too much text, out of time. It is a
 * {@link SAXException} so that it can leave a Tika parse from inside a content handler or an embedded document
 * extractor; the extractor answers it with a {@code ContentException} of the same message. The message names
 * the guard and its limit, never the content.
 */
final class GuardException extends SAXException {
    private static final long serialVersionUID = 1L;

    GuardException(String message) {
        super(message);
    }

    /** The guard that stopped a parse, wherever a parser wrapped it. */
    static GuardException foundIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof GuardException guard) {
                return guard;
            }
        }
        return null;
    }

    /** The cause of a failure; a SAXException keeps its cause in a field of its own. */
    static Throwable next(Throwable cause) {
        Throwable next = cause instanceof SAXException sax && sax.getException() != null ? sax.getException() : cause.getCause();
        return next == cause ? null : next;
    }
}
