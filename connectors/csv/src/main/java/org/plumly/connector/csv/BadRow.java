package org.plumly.connector.csv;

/**
 * A row that makes no record. Its reason names columns and the kind of problem, never a value: it is
 * shown in the run history, where personal data has no place.
 */
final class BadRow extends Exception {
    private static final long serialVersionUID = 1L;

    BadRow(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
