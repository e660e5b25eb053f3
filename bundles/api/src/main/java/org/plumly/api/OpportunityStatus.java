package org.plumly.api;

/** Where an opportunity ended up, whatever the CRM calls its stages. */
public enum OpportunityStatus {
    OPEN, WON, LOST
}
