package org.plumly.api;

/** Seen from the tenant: mail the customer sent is inbound, mail a rep sent is outbound. */
public enum Direction {
    INBOUND, OUTBOUND, INTERNAL
}
