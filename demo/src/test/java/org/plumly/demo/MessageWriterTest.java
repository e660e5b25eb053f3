package org.plumly.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessageWriterTest {
    private static final ZonedDateTime WHEN = ZonedDateTime.of(2026, 3, 3, 10, 14, 5, 0, ZoneId.of("Europe/Berlin"));

    private static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    private static Mail mail(String fromName, String subject, String text, boolean html, List<Mail.Address> to) {
        return new Mail("<1.a@mail.northwind.example>", new Mail.Address(fromName, "juergen.brandt@northwind.example"), to,
                List.of(), WHEN, subject, text, html, "", List.of(), Tone.NEUTRAL, "", "");
    }

    @Test
    void nonAsciiNamesAndSubjectsComeBackFromEncodedWords() throws Exception {
        String subject = "Angebot für Müller & Söhne – Kalibrierung, Prüfmittel und Drehmomentschlüssel für alle Standorte";
        byte[] bytes = MessageWriter.write(mail("Jürgen Brandt", subject, "Grüße\nJürgen", false,
                List.of(new Mail.Address("Zoë Ó Briain", "zoe@cork.example"))));
        String raw = new String(bytes, StandardCharsets.US_ASCII);
        assertThat(raw).doesNotContain("ü").contains("\r\n").doesNotContainPattern("[^\r]\n");
        raw.lines().forEach(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(78));
        MimeMessage m = parse(bytes);
        assertThat(m.getSubject()).isEqualTo(subject);
        assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("Jürgen Brandt");
        assertThat(((InternetAddress) m.getAllRecipients()[0]).getPersonal()).isEqualTo("Zoë Ó Briain");
        assertThat(m.getContent()).isEqualTo("Grüße\r\nJürgen\r\n");
        assertThat(m.getSentDate().toInstant()).isEqualTo(WHEN.toInstant());
        assertThat(m.getHeader("Date")[0]).isEqualTo("Tue, 3 Mar 2026 10:14:05 +0100");
    }

    @Test
    void quotedPrintableKeepsLongLinesTrailingSpacesAndEqualsSigns() throws Exception {
        String text = "a=b " + "x".repeat(200) + " \n€ 48.000 ";
        String encoded = MessageWriter.quotedPrintable(text);
        encoded.lines().forEach(l -> assertThat(l.length()).isLessThanOrEqualTo(76));
        String decoded = new String(MimeUtility.decode(new ByteArrayInputStream(encoded.getBytes(StandardCharsets.US_ASCII)),
                "quoted-printable").readAllBytes(), StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo(text.replace("\n", "\r\n"));
    }

    @Test
    void htmlMailIsAlternativeWithTheSameWordsInBothParts() throws Exception {
        MimeMessage m = parse(MessageWriter.write(mail("Jürgen Brandt", "Offer", "Hi <Anna> & team,\n\n> quoted", true,
                List.of(new Mail.Address("Anna Weber", "anna@x.example")))));
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Hi <Anna> & team,\r\n\r\n> quoted");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("Hi &lt;Anna&gt; &amp; team,", "<blockquote");
    }

    @Test
    void longAddressListsAreFoldedAndStillParse() throws Exception {
        List<Mail.Address> many = List.of(new Mail.Address("Anna Weber", "anna.weber@stuttgart-works.example"),
                new Mail.Address("Patrick O'Brien", "patrick.obrien@stuttgart-works.example"),
                new Mail.Address("Smith, John", "john.smith@stuttgart-works.example"));
        byte[] bytes = MessageWriter.write(mail("Tom Hendriks", "Hello", "Hi", false, many));
        new String(bytes, StandardCharsets.US_ASCII).lines().forEach(l -> assertThat(l.length()).isLessThanOrEqualTo(78));
        assertThat(parse(bytes).getRecipients(jakarta.mail.Message.RecipientType.TO))
                .extracting(a -> ((InternetAddress) a).getAddress(), a -> ((InternetAddress) a).getPersonal())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("anna.weber@stuttgart-works.example", "Anna Weber"),
                        org.assertj.core.groups.Tuple.tuple("patrick.obrien@stuttgart-works.example", "Patrick O'Brien"),
                        org.assertj.core.groups.Tuple.tuple("john.smith@stuttgart-works.example", "Smith, John"));
    }
}
