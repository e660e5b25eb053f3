package org.plumly.extract.tika;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/** MIME messages for the tests, written out as a mail client would, CRLF line ends included. */
final class TestMail {
    static final String HEADERS = """
            From: Jane Doe <jane@customer.example>
            To: Sam Seller <sam@plumly.example>, Ana Lead <ana@plumly.example>
            Cc: Bob Buyer <bob@customer.example>
            Subject: Re: Quote for 40 seats
            Date: Tue, 24 Nov 2026 10:15:00 +0100
            Message-ID: <reply-1@customer.example>
            In-Reply-To: <quote-1@plumly.example>
            MIME-Version: 1.0
            """;
    /** A reply with a sign-off, a signature block and the quoted message. */
    static final String REPLY = """
            Hi Sam,

            40 seats work for us, please send the order form.

            Best regards,
            Jane Doe
            Head of Procurement, Customer Inc.
            +1 555 0100

            On Mon, Nov 23, 2026 at 4:02 PM Sam Seller <sam@plumly.example> wrote:
            > Hi Jane,
            > here is the quote for 40 seats.
            """;
    /** What the sender of {@link #REPLY} wrote this time. */
    static final String AUTHORED = "Hi Sam,\n\n40 seats work for us, please send the order form.";
    private static final AtomicInteger BOUNDARIES = new AtomicInteger();

    private TestMail() {
    }

    /** A whole message: header lines, then one entity (its own header lines, a blank line, its body). */
    static byte[] message(String headers, String entity) {
        return crlf(headers + entity).getBytes(StandardCharsets.UTF_8);
    }

    static String text(String subtype, String body) {
        return "Content-Type: text/" + subtype + "; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" + body;
    }

    static String attachment(String mediaType, String name, byte[] content) {
        return "Content-Type: " + mediaType + "; name=\"" + name + "\"\nContent-Disposition: attachment; filename=\"" + name
                + "\"\nContent-Transfer-Encoding: base64\n\n" + Base64.getMimeEncoder().encodeToString(content) + "\n";
    }

    static String attachedMessage(byte[] message) {
        return "Content-Type: message/rfc822\nContent-Disposition: attachment\n\n" + new String(message, StandardCharsets.UTF_8);
    }

    static String multipart(String subtype, String... entities) {
        String boundary = "=_boundary_" + BOUNDARIES.incrementAndGet();
        StringBuilder body = new StringBuilder("Content-Type: multipart/" + subtype + "; boundary=\"" + boundary + "\"\n\n");
        body.append("This is a multi-part message in MIME format.\n");
        for (String entity : entities) {
            body.append("--").append(boundary).append('\n').append(entity).append('\n');
        }
        return body.append("--").append(boundary).append("--\n").toString();
    }

    private static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }
}
