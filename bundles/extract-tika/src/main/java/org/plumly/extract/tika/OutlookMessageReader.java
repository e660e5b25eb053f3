package org.plumly.extract.tika;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.hsmf.datatypes.AttachmentChunks;
import org.apache.poi.hsmf.datatypes.Chunk;
import org.apache.poi.hsmf.datatypes.MAPIProperty;
import org.apache.poi.hsmf.datatypes.StringChunk;
import org.apache.poi.hsmf.exceptions.ChunkNotFoundException;

/**
 * Reads an Outlook {@code .msg} (a compound file of MAPI properties) with Apache POI's HSMF, which Tika's own
 * Outlook parser uses. Read here rather than through Tika because Tika writes the sender and recipients into
 * the body text and keeps only the HTML body when there are both.
 */
final class OutlookMessageReader {
    static final String MEDIA_TYPE = "application/vnd.ms-outlook";

    private final ExtractionLimits limits;

    OutlookMessageReader(ExtractionLimits limits) {
        this.limits = limits;
    }

    MailMessage read(InputStream content, int depth) throws IOException, GuardException {
        MAPIMessage message = new MAPIMessage(content);
        return message(message, depth);
    }

    private MailMessage message(MAPIMessage message, int depth) throws IOException, GuardException {
        if (depth > limits.maxNestingDepth()) {
            throw limits.nestedTooDeep();
        }
        message.setReturnNullOnMissingChunk(true);
        try {
            List<MailMessage.Part> parts = new ArrayList<>();
            for (AttachmentChunks attachment : message.getAttachmentFiles()) {
                String name = firstOf(attachment.getAttachLongFileName(), attachment.getAttachFileName(), attachment.getAttachDisplayName());
                if (attachment.isEmbeddedMessage()) {
                    parts.add(new MailMessage.Part(name, null, message(attachment.getEmbeddedMessage(), depth + 1)));
                } else if (attachment.getAttachData() != null) {
                    parts.add(new MailMessage.Part(name, attachment.getAttachData().getValue(), null));
                }
            }
            return new MailMessage(MEDIA_TYPE, metadata(message), message.getTextBody(), message.getHtmlBody(), parts);
        } catch (ChunkNotFoundException cannotHappen) {
            // setReturnNullOnMissingChunk(true) turns a missing chunk into null
            throw new IOException("Outlook message without a required part", cannotHappen);
        }
    }

    private static Map<String, String> metadata(MAPIMessage message) throws ChunkNotFoundException {
        Map<String, String> metadata = new LinkedHashMap<>();
        MailMessage.putPresent(metadata, "subject", message.getSubject());
        MailMessage.putPresent(metadata, "from", sender(message));
        MailMessage.putPresent(metadata, "to", message.getDisplayTo());
        MailMessage.putPresent(metadata, "cc", message.getDisplayCC());
        Calendar date = date(message);
        if (date != null) {
            metadata.put("date", date.toInstant().toString());
        }
        MailMessage.putPresent(metadata, "message-id", value(message.getMainChunks().getMessageId()));
        List<Chunk> inReplyTo = message.getMainChunks().getAll().get(MAPIProperty.IN_REPLY_TO_ID);
        if (inReplyTo != null && !inReplyTo.isEmpty() && inReplyTo.get(0) instanceof StringChunk id) {
            MailMessage.putPresent(metadata, "in-reply-to", id.getValue());
        }
        return metadata;
    }

    private static String sender(MAPIMessage message) throws ChunkNotFoundException {
        String name = message.getDisplayFrom();
        String address = value(message.getMainChunks().getEmailFromChunk());
        // Exchange stores a sender inside the organisation by an X.500 address, which means nothing outside it
        if (address == null || !address.contains("@")) {
            return name;
        }
        return name == null || name.isBlank() || name.equals(address) ? address : name + " <" + address + ">";
    }

    private static Calendar date(MAPIMessage message) {
        try {
            return message.getMessageDate();
        } catch (ChunkNotFoundException | RuntimeException noDate) {
            // a draft or a message saved without a submit time and without transport headers has no date
            return null;
        }
    }

    private static String firstOf(StringChunk... chunks) {
        for (StringChunk chunk : chunks) {
            String value = value(chunk);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static String value(StringChunk chunk) {
        return chunk == null ? null : chunk.getValue();
    }
}
