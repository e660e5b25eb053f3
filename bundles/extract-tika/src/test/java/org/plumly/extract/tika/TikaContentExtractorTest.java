package org.plumly.extract.tika;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.plumly.extract.tika.TestMail.AUTHORED;
import static org.plumly.extract.tika.TestMail.HEADERS;
import static org.plumly.extract.tika.TestMail.REPLY;
import static org.plumly.extract.tika.TestMail.attachedMessage;
import static org.plumly.extract.tika.TestMail.attachment;
import static org.plumly.extract.tika.TestMail.message;
import static org.plumly.extract.tika.TestMail.multipart;
import static org.plumly.extract.tika.TestMail.text;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plumly.api.RawContent;
import org.plumly.api.content.ContentException;
import org.plumly.api.content.ExtractedContent;
import org.plumly.api.content.ExtractedContent.Attachment;

class TikaContentExtractorTest {

    private static TikaContentExtractor extractor;

    @BeforeAll
    static void startExtractor() throws Exception {
        extractor = new TikaContentExtractor(TestConfig.defaults());
    }

    @AfterAll
    static void stopExtractor() throws Exception {
        extractor.deactivate();
    }

    @Test
    void aPlainReplyKeepsOnlyTheNewTextAndItsHeaders() throws Exception {
        ExtractedContent mail = extractor.extract(new RawContent("message/rfc822", message(HEADERS, text("plain", REPLY))));

        assertThat(mail.authoredText()).isEqualTo(AUTHORED);
        assertThat(mail.fullText()).contains("here is the quote for 40 seats").contains("+1 555 0100");
        assertThat(mail.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "subject", "Re: Quote for 40 seats",
                "from", "Jane Doe <jane@customer.example>",
                "to", "Sam Seller <sam@plumly.example>, Ana Lead <ana@plumly.example>",
                "cc", "Bob Buyer <bob@customer.example>",
                "date", "2026-11-24T09:15:00Z",
                "message-id", "<reply-1@customer.example>",
                "in-reply-to", "<quote-1@plumly.example>"));
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void contentOfUnknownTypeIsDetected() throws Exception {
        ExtractedContent mail = extractor.extract(new RawContent("application/octet-stream", message(HEADERS, text("plain", REPLY))));

        assertThat(mail.authoredText()).isEqualTo(AUTHORED);
        assertThat(mail.metadata()).containsEntry("subject", "Re: Quote for 40 seats");
    }

    @Test
    void anHtmlOnlyMailLosesItsMarkupScriptsAndGmailQuote() throws Exception {
        String html = """
                <html><head><title>ignored title</title><style>p { color: red; }</style></head><body>
                <div dir="ltr">Thanks Sam,<div><br></div><div>we accept the <b>renewal</b> at 12% off.</div>
                <script>alert('not text')</script></div>
                <div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Nov 23, 2026 at 4:02 PM Sam Seller wrote:<br></div>
                <blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">Our renewal offer: 10% off.</blockquote></div>
                </body></html>
                """;
        ExtractedContent mail = extractor.extract(new RawContent("message/rfc822", message(HEADERS, text("html", html))));

        assertThat(mail.authoredText()).isEqualTo("Thanks Sam,\n\nwe accept the renewal at 12% off.");
        assertThat(mail.fullText()).contains("we accept the renewal at 12% off.").contains("Our renewal offer: 10% off.")
                .doesNotContain("<", "color: red", "alert", "ignored title");
    }

    @Test
    void thePlainAlternativeIsPreferredAndAnOutlookWebReplyIsCutAtItsMarker() throws Exception {
        String html = """
                <html><body><div>Let's sign on Friday.</div><div id="appendonsend"></div><hr>
                <div id="divRplyFwdMsg"><b>From:</b> Sam Seller<br><b>Sent:</b> Monday<br><b>Subject:</b> Contract</div>
                <div>Shall we sign this week?</div></body></html>
                """;
        byte[] alternative = message(HEADERS, multipart("alternative", text("plain", "Let's sign on Friday, plain.\n"), text("html", html)));
        byte[] htmlOnly = message(HEADERS, text("html", html));

        assertThat(extractor.extract(new RawContent("message/rfc822", alternative)).authoredText()).isEqualTo("Let's sign on Friday, plain.");
        ExtractedContent fromHtml = extractor.extract(new RawContent("message/rfc822", htmlOnly));
        assertThat(fromHtml.authoredText()).isEqualTo("Let's sign on Friday.");
        assertThat(fromHtml.fullText()).contains("Shall we sign this week?");
    }

    @Test
    void anOutlookStyleReplyIsCutAtItsHeaderBlock() throws Exception {
        String body = """
                Sam,

                Legal approved the terms. Please send the final version.

                Thanks,
                Jane

                From: Sam Seller <sam@plumly.example>
                Sent: Monday, November 23, 2026 4:02 PM
                To: Jane Doe <jane@customer.example>
                Subject: Terms

                Here are the terms.
                """;
        ExtractedContent mail = extractor.extract(new RawContent("message/rfc822", message(HEADERS, text("plain", body))));

        assertThat(mail.authoredText()).isEqualTo("Sam,\n\nLegal approved the terms. Please send the final version.");
        assertThat(mail.fullText()).contains("Here are the terms.");
    }

    @Test
    void aForwardedMessageKeepsOnlyTheForwardersNote() throws Exception {
        String body = """
                Ana, can you take this lead?

                ---------- Forwarded message ---------
                From: Jane Doe <jane@customer.example>
                Date: Mon, Nov 23, 2026 at 10:15 AM
                Subject: Pricing question
                To: <sam@plumly.example>

                What does the enterprise plan cost?
                """;
        ExtractedContent mail = extractor.extract(new RawContent("message/rfc822", message(HEADERS, text("plain", body))));

        assertThat(mail.authoredText()).isEqualTo("Ana, can you take this lead?");
        assertThat(mail.fullText()).contains("What does the enterprise plan cost?");
    }

    @Test
    void pdfAndDocxAttachmentsGiveTheirText() throws Exception {
        byte[] mail = message(HEADERS, multipart("mixed",
                text("plain", REPLY),
                attachment("application/pdf", "quote.pdf", TestDocuments.pdf("Quote 2026-117: 40 seats at 30 EUR")),
                attachment("application/octet-stream", "terms.docx", TestDocuments.docx("Payment within 30 days of invoice."))));

        ExtractedContent extracted = extractor.extract(new RawContent("message/rfc822", mail));

        assertThat(extracted.authoredText()).isEqualTo(AUTHORED);
        assertThat(extracted.attachments()).extracting(Attachment::name, Attachment::mediaType).containsExactly(
                tuple("quote.pdf", "application/pdf"),
                tuple("terms.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assertThat(extracted.attachments().get(0).text()).contains("Quote 2026-117: 40 seats at 30 EUR");
        assertThat(extracted.attachments().get(1).text()).contains("Payment within 30 days of invoice.");
        assertThat(extracted.metadata()).doesNotContainKey(MessageExtraction.SKIPPED);
    }

    @Test
    void anEncryptedPdfIsSkippedAndRecordedWhileTheMessageIsExtracted() throws Exception {
        byte[] mail = message(HEADERS, multipart("mixed",
                text("plain", REPLY),
                attachment("application/pdf", "locked.pdf", TestDocuments.encryptedPdf("Secret price list")),
                attachment("application/pdf", "open.pdf", TestDocuments.pdf("Public price list"))));

        ExtractedContent extracted = extractor.extract(new RawContent("message/rfc822", mail));

        assertThat(extracted.authoredText()).isEqualTo(AUTHORED);
        assertThat(extracted.attachments()).extracting(Attachment::name).containsExactly("open.pdf");
        assertThat(extracted.metadata().get(MessageExtraction.SKIPPED)).isEqualTo("locked.pdf (application/pdf): encrypted");
    }

    @Test
    void eachMessageOfAMailboxIsExtracted() throws Exception {
        StringBuilder mbox = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            String headers = HEADERS.replace("reply-1@", "reply-" + i + "@").replace("Quote for 40 seats", "Seats, part " + i);
            mbox.append("From jane@customer.example Tue Nov 24 10:1").append(i).append(":00 2026\n")
                    .append(new String(message(headers, text("plain", "Message number " + i + ".\n\nOn Mon, Nov 23, 2026 at 4:02 PM Sam wrote:\n> quoted " + i + "\n")),
                            StandardCharsets.UTF_8).replace("\r\n", "\n"))
                    .append('\n');
        }

        ExtractedContent mailbox = extractor.extract(new RawContent("application/mbox", mbox.toString().getBytes(StandardCharsets.UTF_8)));

        assertThat(mailbox.authoredText()).isEqualTo("Message number 1.\n\nMessage number 2.\n\nMessage number 3.");
        assertThat(mailbox.fullText()).contains("quoted 1", "quoted 2", "quoted 3");
        assertThat(mailbox.metadata()).containsEntry(MessageExtraction.MESSAGES, "3")
                .containsEntry("subject", "Re: Seats, part 3").containsEntry("message-id", "<reply-3@customer.example>");
    }

    @Test
    void anOutlookMessageGivesItsBodyHeadersAndAttachment() throws Exception {
        byte[] msg = TestDocuments.outlookMessage("RE: Renewal", "Jane Doe", "jane@customer.example", "Sam Seller",
                "We renew for two years.\r\n\r\nKind regards\r\nJane\r\n\r\n-----Original Message-----\r\nFrom: Sam\r\nDo you renew?\r\n",
                Instant.parse("2026-11-24T09:15:00Z"), "order.pdf", TestDocuments.pdf("Order 77: two years"));

        for (String declared : new String[] {"application/vnd.ms-outlook", "application/octet-stream"}) {
            ExtractedContent mail = extractor.extract(new RawContent(declared, msg));

            assertThat(mail.authoredText()).isEqualTo("We renew for two years.");
            assertThat(mail.fullText()).contains("Do you renew?");
            assertThat(mail.metadata()).containsEntry("subject", "RE: Renewal")
                    .containsEntry("from", "Jane Doe <jane@customer.example>")
                    .containsEntry("to", "Sam Seller")
                    .containsEntry("date", "2026-11-24T09:15:00Z")
                    .containsEntry("message-id", "<msg-1@customer.example>");
            assertThat(mail.attachments()).singleElement().satisfies(attachment -> {
                assertThat(attachment.name()).isEqualTo("order.pdf");
                assertThat(attachment.mediaType()).isEqualTo("application/pdf");
                assertThat(attachment.text()).contains("Order 77: two years");
            });
        }
    }

    @Test
    void aForwardedMessageAttachmentIsReadWithItsOwnAttachments() throws Exception {
        byte[] inner = message(HEADERS.replace("reply-1@", "inner@"), multipart("mixed", text("plain", "The inner message.\n"),
                attachment("application/pdf", "inner.pdf", TestDocuments.pdf("Inner attachment text"))));
        byte[] outer = message(HEADERS, multipart("mixed", text("plain", "See the attached mail.\n"), attachedMessage(inner)));

        ExtractedContent mail = extractor.extract(new RawContent("message/rfc822", outer));

        assertThat(mail.authoredText()).isEqualTo("See the attached mail.");
        assertThat(mail.attachments()).extracting(Attachment::mediaType).containsExactly("message/rfc822", "application/pdf");
        assertThat(mail.attachments().get(0).text()).isEqualTo("The inner message.");
        assertThat(mail.attachments().get(1).name()).isEqualTo("inner.pdf");
        assertThat(mail.attachments().get(1).text()).contains("Inner attachment text");
    }

    @Test
    void aTruncatedMessageGivesWhatCanBeReadAndRecordsTheBrokenAttachment() throws Exception {
        byte[] whole = message(HEADERS, multipart("mixed", text("plain", REPLY),
                attachment("application/pdf", "quote.pdf", TestDocuments.pdf("Quote 2026-117"))));
        String text = new String(whole, StandardCharsets.UTF_8);
        byte[] truncated = text.substring(0, text.indexOf("quote.pdf") + 400).getBytes(StandardCharsets.UTF_8);

        ExtractedContent mail = extractor.extract(new RawContent("message/rfc822", truncated));

        assertThat(mail.authoredText()).isEqualTo(AUTHORED);
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.metadata().get(MessageExtraction.SKIPPED)).startsWith("quote.pdf (application/pdf): ");
    }

    @Test
    void garbageThatIsNoMessageIsRefusedWithAClearError() {
        byte[] garbage = new byte[4096];
        Arrays.fill(garbage, (byte) 0xd0);
        garbage[0] = (byte) 0xd0;
        garbage[1] = (byte) 0xcf;
        garbage[2] = 0x11;
        garbage[3] = (byte) 0xe0;

        assertThatThrownBy(() -> extractor.extract(new RawContent("application/vnd.ms-outlook", garbage)))
                .isInstanceOf(ContentException.class).hasMessageStartingWith("unreadable application/vnd.ms-outlook: ");
        assertThatThrownBy(() -> extractor.extract(new RawContent("message/rfc822", new byte[0])))
                .isInstanceOf(ContentException.class).hasMessage("empty content: 0 bytes");
    }

    @Test
    void aMessageOverTheSizeLimitIsRefused() throws Exception {
        TikaContentExtractor small = new TikaContentExtractor(TestConfig.with(Map.of("maxInputBytes", 1_000L)));
        try {
            byte[] mail = message(HEADERS, text("plain", REPLY.repeat(5)));

            assertThatThrownBy(() -> small.extract(new RawContent("message/rfc822", mail)))
                    .isInstanceOf(ContentException.class)
                    .hasMessage("input size guard: " + mail.length + " bytes is more than the limit of 1000 bytes");
        } finally {
            small.deactivate();
        }
    }

    @Test
    void messagesNestedTooDeepAreRefused() throws Exception {
        byte[] mail = message(HEADERS, text("plain", "The innermost message.\n"));
        for (int level = 1; level <= 6; level++) {
            mail = message(HEADERS, multipart("mixed", text("plain", "Level " + level + ".\n"), attachedMessage(mail)));
        }
        byte[] nested = mail;

        assertThatThrownBy(() -> extractor.extract(new RawContent("message/rfc822", nested)))
                .isInstanceOf(ContentException.class)
                .hasMessage("nesting depth guard: embedded documents or messages nested deeper than the limit of 5 levels");
    }

    @Test
    void documentsNestedTooDeepInsideAnAttachmentAreRefused() throws Exception {
        byte[] zip = TestDocuments.zip("notes.txt", "Meeting notes.".getBytes(StandardCharsets.UTF_8));
        byte[] shallow = message(HEADERS, multipart("mixed", text("plain", REPLY), attachment("application/zip", "notes.zip", zip)));
        for (int level = 1; level <= 5; level++) {
            zip = TestDocuments.zip("level-" + level + ".zip", zip);
        }
        byte[] deep = message(HEADERS, multipart("mixed", text("plain", REPLY), attachment("application/zip", "archive.zip", zip)));

        assertThat(extractor.extract(new RawContent("message/rfc822", shallow)).attachments())
                .singleElement().satisfies(attachment -> assertThat(attachment.text()).contains("Meeting notes."));
        assertThatThrownBy(() -> extractor.extract(new RawContent("message/rfc822", deep)))
                .isInstanceOf(ContentException.class)
                .hasMessage("nesting depth guard: embedded documents or messages nested deeper than the limit of 5 levels");
    }

    @Test
    void aDocumentOnItsOwnGivesItsTextAsTheAuthoredText() throws Exception {
        ExtractedContent document = extractor.extract(new RawContent("application/octet-stream", TestDocuments.pdf("Price list 2027")));

        assertThat(document.fullText()).isEqualTo("Price list 2027");
        assertThat(document.authoredText()).isEqualTo(document.fullText());
        assertThat(document.attachments()).isEmpty();
    }

    @Test
    void aZipBombAttachmentIsStoppedByTikasGuard() throws Exception {
        byte[] bomb = TestDocuments.zipBomb(20_000_000);
        assertThat(bomb.length).isLessThan(40_000);
        byte[] mail = message(HEADERS, multipart("mixed", text("plain", REPLY), attachment("application/zip", "figures.zip", bomb)));

        assertThatThrownBy(() -> extractor.extract(new RawContent("message/rfc822", mail)))
                .isInstanceOf(ContentException.class)
                .hasMessageStartingWith("zip bomb guard (limit 100 characters per byte after 1000000 characters): ");
    }

    @Test
    void tooMuchTextIsRefused() throws Exception {
        TikaContentExtractor small = new TikaContentExtractor(TestConfig.with(Map.of("maxCharacters", 10_000L)));
        try {
            byte[] mail = message(HEADERS, multipart("mixed", text("plain", REPLY),
                    attachment("text/plain", "notes.txt", "Twenty characters.\n".repeat(1_000).getBytes(StandardCharsets.UTF_8))));

            assertThatThrownBy(() -> small.extract(new RawContent("message/rfc822", mail)))
                    .isInstanceOf(ContentException.class)
                    .hasMessage("extracted characters guard: more than the limit of 10000 characters of text");
        } finally {
            small.deactivate();
        }
    }

    @Test
    void aParseOverTheTimeLimitIsCancelledAndTheWorkersStayFewAndUsable() throws Exception {
        long threadsBefore = extractionThreads();
        TikaContentExtractor hurried = new TikaContentExtractor(TestConfig.with(Map.of("timeLimitMillis", 1L)));
        try {
            byte[] large = message(HEADERS, multipart("mixed", text("plain", REPLY),
                    attachment("text/plain", "log.txt", "A long line of a large log file.\n".repeat(100_000).getBytes(StandardCharsets.UTF_8))));
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> hurried.extract(new RawContent("message/rfc822", large)))
                        .isInstanceOf(ContentException.class)
                        .hasMessage("time limit guard: extraction took longer than the limit of 1 ms");
            }
            assertThat(extractionThreads() - threadsBefore).as("its worker threads").isLessThanOrEqualTo(2);

            hurried.modified(TestConfig.defaults());
            ExtractedContent next = hurried.extract(new RawContent("message/rfc822", message(HEADERS, text("plain", REPLY))));
            assertThat(next.authoredText()).isEqualTo(AUTHORED);
        } finally {
            hurried.deactivate();
        }
    }

    @Test
    void callsBeyondTheWaitingLimitAreRefusedAtOnce() throws Exception {
        TikaContentExtractor single = new TikaContentExtractor(TestConfig.with(Map.of("workers", 1, "maxWaiting", 1)));
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            byte[] large = message(HEADERS, multipart("mixed", text("plain", REPLY),
                    attachment("text/plain", "log.txt", "A long line of a large log file.\n".repeat(100_000).getBytes(StandardCharsets.UTF_8))));
            List<Future<ExtractedContent>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(callers.submit(() -> single.extract(new RawContent("message/rfc822", large))));
            }
            List<String> refusals = new ArrayList<>();
            int extracted = 0;
            for (Future<ExtractedContent> call : calls) {
                try {
                    call.get();
                    extracted++;
                } catch (ExecutionException refused) {
                    refusals.add(refused.getCause().getMessage());
                }
            }

            assertThat(extracted).isGreaterThanOrEqualTo(1);
            assertThat(refusals).isNotEmpty().allSatisfy(refusal ->
                    assertThat(refusal).isEqualTo("worker pool guard: all 1 workers are busy and 1 extractions wait, the limit"));
        } finally {
            callers.shutdownNow();
            single.deactivate();
        }
    }

    private static long extractionThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("plumly-extract-tika-") && thread.isAlive())
                .count();
    }
}
