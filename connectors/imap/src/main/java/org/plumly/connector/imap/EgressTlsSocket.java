package org.plumly.connector.imap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;

import javax.net.SocketFactory;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * An implicit-TLS (IMAPS) connection made of the egress's two factories: the TCP connection by its plain
 * sockets, which check the host and the address before connecting, and TLS over it by its TLS sockets,
 * with the server's name verified. Jakarta Mail gets it as a plain socket from {@link #factory}, because
 * given a TLS factory for IMAPS it would open the TCP connection itself, unchecked, and layer TLS after.
 */
final class EgressTlsSocket extends Socket {
    private final Socket plain;
    private final SSLSocketFactory tls;
    private SSLSocket secured;

    private EgressTlsSocket(SocketFactory sockets, SSLSocketFactory tls) throws IOException {
        this.plain = sockets.createSocket();
        this.tls = tls;
    }

    /** The factory Jakarta Mail connects through: it creates unconnected sockets and connects them itself. */
    static SocketFactory factory(SocketFactory sockets, SSLSocketFactory tls) {
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                return new EgressTlsSocket(sockets, tls);
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return connected(new InetSocketAddress(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                return connected(new InetSocketAddress(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return connected(new InetSocketAddress(host, port));
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
                return connected(new InetSocketAddress(address, port));
            }

            private Socket connected(InetSocketAddress endpoint) throws IOException {
                Socket socket = createSocket();
                socket.connect(endpoint);
                return socket;
            }
        };
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        if (!(endpoint instanceof InetSocketAddress address)) {
            throw new SocketException("only internet addresses: " + endpoint);
        }
        plain.connect(endpoint, timeout);
        String host = address.getHostString();
        SSLSocket socket = (SSLSocket) tls.createSocket(plain, host, address.getPort(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
        socket.setSSLParameters(parameters);
        try {
            socket.startHandshake();
        } catch (IOException refused) {
            socket.close();
            throw refused;
        }
        secured = socket;
    }

    private Socket current() {
        return secured != null ? secured : plain;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return current().getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return current().getOutputStream();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            current().close();
        } finally {
            plain.close();
            super.close();
        }
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        current().setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return current().getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        plain.setTcpNoDelay(on);
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        plain.setKeepAlive(on);
    }

    @Override
    public void bind(SocketAddress local) throws IOException {
        plain.bind(local);
    }

    @Override
    public boolean isConnected() {
        return plain.isConnected();
    }

    @Override
    public boolean isBound() {
        return plain.isBound();
    }

    @Override
    public boolean isClosed() {
        return current().isClosed();
    }

    @Override
    public InetAddress getInetAddress() {
        return plain.getInetAddress();
    }

    @Override
    public int getPort() {
        return plain.getPort();
    }

    @Override
    public InetAddress getLocalAddress() {
        return plain.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return plain.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return plain.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return plain.getLocalSocketAddress();
    }

    @Override
    public void shutdownInput() throws IOException {
        current().shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        current().shutdownOutput();
    }

    @Override
    public boolean isInputShutdown() {
        return current().isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return current().isOutputShutdown();
    }

    @Override
    public String toString() {
        return "EgressTlsSocket[" + current() + "]";
    }
}
