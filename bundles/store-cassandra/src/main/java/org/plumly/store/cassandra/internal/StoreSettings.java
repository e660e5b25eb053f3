package org.plumly.store.cassandra.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the store connects and how it creates its keyspace, checked before anything reaches CQL: the
 * keyspace name and replication are written into a statement, so they must be what they claim.
 */
record StoreSettings(List<InetSocketAddress> contactPoints, String localDatacenter, String keyspace, String replication) {
    private static final Pattern KEYSPACE = Pattern.compile("[a-z][a-z0-9_]{0,47}");
    private static final Pattern REPLICATION =
            Pattern.compile("'[A-Za-z0-9_.]+'\\s*:\\s*('[A-Za-z0-9_.]+'|\\d+)(\\s*,\\s*'[A-Za-z0-9_.]+'\\s*:\\s*('[A-Za-z0-9_.]+'|\\d+))*");

    StoreSettings {
        contactPoints = List.copyOf(contactPoints);
        if (contactPoints.isEmpty()) {
            throw new IllegalArgumentException("contactPoints lists no node");
        }
        Objects.requireNonNull(localDatacenter, "localDatacenter");
        if (!KEYSPACE.matcher(keyspace).matches()) {
            throw new IllegalArgumentException("keyspace must be lower-case letters, digits and '_', starting with a letter: " + keyspace);
        }
        if (!REPLICATION.matcher(replication.trim()).matches()) {
            throw new IllegalArgumentException("replication must be CQL map entries such as 'class': 'SimpleStrategy', 'replication_factor': 1, not: " + replication);
        }
    }

    /** Parses {@code host:port, host:port}; a missing port is 9042. */
    static List<InetSocketAddress> parseContactPoints(String text) {
        List<InetSocketAddress> points = new ArrayList<>();
        for (String entry : text.split(",")) {
            String point = entry.trim();
            if (point.isEmpty()) {
                continue;
            }
            int colon = point.lastIndexOf(':');
            try {
                points.add(colon < 0
                        ? InetSocketAddress.createUnresolved(point, 9042)
                        : InetSocketAddress.createUnresolved(point.substring(0, colon), Integer.parseInt(point.substring(colon + 1))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("contact point is not host:port: " + point, e);
            }
        }
        return points;
    }

    String describe() {
        return contactPoints.stream().map(p -> p.getHostString() + ":" + p.getPort()).toList() + ", keyspace " + keyspace;
    }
}
