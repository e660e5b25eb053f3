package org.plumly.core.internal.sync;

/**
 * The sink refused what a connector emitted (another tenant, another integration, the wrong kind). Its
 * message is the hub's own and names no record content, so run history may show it.
 */
final class RecordRefusedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    RecordRefusedException(String message) {
        super(message);
    }
}
