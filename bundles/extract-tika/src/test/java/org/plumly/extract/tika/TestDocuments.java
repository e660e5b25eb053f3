package org.plumly.extract.tika;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Attachments and Outlook messages made by the libraries Tika reads them with (PDFBox and POI). */
final class TestDocuments {

    private TestDocuments() {
    }

    static byte[] pdf(String line) throws IOException {
        return pdf(line, null);
    }

    static byte[] encryptedPdf(String line) throws IOException {
        return pdf(line, "user-secret");
    }

    private static byte[] pdf(String line, String userPassword) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(line);
                content.endText();
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] docx(String paragraph) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(paragraph);
            document.write(out);
            return out.toByteArray();
        }
    }

    static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A small zip holding one text file of {@code characters} '0' digits: deflate shrinks it about a thousand times. */
    static byte[] zipBomb(int characters) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.txt"));
            byte[] zeros = "0".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int written = 0; written < characters; written += zeros.length) {
                zip.write(zeros, 0, Math.min(zeros.length, characters - written));
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /**
     * An Outlook .msg written the way Outlook stores one: a compound file with one stream per MAPI property
     * ({@code __substg1.0_<tag><type>}, type 001F a UTF-16LE string, 0102 binary) and a fixed-size property
     * stream ({@code __properties_version1.0}) holding the submit time, plus one attachment storage.
     */
    static byte[] outlookMessage(String subject, String senderName, String senderAddress, String to, String body,
                                 Instant sent, String attachmentName, byte[] attachment) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DirectoryEntry root = fs.getRoot();
            string(root, "001A", "IPM.Note");
            string(root, "0037", subject);
            string(root, "0E1D", subject);
            string(root, "0C1A", senderName);
            string(root, "0C1F", senderAddress);
            string(root, "0E04", to);
            string(root, "1000", body);
            string(root, "1035", "<msg-1@customer.example>");
            // top-level property stream: 8 reserved bytes, next recipient id, next attachment id, recipient
            // count, attachment count, 8 reserved bytes; then 16 bytes per property (tag, flags, value)
            ByteBuffer properties = ByteBuffer.allocate(32 + 16).order(ByteOrder.LITTLE_ENDIAN);
            properties.position(8).putInt(0).putInt(1).putInt(0).putInt(1).position(32);
            properties.putInt(0x00390040).putInt(0x6).putLong(fileTime(sent)); // PR_CLIENT_SUBMIT_TIME, PT_SYSTIME
            root.createDocument("__properties_version1.0", new ByteArrayInputStream(properties.array()));
            DirectoryEntry attached = root.createDirectory("__attach_version1.0_#00000000");
            string(attached, "3707", attachmentName);
            string(attached, "3704", attachmentName);
            attached.createDocument("__substg1.0_37010102", new ByteArrayInputStream(attachment));
            attached.createDocument("__properties_version1.0", new ByteArrayInputStream(new byte[8]));
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static void string(DirectoryEntry directory, String tag, String value) throws IOException {
        directory.createDocument("__substg1.0_" + tag + "001F",
                new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_16LE)));
    }

    /** Windows FILETIME: 100-nanosecond intervals since 1601-01-01. */
    private static long fileTime(Instant instant) {
        return (instant.getEpochSecond() + 11_644_473_600L) * 10_000_000L + instant.getNano() / 100;
    }
}
