package org.plumly.store.cassandra.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.plumly.api.health.HealthReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the stores in the background, trying again with growing pauses (1 s doubling up to 30 s) for
 * as long as Cassandra does not answer, with one log line per attempt that says what is wrong and
 * when the next try is: an operator sees "not reachable" instead of a stack trace loop.
 */
final class StoreConnector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreConnector.class);
    private static final long MAX_PAUSE_SECONDS = 30;

    private final StoreSettings settings;
    private final Consumer<CassandraStores> onConnected;
    private final Object lock = new Object();
    private final Thread thread;
    private volatile HealthReport state = HealthReport.down("connecting");
    private volatile int attempts;
    private CassandraStores stores;
    private boolean closed;

    StoreConnector(StoreSettings settings, Consumer<CassandraStores> onConnected) {
        this.settings = settings;
        this.onConnected = onConnected;
        this.thread = new Thread(this::connect, "plumly-store-connect");
        thread.setDaemon(true);
    }

    StoreConnector start() {
        thread.start();
        return this;
    }

    private void connect() {
        for (int attempt = 1; ; attempt++) {
            attempts = attempt;
            try {
                CassandraStores opened = CassandraStores.open(settings);
                synchronized (lock) {
                    if (closed) {
                        opened.close();
                        return;
                    }
                    stores = opened;
                    onConnected.accept(opened);
                }
                state = opened.health();
                LOG.info("Store connected to Cassandra at {}", settings.describe());
                return;
            } catch (RuntimeException e) {
                long pause = Math.min(MAX_PAUSE_SECONDS, 1L << Math.min(attempt - 1, 5));
                state = HealthReport.down("Cassandra at " + settings.describe() + " not reachable: " + reason(e));
                LOG.warn("Cassandra at {} is not reachable (attempt {}, next in {} s): {}", settings.describe(), attempt, pause, reason(e));
                if (!pause(pause)) {
                    return;
                }
            }
        }
    }

    /** Waits, unless closed meanwhile; false when closed. */
    private boolean pause(long seconds) {
        synchronized (lock) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            try {
                while (!closed && System.nanoTime() < deadline) {
                    TimeUnit.NANOSECONDS.timedWait(lock, deadline - System.nanoTime());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return !closed;
        }
    }

    /** The first line of the deepest cause: what an operator can act on. */
    static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() != null ? cause.getMessage()
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    int attempts() {
        return attempts;
    }

    /** The store's state now: why it is down while connecting, the nodes' state once connected. */
    HealthReport health() {
        synchronized (lock) {
            if (stores != null) {
                state = stores.health();
            }
        }
        return state;
    }

    /** Stops trying to connect; after it returns, {@code onConnected} is not called any more. */
    void stopConnecting() throws InterruptedException {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    @Override
    public void close() throws InterruptedException {
        stopConnecting();
        synchronized (lock) {
            if (stores != null) {
                stores.close();
                stores = null;
            }
        }
    }
}
