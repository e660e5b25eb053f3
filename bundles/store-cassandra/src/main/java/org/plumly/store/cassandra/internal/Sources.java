package org.plumly.store.cassandra.internal;

import org.plumly.api.SourceRef;

/** A {@link SourceRef} in one text column: integration, stream and source id separated by a tab. */
final class Sources {
    private Sources() {
    }

    static String write(SourceRef source) {
        return source == null ? null : source.integration() + '\t' + source.stream() + '\t' + source.sourceId();
    }

    static SourceRef read(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split("\t", 3);
        return new SourceRef(parts[0], parts[1], parts[2]);
    }
}
