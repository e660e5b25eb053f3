package org.plumly.cassandra.node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/** TCP ports on 127.0.0.1: which are free, and a few free ones for a node of a test. */
public final class LoopbackPorts {

    /** 127.0.0.1, where a local node listens (even where Java would prefer ::1). */
    static final InetAddress LOOPBACK = ipv4Loopback();

    private LoopbackPorts() {
    }

    /**
     * {@code count} distinct ports that are free now. Another program may take one before the
     * node binds it; the node's start then fails with a clear message.
     */
    public static int[] pickFree(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                // held open until all are picked, so that no two are the same
                sockets[i] = bind(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    /** True when nothing listens on {@code port} of 127.0.0.1 (nor on the wildcard address). */
    public static boolean isFree(int port) {
        try (ServerSocket ignored = bind(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        // as Cassandra binds: a port whose last connections are in TIME_WAIT is free
        socket.setReuseAddress(true);
        try {
            socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new AssertionError("an IPv4 address has four bytes", e);
        }
    }
}
