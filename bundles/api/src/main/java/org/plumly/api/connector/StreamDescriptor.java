package org.plumly.api.connector;

import java.util.Objects;

/**
 * A stream a connector offers, such as {@code contacts} or {@code emails}.
 *
 * @param name        unique within the connector
 * @param kind        the records it emits
 * @param incremental whether it can resume from a cursor; otherwise every run reads it all and the
 *                    engine relies on source ids to update instead of duplicate
 */
public record StreamDescriptor(String name, RecordKind kind, boolean incremental) {
    public StreamDescriptor {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_-]{0,62}")) {
            throw new IllegalArgumentException("stream name must be lower-case letters, digits, '_' and '-': " + name);
        }
        Objects.requireNonNull(kind, "kind");
    }

    public static StreamDescriptor incremental(String name, RecordKind kind) {
        return new StreamDescriptor(name, kind, true);
    }

    public static StreamDescriptor fullRefresh(String name, RecordKind kind) {
        return new StreamDescriptor(name, kind, false);
    }
}
