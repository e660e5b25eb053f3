package org.plumly.api.store;

/**
 * The store could not carry out a call: no node answered, or not enough replicas acknowledged a write.
 * A write that ends in this exception may or may not have been applied; writes are idempotent, so the
 * caller retries it (the sync engine does, from its last checkpoint).
 */
public class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
