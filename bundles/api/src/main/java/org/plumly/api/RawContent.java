package org.plumly.api;

import java.util.Objects;

/**
 * Content exactly as the source delivered it: a MIME message, an Outlook {@code .msg}, an attachment.
 *
 * @param mediaType such as {@code message/rfc822}
 * @param bytes     the content; not copied, do not change it
 */
public record RawContent(String mediaType, byte[] bytes) {
    public RawContent {
        Ids.text(mediaType, "media type");
        Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public String toString() {
        return "RawContent[" + mediaType + ", " + bytes.length + " bytes]";
    }
}
