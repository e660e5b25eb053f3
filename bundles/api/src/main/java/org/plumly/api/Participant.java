package org.plumly.api;

import java.util.Objects;

/**
 * A person taking part in an activity, by address. Identity resolution links the address to a user or
 * a contact later; the participant itself records only what the source said.
 *
 * @param name     display name as the source gave it, or null
 * @param response a meeting attendee's reply, or null for mail and calls
 */
public record Participant(String email, String name, Role role, Response response) {
    public Participant {
        email = EmailAddress.normalize(email);
        Objects.requireNonNull(role, "role");
    }

    /** The part a participant plays. */
    public enum Role {
        FROM, TO, CC, BCC, ORGANIZER, ATTENDEE
    }

    /** A meeting invitee's reply. */
    public enum Response {
        ACCEPTED, TENTATIVE, DECLINED, NEEDS_ACTION
    }
}
