package org.plumly.connector.testkit;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Spots connections a connector opens around its {@link org.plumly.api.connector.Egress}: while
 * installed, it is the JVM's default {@link ProxySelector}, which {@code HttpURLConnection}, an
 * {@code HttpClient} built without a proxy setting and a plain {@code new Socket(host, port)} all ask
 * before they connect. The kit's own egress connects without asking it. It is installed for the whole
 * test, so that a client a connector builds early still asks it, and records only while
 * {@link #watching} is on: the test's own calls to its source are not bypasses.
 */
final class BypassRecorder extends ProxySelector implements AutoCloseable {
    private final ProxySelector previous;
    private final List<URI> bypasses = new ArrayList<>();
    private boolean watching;

    private BypassRecorder(ProxySelector previous) {
        this.previous = previous;
    }

    /** Installs a recorder as the default selector until {@link #close()}. */
    static BypassRecorder install() {
        BypassRecorder recorder = new BypassRecorder(ProxySelector.getDefault());
        ProxySelector.setDefault(recorder);
        return recorder;
    }

    @Override
    public synchronized List<Proxy> select(URI uri) {
        if (watching) {
            bypasses.add(uri);
        }
        return previous == null ? List.of(Proxy.NO_PROXY) : previous.select(uri);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        if (previous != null) {
            previous.connectFailed(uri, address, failure);
        }
    }

    /** Records from now on when {@code on}, while a connector runs. */
    synchronized void watching(boolean on) {
        watching = on;
    }

    /** The addresses connected to without the egress, such as {@code http://127.0.0.1:8080/contacts}. */
    synchronized List<URI> bypasses() {
        return List.copyOf(bypasses);
    }

    @Override
    public void close() {
        ProxySelector.setDefault(previous);
    }
}
