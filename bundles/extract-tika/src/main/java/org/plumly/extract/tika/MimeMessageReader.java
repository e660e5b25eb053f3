package org.plumly.extract.tika;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Reads a MIME message (RFC 5322, {@code .eml}) with Apache James mime4j, the library Tika's own mail parser
 * uses, leniently: a truncated or slightly broken message gives what can be read of it. Tika's RFC822Parser
 * picks one alternative of a {@code multipart/alternative} body (HTML first); the authored text wants the
 * plain one, so the message structure is walked here and Tika reads the attachments.
 */
final class MimeMessageReader {
    /** Structure, not content: real mail nests multiparts three to six deep (mixed, related, alternative, signed). */
    private static final int MAX_MULTIPART_LEVELS = 50;

    private final ExtractionLimits limits;

    MimeMessageReader(ExtractionLimits limits) {
        this.limits = limits;
    }

    MailMessage read(InputStream content, int depth) throws IOException, GuardException {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        // mime4j's default of 1,000 characters a line refuses real mail (long HTML lines): Tika allows 100,000
        builder.setMimeEntityConfig(new MimeConfig.Builder().setMaxLineLen(100_000).setMaxHeaderLen(100_000).build());
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        return message(builder.parseMessage(content), depth);
    }

    private MailMessage message(Message message, int depth) throws GuardException {
        if (depth > limits.maxNestingDepth()) {
            throw limits.nestedTooDeep();
        }
        Bodies bodies = new Bodies();
        List<MailMessage.Part> parts = new ArrayList<>();
        walk(message, depth, 0, bodies, parts);
        return new MailMessage("message/rfc822", metadata(message), bodies.plain(), bodies.html(), parts);
    }

    private void walk(Entity entity, int depth, int multipartLevel, Bodies bodies, List<MailMessage.Part> parts)
            throws GuardException {
        Body body = entity.getBody();
        if (body instanceof Multipart multipart) {
            if (multipartLevel >= MAX_MULTIPART_LEVELS) {
                throw new GuardException("nesting depth guard: multipart structure nested deeper than " + MAX_MULTIPART_LEVELS + " levels");
            }
            for (Entity part : multipart.getBodyParts()) {
                walk(part, depth, multipartLevel + 1, bodies, parts);
            }
        } else if (body instanceof Message attached) {
            parts.add(new MailMessage.Part(fileName(entity), null, message(attached, depth + 1)));
        } else if (body instanceof SingleBody single) {
            byte[] bytes = bytes(single);
            if (isBodyText(entity)) {
                bodies.add(entity.getMimeType(), decode(bytes, entity.getCharset()));
            } else {
                parts.add(new MailMessage.Part(fileName(entity), bytes, null));
            }
        }
    }

    /** Text the sender wrote in the message, as opposed to a text file attached to it. */
    private static boolean isBodyText(Entity entity) {
        String type = entity.getMimeType();
        return ("text/plain".equals(type) || "text/html".equals(type))
                && !"attachment".equalsIgnoreCase(entity.getDispositionType())
                && fileName(entity) == null;
    }

    private static String fileName(Entity entity) {
        String name = entity.getFilename();
        if (name == null && entity.getHeader() != null
                && entity.getHeader().getField("Content-Type") instanceof ContentTypeField type) {
            name = type.getParameter("name");
        }
        return name == null || name.isBlank() ? null : DecoderUtil.decodeEncodedWords(name.strip(), DecodeMonitor.SILENT);
    }

    private static byte[] bytes(SingleBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = body.getInputStream()) {
            in.transferTo(out);
        } catch (IOException truncated) {
            // a body cut short (a truncated message, bad base64) keeps what could be decoded
        }
        return out.toByteArray();
    }

    private static String decode(byte[] bytes, String charset) {
        Charset decoding = StandardCharsets.UTF_8;
        if (charset != null) {
            try {
                decoding = Charset.forName(charset.strip());
            } catch (IllegalArgumentException unknown) {
                // an unknown or misspelt charset: UTF-8 reads ASCII right and marks what it cannot read
            }
        }
        return new String(bytes, decoding);
    }

    private static Map<String, String> metadata(Message message) {
        Map<String, String> metadata = new LinkedHashMap<>();
        MailMessage.putPresent(metadata, "subject", message.getSubject());
        MailMessage.putPresent(metadata, "from", mailboxes(message.getFrom()));
        MailMessage.putPresent(metadata, "to", addresses(message.getTo()));
        MailMessage.putPresent(metadata, "cc", addresses(message.getCc()));
        if (message.getDate() != null) {
            MailMessage.putPresent(metadata, "date", message.getDate().toInstant().toString());
        }
        MailMessage.putPresent(metadata, "message-id", message.getMessageId());
        MailMessage.putPresent(metadata, "in-reply-to", field(message, "In-Reply-To"));
        return metadata;
    }

    private static String field(Message message, String name) {
        Field field = message.getHeader() == null ? null : message.getHeader().getField(name);
        return field == null ? null : field.getBody();
    }

    private static String addresses(AddressList list) {
        return list == null ? null : mailboxes(list.flatten());
    }

    private static String mailboxes(MailboxList list) {
        if (list == null) {
            return null;
        }
        StringJoiner joined = new StringJoiner(", ");
        for (Mailbox mailbox : list) {
            String name = mailbox.getName();
            joined.add(name == null || name.isBlank()
                    ? mailbox.getAddress()
                    : DecoderUtil.decodeEncodedWords(name, DecodeMonitor.SILENT) + " <" + mailbox.getAddress() + ">");
        }
        return joined.toString();
    }

    /** The body text parts, several of each kind joined (a footer a list server added is a part of its own). */
    private static final class Bodies {
        private final StringBuilder plain = new StringBuilder();
        private final StringBuilder html = new StringBuilder();
        private boolean hasPlain;
        private boolean hasHtml;

        void add(String mediaType, String text) {
            if ("text/html".equals(mediaType)) {
                html.append(hasHtml ? "\n" : "").append(text);
                hasHtml = true;
            } else {
                plain.append(hasPlain ? "\n\n" : "").append(text);
                hasPlain = true;
            }
        }

        String plain() {
            return hasPlain ? plain.toString() : null;
        }

        String html() {
            return hasHtml ? html.toString() : null;
        }
    }
}
