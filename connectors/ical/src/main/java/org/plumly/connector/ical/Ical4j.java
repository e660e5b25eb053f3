package org.plumly.connector.ical;

import org.plumly.api.connector.ConnectorException;

/**
 * Runs code that uses the embedded ical4j with this bundle's class loader as the thread's context
 * class loader: ical4j looks up its {@code ical4j.properties}, its time-zone definitions and some
 * ServiceLoader services there first, and in OSGi the caller's context loader (the sync engine's
 * thread) sees none of them.
 */
final class Ical4j {
    private Ical4j() {
    }

    /** Work that may fail as a connector call fails. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws ConnectorException;
    }

    static <T> T call(Work<T> work) throws ConnectorException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Ical4j.class.getClassLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
