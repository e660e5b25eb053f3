package org.plumly.api.content;

/**
 * One piece of content could not be extracted: malformed, encrypted, too large, nested too deep, or
 * too slow. The message says which, without quoting the content; the pipeline records it for that
 * message and goes on with the next.
 */
public class ContentException extends Exception {
    private static final long serialVersionUID = 1L;

    public ContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
