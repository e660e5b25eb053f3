package org.plumly.api.store;

/** A cursor that was not made by this list: tampered with, truncated, or from another list or tenant. */
public class InvalidCursorException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidCursorException(String message) {
        super(message);
    }
}
