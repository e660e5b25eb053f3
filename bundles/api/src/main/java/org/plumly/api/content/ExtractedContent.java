package org.plumly.api.content;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Text extracted from a message.
 *
 * @param authoredText what the sender wrote this time: without quoted replies, forwarded history or signature
 * @param fullText     all text of the message body
 * @param metadata     such as {@code subject}, {@code from}, {@code date}, {@code message-id}
 * @param attachments  text of each attachment that could be read, in message order
 */
public record ExtractedContent(String authoredText, String fullText, Map<String, String> metadata,
                               List<Attachment> attachments) {
    public ExtractedContent {
        Objects.requireNonNull(authoredText, "authored text");
        Objects.requireNonNull(fullText, "full text");
        metadata = Map.copyOf(metadata);
        attachments = List.copyOf(attachments);
    }

    /**
     * An attachment's text.
     *
     * @param name      its file name, or null
     * @param mediaType as detected, not as declared
     */
    public record Attachment(String name, String mediaType, String text) {
        public Attachment {
            Objects.requireNonNull(mediaType, "media type");
            Objects.requireNonNull(text, "text");
        }
    }
}
