package org.plumly.core.internal.egress;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets that connect only where the {@link HostCheck} allows. An unconnected TLS socket cannot be
 * checked when it connects later, so it is refused: clients fall back to connecting by host name.
 */
final class GuardedTlsSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final HostCheck check;

    GuardedTlsSocketFactory(SSLSocketFactory delegate, HostCheck check) {
        this.delegate = delegate;
        this.check = check;
    }

    @Override
    public Socket createSocket() throws IOException {
        throw new SocketException("unconnected TLS sockets are not offered: connect by host name so the host can be checked");
    }

    @Override
    public Socket createSocket(Socket layered, String host, int port, boolean autoClose) throws IOException {
        check.permit(host);
        return delegate.createSocket(layered, host, port, autoClose);
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

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }
}
