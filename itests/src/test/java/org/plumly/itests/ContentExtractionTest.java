package org.plumly.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.plumly.api.RawContent;
import org.plumly.api.content.ContentException;
import org.plumly.api.content.ContentExtractor;
import org.plumly.api.content.ExtractedContent;
import org.plumly.api.content.ExtractedContent.Attachment;

/**
 * Apache Tika inside the running hub: the extractor bundle of the boot feature finds Tika's parsers across its
 * embedded jars and reads a real reply mail with a PDF and a Word attachment, both written here byte by byte
 * as the formats define them, and its guards answer in Karaf as they do in the unit tests.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ContentExtractionTest {

    @Inject
    @Filter(timeout = 120_000)
    private ContentExtractor extractor;

    @Configuration
    public Option[] configuration() {
        return PlumlyDistribution.options();
    }

    @Test
    public void aReplyWithPdfAndWordAttachmentsIsExtractedInTheHub() throws Exception {
        String body = """
                Hi Sam,

                the figures look right, we sign on Friday.

                Kind regards,
                Jane Doe
                Customer Inc.

                On Mon, Nov 23, 2026 at 4:02 PM Sam Seller <sam@plumly.example> wrote:
                > Hi Jane, the quote and the terms are attached.
                """;
        String mail = """
                From: Jane Doe <jane@customer.example>
                To: Sam Seller <sam@plumly.example>
                Subject: Re: Quote and terms
                Date: Tue, 24 Nov 2026 10:15:00 +0100
                Message-ID: <reply-7@customer.example>
                In-Reply-To: <quote-7@plumly.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: text/plain; charset=UTF-8

                %s
                --outer
                Content-Type: application/pdf; name="quote.pdf"
                Content-Disposition: attachment; filename="quote.pdf"
                Content-Transfer-Encoding: base64

                %s
                --outer
                Content-Type: application/octet-stream; name="terms.docx"
                Content-Disposition: attachment; filename="terms.docx"
                Content-Transfer-Encoding: base64

                %s
                --outer--
                """.formatted(body, base64(pdf("Quote 2026-117: 40 seats at 30 EUR")), base64(docx("Payment within 30 days.")))
                .replace("\n", "\r\n");

        ExtractedContent extracted = extractor.extract(new RawContent("message/rfc822", mail.getBytes(StandardCharsets.UTF_8)));

        assertEquals("Hi Sam,\n\nthe figures look right, we sign on Friday.", extracted.authoredText());
        assertTrue(extracted.fullText(), extracted.fullText().contains("the quote and the terms are attached"));
        assertEquals("Re: Quote and terms", extracted.metadata().get("subject"));
        assertEquals("Jane Doe <jane@customer.example>", extracted.metadata().get("from"));
        assertEquals("Sam Seller <sam@plumly.example>", extracted.metadata().get("to"));
        assertEquals("2026-11-24T09:15:00Z", extracted.metadata().get("date"));
        assertEquals("<reply-7@customer.example>", extracted.metadata().get("message-id"));
        assertEquals("<quote-7@plumly.example>", extracted.metadata().get("in-reply-to"));
        assertEquals(extracted.metadata().toString(), null, extracted.metadata().get("skipped-attachments"));
        assertEquals(2, extracted.attachments().size());
        Attachment quote = extracted.attachments().get(0);
        assertEquals("quote.pdf", quote.name());
        assertEquals("application/pdf", quote.mediaType());
        assertTrue(quote.text(), quote.text().contains("Quote 2026-117: 40 seats at 30 EUR"));
        Attachment terms = extracted.attachments().get(1);
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", terms.mediaType());
        assertTrue(terms.text(), terms.text().contains("Payment within 30 days."));
    }

    @Test
    public void aGuardAnswersWithAContentException() {
        byte[] tooLarge = new byte[26_214_401];
        try {
            extractor.extract(new RawContent("message/rfc822", tooLarge));
        } catch (ContentException refused) {
            assertEquals("input size guard: 26214401 bytes is more than the limit of 26214400 bytes", refused.getMessage());
            return;
        }
        throw new AssertionError("a message over 25 MB was extracted");
    }

    private static String base64(byte[] content) {
        return Base64.getMimeEncoder().encodeToString(content);
    }

    /** A one-page PDF with one line of Helvetica, objects and cross-reference table as PDF 1.4 lays them out. */
    private static byte[] pdf(String line) {
        String content = "BT /F1 12 Tf 72 700 Td (" + line + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The smallest Word document: content types, the package relationship and one paragraph (ECMA-376). */
    private static byte[] docx(String paragraph) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                    </Relationships>""");
            entry(zip, "word/document.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                    <w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body>
                    </w:document>""".formatted(paragraph));
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
