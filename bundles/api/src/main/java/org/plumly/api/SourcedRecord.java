package org.plumly.api;

/**
 * A customer record a connector can bring in, which says where it came from: users, reporting lines,
 * accounts, contacts, opportunities and activities. The sync engine checks that each one a connector
 * emits carries a source of the integration and stream it reads.
 *
 * <pre>{@code
 * if (record instanceof SourcedRecord sourced && sourced.source() != null) {
 *     index(sourced.source().integration(), record);
 * }
 * }</pre>
 */
public interface SourcedRecord extends CustomerRecord {

    /** Where it came from; null for a record entered in Plumly itself, such as a reporting line set by an admin. */
    SourceRef source();
}
