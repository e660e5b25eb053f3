package org.plumly.demo;

/** Salesforce's default opportunity stages, in the order a deal moves through them. */
enum Stage {
    PROSPECTING("Prospecting"),
    QUALIFICATION("Qualification"),
    NEEDS_ANALYSIS("Needs Analysis"),
    VALUE_PROPOSITION("Value Proposition"),
    DECISION_MAKERS("Id. Decision Makers"),
    PERCEPTION_ANALYSIS("Perception Analysis"),
    PROPOSAL("Proposal/Price Quote"),
    NEGOTIATION("Negotiation/Review"),
    CLOSED_WON("Closed Won"),
    CLOSED_LOST("Closed Lost");

    final String label;

    Stage(String label) {
        this.label = label;
    }

    boolean isClosed() {
        return this == CLOSED_WON || this == CLOSED_LOST;
    }
}
