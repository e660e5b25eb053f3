package org.plumly.demo;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * One message. {@code html} asks for a multipart/alternative with an HTML part; {@code opportunityId} is empty for
 * mail that belongs to no deal; {@code defect} names what is deliberately broken in it, or is empty.
 */
record Mail(String messageId, Address from, List<Address> to, List<Address> cc, ZonedDateTime date, String subject,
            String text, boolean html, String inReplyTo, List<String> references, Tone tone, String opportunityId,
            String defect) {

    /** A mailbox as headers name it. */
    record Address(String name, String email) {
    }

    Mail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        references = List.copyOf(references);
    }

    Mail withDefect(String what) {
        return new Mail(messageId, from, to, cc, date, subject, text, html, inReplyTo, references, tone, opportunityId, what);
    }
}
