package org.plumly.extract.tika;

import java.util.List;
import java.util.Map;

/**
 * One message as its reader found it, before any text is extracted from its attachments.
 *
 * @param mediaType {@code message/rfc822} or {@code application/vnd.ms-outlook}
 * @param metadata  {@code subject}, {@code from}, {@code to}, {@code cc}, {@code date}, {@code message-id},
 *                  {@code in-reply-to}, those present
 * @param plainBody the text/plain body, or null
 * @param htmlBody  the text/html body, or null
 * @param parts     the attachments, in message order
 */
record MailMessage(String mediaType, Map<String, String> metadata, String plainBody, String htmlBody, List<Part> parts) {

    /** Adds a header's value unless it is missing or blank, on one line (a folded header has several). */
    static void putPresent(Map<String, String> metadata, String key, String value) {
        if (value != null && !value.isBlank()) {
            metadata.put(key, value.strip().replaceAll("\\s+", " "));
        }
    }

    /** An attachment: a file's bytes, or a message attached to this one. */
    record Part(String name, byte[] content, MailMessage message) {
    }
}
