package org.plumly.core.internal.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a host is on the public internet: none of its addresses is loopback, link-local, private or otherwise local. */
final class PublicAddresses {
    private PublicAddresses() {
    }

    /** False when the host does not resolve, or when any of its addresses is not public. */
    static boolean allPublic(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!isPublic(address)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException unresolved) {
            return false;
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc; // fc00::/7, unique local
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first != 0 && !(first == 100 && second >= 64 && second < 128); // 0/8 "this network", 100.64/10 carrier-grade NAT
    }
}
