package org.plumly.cassandra.node;

import java.io.IOException;

/**
 * A local node could not start: a port is taken, a node still runs on the data folder, or the
 * node exited or did not answer in time. The message says which, and carries the end of the
 * node's log.
 */
public final class CassandraStartException extends IOException {

    private static final long serialVersionUID = 1L;

    public CassandraStartException(String message) {
        super(message);
    }
}
