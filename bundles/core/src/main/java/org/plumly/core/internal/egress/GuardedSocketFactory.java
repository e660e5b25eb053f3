package org.plumly.core.internal.egress;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/** Plain sockets that connect only where the {@link HostCheck} allows, also when connected later. */
final class GuardedSocketFactory extends SocketFactory {
    private final SocketFactory delegate;
    private final HostCheck check;

    GuardedSocketFactory(SocketFactory delegate, HostCheck check) {
        this.delegate = delegate;
        this.check = check;
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket(check);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        check.permit(host);
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        check.permit(host);
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        check.permit(host);
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        check.permit(address);
        return delegate.createSocket(address, port, localAddress, localPort);
    }

    /** An unconnected socket that checks where it connects. */
    private static final class GuardedSocket extends Socket {
        private final HostCheck check;

        GuardedSocket(HostCheck check) {
            this.check = check;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            check.permit(endpoint);
            super.connect(endpoint, timeout);
        }
    }
}
