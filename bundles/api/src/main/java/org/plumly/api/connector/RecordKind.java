package org.plumly.api.connector;

/** The domain record a stream carries. */
public enum RecordKind {
    USER, REPORTING_LINE, ACCOUNT, CONTACT, OPPORTUNITY, ACTIVITY
}
