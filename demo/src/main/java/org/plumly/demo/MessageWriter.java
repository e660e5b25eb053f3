package org.plumly.demo;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * RFC 5322 and MIME by hand, so every byte is fixed by the message alone: CRLF line ends, headers folded at 78
 * columns, RFC 2047 encoded words for non-ASCII names and subjects, bodies in 7bit when they can be, else
 * quoted-printable UTF-8, and a multipart/alternative with an HTML part when the sender writes HTML.
 */
final class MessageWriter {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.US);

    private static final java.util.regex.Pattern ATOMS = java.util.regex.Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+");

    private MessageWriter() {
    }

    static byte[] write(Mail m) {
        StringBuilder out = new StringBuilder();
        header(out, "Message-ID", m.messageId());
        switch (m.defect()) {
            case "no Date header" -> {
            }
            case "Date header is not a date" -> header(out, "Date", "sometime Thursday afternoon");
            default -> header(out, "Date", DATE.format(m.date()));
        }
        if (m.defect().equals("From header cut off")) {
            header(out, "From", "\"" + m.from().name() + " <" + m.from().email().substring(0, m.from().email().indexOf('.')));
        } else {
            header(out, "From", address(m.from()));
        }
        header(out, "To", addresses(m.to()));
        if (!m.cc().isEmpty()) {
            header(out, "Cc", addresses(m.cc()));
        }
        header(out, "Subject", unstructured(m.subject()));
        if (!m.inReplyTo().isEmpty()) {
            header(out, "In-Reply-To", m.inReplyTo());
            header(out, "References", String.join(" ", m.references()));
        }
        header(out, "MIME-Version", "1.0");
        if (m.html()) {
            String boundary = "=_nw_" + Integer.toHexString(m.messageId().hashCode()) + "_alt";
            header(out, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
            out.append("\r\n");
            out.append("This is a multi-part message in MIME format.\r\n");
            out.append("--").append(boundary).append("\r\n");
            part(out, "text/plain", m.text());
            out.append("--").append(boundary).append("\r\n");
            part(out, "text/html", Html.of(m.text()));
            out.append("--").append(boundary).append("--\r\n");
        } else {
            part(out, "text/plain", m.text());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void part(StringBuilder out, String type, String text) {
        header(out, "Content-Type", type + "; charset=UTF-8");
        boolean plain = type.equals("text/plain") && isAscii(text) && text.lines().allMatch(l -> l.length() <= 76);
        header(out, "Content-Transfer-Encoding", plain ? "7bit" : "quoted-printable");
        out.append("\r\n");
        out.append(plain ? text.replace("\n", "\r\n") : quotedPrintable(text)).append("\r\n");
    }

    static String address(Mail.Address a) {
        if (a.name().isEmpty()) {
            return a.email();
        }
        return phrase(a.name()) + " <" + a.email() + ">";
    }

    private static String addresses(List<Mail.Address> list) {
        return String.join(", ", list.stream().map(MessageWriter::address).toList());
    }

    /** A display name: atoms as they are, a quoted string if it has specials, encoded words if not ASCII. */
    private static String phrase(String name) {
        if (!isAscii(name)) {
            return encodedWords(name);
        }
        if (ATOMS.matcher(name).matches()) {
            return name;
        }
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String unstructured(String text) {
        return isAscii(text) ? text : encodedWords(text);
    }

    /** RFC 2047 Q encoding, in words that never split a character. */
    static String encodedWords(String text) {
        StringBuilder words = new StringBuilder();
        StringBuilder word = new StringBuilder();
        String open = "=?UTF-8?Q?";
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            StringBuilder encoded = new StringBuilder();
            if (cp == ' ') {
                encoded.append('_');
            } else if (cp < 128 && (Character.isLetterOrDigit(cp) || "!*+-/".indexOf(cp) >= 0)) {
                encoded.appendCodePoint(cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    hex(encoded, b & 0xff);
                }
            }
            // 62 keeps "Subject: " and the first word within 76 columns, as RFC 2047 asks.
            if (open.length() + word.length() + encoded.length() + 2 > 62) {
                words.append(words.length() > 0 ? " " : "").append(open).append(word).append("?=");
                word.setLength(0);
            }
            word.append(encoded);
        }
        words.append(words.length() > 0 ? " " : "").append(open).append(word).append("?=");
        return words.toString();
    }

    /** Quoted-printable over UTF-8 bytes, hard line breaks as CRLF, soft breaks keeping lines at 76 characters. */
    static String quotedPrintable(String text) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            byte[] bytes = lines[l].getBytes(StandardCharsets.UTF_8);
            int column = 0;
            for (int i = 0; i < bytes.length; i++) {
                int b = bytes[i] & 0xff;
                boolean last = i == bytes.length - 1;
                boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !last);
                int width = literal ? 1 : 3;
                if (column + width > (last ? 76 : 75)) {
                    out.append("=\r\n");
                    column = 0;
                }
                if (literal) {
                    out.append((char) b);
                } else {
                    hex(out, b);
                }
                column += width;
            }
            if (l < lines.length - 1) {
                out.append("\r\n");
            }
        }
        return out.toString();
    }

    private static void hex(StringBuilder out, int b) {
        out.append('=').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 15, 16)));
    }

    /** Writes "Name: value" folded at spaces so that lines stay within 78 characters where they can. */
    private static void header(StringBuilder out, String name, String value) {
        String line = name + ": " + value;
        while (line.length() > 78) {
            int cut = line.lastIndexOf(' ', 78);
            if (cut <= name.length() + 1) {
                cut = line.indexOf(' ', 79);
                if (cut < 0) {
                    break;
                }
            }
            out.append(line, 0, cut).append("\r\n");
            line = line.substring(cut);
        }
        out.append(line).append("\r\n");
    }

    static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }
}
