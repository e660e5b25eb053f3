package org.plumly.core.internal.egress;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Says whether a connection may be opened; throws when it may not. */
@FunctionalInterface
interface HostCheck {
    void permit(String host) throws IOException;

    /** By the name the address was made from, never by a reverse lookup that the remote side controls. */
    default void permit(InetAddress address) throws IOException {
        permit(nameOf(address));
    }

    /** The name an address was made from, or its literal form. */
    static String nameOf(InetAddress address) {
        String given = address.toString();
        int slash = given.indexOf('/');
        return slash > 0 ? given.substring(0, slash) : address.getHostAddress();
    }

    default void permit(SocketAddress address) throws IOException {
        if (!(address instanceof InetSocketAddress inet)) {
            throw new IOException("only internet addresses are allowed: " + address);
        }
        if (inet.isUnresolved() || inet.getAddress() == null) {
            permit(inet.getHostString());
        } else {
            permit(inet.getAddress());
        }
    }
}
