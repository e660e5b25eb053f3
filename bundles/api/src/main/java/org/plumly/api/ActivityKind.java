package org.plumly.api;

/** What kind of interaction an activity records. */
public enum ActivityKind {
    EMAIL, MEETING, CALL, TASK
}
