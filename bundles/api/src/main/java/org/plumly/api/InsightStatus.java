package org.plumly.api;

/** An insight's life: open until its condition clears (resolved) or a user dismisses it with a reason. */
public enum InsightStatus {
    OPEN, RESOLVED, DISMISSED
}
