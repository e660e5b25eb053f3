package org.plumly.extract.tika;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.mbox.MboxParser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.EmbeddedContentHandler;
import org.apache.tika.sax.SecureContentHandler;
import org.plumly.api.RawContent;
import org.plumly.api.content.ContentException;
import org.plumly.api.content.ExtractedContent;
import org.plumly.api.content.ExtractedContent.Attachment;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One extraction, on one worker thread: finds what the content is, reads the message (or each message of a
 * mailbox), strips the authored text, and has Tika read every attachment, charging all text to one budget.
 * A guard that trips ends the extraction; an attachment that cannot be read is left out and named in the
 * metadata key {@value #SKIPPED}.
 */
final class MessageExtraction {
    static final String SKIPPED = "skipped-attachments";
    static final String MESSAGES = "messages";
    private static final String MESSAGE = "message/rfc822";
    private static final String MAILBOX = "application/mbox";
    private static final Set<String> MAIL_TYPES = Set.of(MESSAGE, OutlookMessageReader.MEDIA_TYPE, MAILBOX);

    private final ExtractionLimits limits;
    private final AutoDetectParser parser;
    private final Detector detector;
    private final MediaTypeRegistry types;
    private final MimeMessageReader mimeMessages;
    private final OutlookMessageReader outlookMessages;
    private final TextBudget budget;
    private final List<Attachment> attachments = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    MessageExtraction(TikaConfig tika, ExtractionLimits limits) {
        this.limits = limits;
        this.parser = new AutoDetectParser(tika);
        // Tika's zip-bomb check: SecureContentHandler, which AutoDetectParser puts around every parse
        AutoDetectParserConfig guards = new AutoDetectParserConfig();
        guards.setOutputThreshold(limits.zipBombOutputThreshold());
        guards.setMaximumCompressionRatio(limits.zipBombRatio());
        guards.setMaximumPackageEntryDepth(limits.maxNestingDepth());
        parser.setAutoDetectParserConfig(guards);
        this.detector = tika.getDetector();
        this.types = tika.getMediaTypeRegistry();
        this.mimeMessages = new MimeMessageReader(limits);
        this.outlookMessages = new OutlookMessageReader(limits);
        this.budget = new TextBudget(limits);
    }

    ExtractedContent extract(RawContent content) throws ContentException {
        String type = "unknown";
        try (TikaInputStream in = TikaInputStream.get(InterruptibleInputStream.of(content.bytes()))) {
            type = typeOf(content.mediaType(), in);
            return switch (type) {
                case MESSAGE -> fromMessage(mimeMessages.read(in, 0));
                case OutlookMessageReader.MEDIA_TYPE -> fromMessage(outlookMessages.read(in, 0));
                case MAILBOX -> fromMailbox(in);
                default -> fromDocument(in);
            };
        } catch (GuardException guard) {
            throw new ContentException(guard.getMessage(), guard);
        } catch (TikaException | IOException | SAXException | RuntimeException failure) {
            GuardException guard = GuardException.foundIn(failure);
            if (guard != null) {
                throw new ContentException(guard.getMessage(), guard);
            }
            String zipBomb = zipBombFinding(failure);
            if (zipBomb != null) {
                throw new ContentException(limits.zipBomb(zipBomb).getMessage(), null);
            }
            // the cause stays out: a parser's message may quote the content
            throw new ContentException("unreadable " + type + ": " + kind(failure), null);
        }
    }

    private String typeOf(String declared, TikaInputStream in) throws IOException {
        MediaType type = MediaType.parse(declared);
        if (type != null && MAIL_TYPES.contains(types.normalize(type).getBaseType().toString())) {
            return types.normalize(type).getBaseType().toString();
        }
        return types.normalize(detector.detect(in, new Metadata())).getBaseType().toString();
    }

    private ExtractedContent fromMessage(MailMessage message) throws SAXException {
        BodyText text = text(message);
        attachments(message, 1, "");
        return new ExtractedContent(text.authored(), text.full(), withSkipped(message.metadata()), attachments);
    }

    /**
     * A mailbox's messages in mailbox order: the authored texts and the full texts of all of them, a blank line
     * between two; all their attachments, named {@code message <n>/<name>}; the metadata of the last (newest) one
     * and {@value #MESSAGES}, how many there are.
     */
    private ExtractedContent fromMailbox(InputStream in) throws IOException, SAXException, TikaException {
        List<MailMessage> messages = new ArrayList<>();
        ParseContext context = new ParseContext();
        context.set(EmbeddedDocumentExtractor.class, new EmbeddedDocumentExtractor() {
            @Override
            public boolean shouldParseEmbedded(Metadata metadata) {
                return true;
            }

            @Override
            public void parseEmbedded(InputStream message, ContentHandler handler, Metadata metadata, boolean outputHtml)
                    throws IOException, SAXException {
                messages.add(mimeMessages.read(message, 0));
            }
        });
        new MboxParser().parse(in, new DefaultHandler(), new Metadata(), context);
        List<String> authored = new ArrayList<>();
        List<String> full = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            BodyText text = text(messages.get(i));
            authored.add(text.authored());
            full.add(text.full());
            attachments(messages.get(i), 1, "message " + (i + 1) + "/");
        }
        Map<String, String> metadata = new LinkedHashMap<>(messages.isEmpty() ? Map.of() : messages.get(messages.size() - 1).metadata());
        metadata.put(MESSAGES, Integer.toString(messages.size()));
        return new ExtractedContent(joined(authored), joined(full), withSkipped(metadata), attachments);
    }

    /** Content that is no message (a PDF given on its own): all its text is the author's. */
    private ExtractedContent fromDocument(TikaInputStream in) throws IOException, SAXException, TikaException {
        BudgetedTextHandler text = new BudgetedTextHandler(budget);
        parser.parse(in, new BodyContentHandler(text), new Metadata(), context(0, null));
        String full = text.text().strip();
        return new ExtractedContent(full, full, withSkipped(Map.of()), attachments);
    }

    /** The plain body where there is one, the HTML body's text otherwise. */
    private BodyText text(MailMessage message) throws GuardException {
        String full;
        String authored;
        if (message.plainBody() != null && (!message.plainBody().isBlank() || message.htmlBody() == null)) {
            full = message.plainBody().replace("\r\n", "\n").strip();
            authored = AuthoredTextStripper.authored(message.plainBody());
        } else if (message.htmlBody() != null) {
            full = HtmlText.full(message.htmlBody());
            authored = AuthoredTextStripper.authored(HtmlText.authored(message.htmlBody()));
        } else {
            full = "";
            authored = "";
        }
        budget.take(full.length());
        return new BodyText(authored, full);
    }

    private void attachments(MailMessage message, int depth, String prefix) throws SAXException {
        for (MailMessage.Part part : message.parts()) {
            budget.stopIfCancelled();
            String name = part.name() == null ? null : prefix + part.name();
            if (part.message() != null) {
                attached(part.message(), name, depth, prefix);
            } else {
                attachment(part.content(), name, depth, prefix);
            }
        }
    }

    private void attached(MailMessage message, String name, int depth, String prefix) throws SAXException {
        attachments.add(new Attachment(name, message.mediaType(), text(message).full()));
        attachments(message, depth + 1, name == null ? prefix : name + "/");
    }

    private void attachment(byte[] content, String name, int depth, String prefix) throws SAXException {
        if (depth > limits.maxNestingDepth()) {
            throw limits.nestedTooDeep();
        }
        Metadata metadata = new Metadata();
        if (name != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        String type = "unknown";
        try (TikaInputStream in = TikaInputStream.get(InterruptibleInputStream.of(content))) {
            type = types.normalize(detector.detect(in, metadata)).getBaseType().toString();
            if (MESSAGE.equals(type)) {
                attached(mimeMessages.read(in, depth), name, depth, prefix);
            } else if (OutlookMessageReader.MEDIA_TYPE.equals(type)) {
                attached(outlookMessages.read(in, depth), name, depth, prefix);
            } else {
                BudgetedTextHandler text = new BudgetedTextHandler(budget);
                parser.parse(in, new BodyContentHandler(text), metadata, context(depth, name));
                attachments.add(new Attachment(name, type, text.text().strip()));
            }
        } catch (TikaException | IOException | SAXException | RuntimeException failure) {
            skipUnlessGuarded((name == null ? "an unnamed attachment" : name) + " (" + type + ")", failure);
        }
    }

    /** Records a document that could not be read, unless a guard stopped it: that ends the whole extraction. */
    private void skipUnlessGuarded(String document, Throwable failure) throws GuardException {
        GuardException guard = GuardException.foundIn(failure);
        if (guard != null) {
            throw guard;
        }
        String zipBomb = zipBombFinding(failure);
        if (zipBomb != null) {
            throw limits.zipBomb(zipBomb);
        }
        skipped.add(document + ": " + kind(failure));
    }

    private ParseContext context(int depth, String name) {
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        context.set(EmbeddedDocumentExtractor.class, new EmbeddedDocuments(depth, name));
        // images give their metadata only: OCR would take seconds a picture, where a tesseract is installed at all
        TesseractOCRConfig noOcr = new TesseractOCRConfig();
        noOcr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, noOcr);
        return context;
    }

    private Map<String, String> withSkipped(Map<String, String> metadata) {
        if (skipped.isEmpty()) {
            return metadata;
        }
        Map<String, String> all = new LinkedHashMap<>(metadata);
        all.put(SKIPPED, String.join("; ", skipped));
        return all;
    }

    private static String joined(List<String> texts) {
        return String.join("\n\n", texts.stream().filter(text -> !text.isBlank()).toList());
    }

    /** What went wrong, by exception types only: their messages may quote the content. */
    private static String kind(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = GuardException.next(cause)) {
            if (cause instanceof EncryptedDocumentException) {
                return "encrypted";
            }
        }
        Throwable cause = GuardException.next(failure);
        return failure.getClass().getSimpleName() + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")");
    }

    /** Tika's SecureContentHandler's own words when it stopped the parse, else null. */
    private static String zipBombFinding(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = GuardException.next(cause)) {
            if (cause.getClass().getEnclosingClass() == SecureContentHandler.class) {
                return cause.getMessage();
            }
        }
        return null;
    }

    private record BodyText(String authored, String full) {
    }

    /** Documents inside an attachment (files in a zip, a spreadsheet in a presentation): their text joins its text. */
    private final class EmbeddedDocuments implements EmbeddedDocumentExtractor {
        private final int depth;
        private final String parentName;

        EmbeddedDocuments(int depth, String parentName) {
            this.depth = depth;
            this.parentName = parentName;
        }

        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return true;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
                throws SAXException, IOException {
            if (depth + 1 > limits.maxNestingDepth()) {
                throw limits.nestedTooDeep();
            }
            String own = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
            String name = (parentName == null ? "" : parentName + "/") + (own == null ? "embedded document" : own);
            try {
                parser.parse(stream, new EmbeddedContentHandler(new BodyContentHandler(handler)), metadata, context(depth + 1, name));
            } catch (TikaException | IOException | RuntimeException failure) {
                // a SAXException is let through: it may come from a guard or from the attachment's own handler
                skipUnlessGuarded(name, failure);
            }
        }
    }
}
