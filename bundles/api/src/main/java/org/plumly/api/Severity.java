package org.plumly.api;

/** How urgently an insight needs attention. */
public enum Severity {
    LOW, MEDIUM, HIGH
}
