package org.plumly.connector.imap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay on a loopback address in front of the mail server whose connections a test can cut at a moment of its
 * choosing, as a network that drops them would: the server stays up with its mail.
 */
final class DroppingRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final List<Socket> open = new ArrayList<>();

    DroppingRelay(int targetPort) throws IOException {
        this(MailServer.HOST, targetPort);
    }

    /** A relay listening on another loopback address, such as 127.0.0.2. */
    DroppingRelay(String address, int targetPort) throws IOException {
        this.target = targetPort;
        this.listener = new ServerSocket(0, 10, InetAddress.getByName(address));
        Thread acceptor = new Thread(this::accept, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Closes every connection relayed so far; new ones are still accepted. */
    synchronized void dropAll() throws IOException {
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(Proxy.NO_PROXY);
                server.connect(new java.net.InetSocketAddress(MailServer.HOST, target));
                synchronized (this) {
                    open.add(client);
                    open.add(server);
                }
                pump(client, server);
                pump(server, client);
            } catch (IOException closed) {
                return; // the relay was closed
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException dropped) {
                // the other side or dropAll closed it
            } finally {
                closeBoth(from, to);
            }
        }, "relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeBoth(Socket a, Socket b) {
        try {
            a.close();
            b.close();
        } catch (IOException alreadyClosed) {
            // nothing left to release
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        dropAll();
    }
}
