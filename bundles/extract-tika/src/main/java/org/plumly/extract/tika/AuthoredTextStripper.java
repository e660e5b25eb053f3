package org.plumly.extract.tika;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a plain-text mail body down to what the sender wrote this time. The rules, in order:
 * <ol>
 * <li><b>History.</b> The body ends where the first of these begins: an Outlook separator ({@code -----Original
 * Message-----} and its German, French, Spanish, Italian, Dutch and Swedish forms); a forward marker (Gmail's
 * {@code ---------- Forwarded message ---------}, Apple Mail's {@code Begin forwarded message:}, Thunderbird's
 * {@code -------- Forwarded Message --------}, and their translations); an Outlook header block (a {@code From:}
 * line followed within five lines by two of {@code Sent:}, {@code Date:}, {@code To:}, {@code Cc:},
 * {@code Subject:}, in English, German, French, Italian, Spanish or Dutch, with the underscore or dash rule
 * Outlook draws above it); an attribution line ({@code On … wrote:}, {@code Am … schrieb …:},
 * {@code Le … a écrit :}, {@code El … escribió:}, {@code Il … ha scritto:}, {@code Op … schreef …:}, wrapped
 * over up to three lines, or any line ending in {@code wrote:} right above {@code >}-quoted lines).</li>
 * <li><b>Interleaved replies.</b> When an attribution is followed by {@code >}-quoted lines with the sender's
 * own lines between them, only the quoted lines and the attribution go; anywhere else, {@code >}-quoted lines
 * go.</li>
 * <li><b>Signature.</b> What is left ends before the first of: the {@code -- } delimiter; a "sent from my
 * device" line ({@code Sent from my iPhone}, {@code Get Outlook for Android}, {@code Von meinem iPhone gesendet},
 * {@code Envoyé de mon iPhone} …); a legal notice (a paragraph starting {@code CONFIDENTIALITY NOTICE} or
 * {@code DISCLAIMER}, or a paragraph of 120 characters or more saying that this e-mail is confidential or
 * intended only for its recipients, in English, German, French or Spanish); a sign-off ({@code Best regards},
 * {@code Thanks,}, {@code Mit freundlichen Grüßen}, {@code Cordialement} … alone on its line, or followed by a
 * comma and a capitalised name) when at most eight short lines (name, title, phone, company) follow it and
 * the sender wrote something before it.</li>
 * </ol>
 * Blank lines at either end are dropped and runs of blank lines become one.
 */
final class AuthoredTextStripper {
    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern SEPARATOR = Pattern.compile(
            "-{2,}\\s*(original message|ursprüngliche nachricht|originalnachricht|message d'origine|mensaje original"
                    + "|messaggio originale|oorspronkelijk bericht|originalmeddelande"
                    + "|forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|messaggio inoltrato"
                    + "|doorgestuurd bericht)\\s*-{2,}"
                    + "|(begin forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié"
                    + "|début du message transféré|inicio del mensaje reenviado)\\s*:", CI);
    private static final Pattern HEADER_FROM = Pattern.compile("\\*?(from|von|de|da|van|från|fra)\\s*:\\*?\\s*\\S.*", CI);
    private static final Pattern HEADER_OTHER = Pattern.compile(
            "\\*?(sent|date|to|cc|subject|gesendet|datum|an|betreff|envoyé|à|objet|inviato|data|a|oggetto|enviado"
                    + "|fecha|para|asunto|verzonden|aan|onderwerp)\\s*:.*", CI);
    private static final Pattern RULE = Pattern.compile("_{10,}|-{10,}");
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(on\\s.{1,250}\\swrote"
                    + "|am\\s.{1,250}\\sschrieb(\\s.{0,200})?"
                    + "|.{1,200}\\sschrieb am\\s.{1,100}"
                    + "|le\\s.{1,250}\\sa écrit"
                    + "|el\\s.{1,250}\\sescribió"
                    + "|il\\s.{1,250}\\sha scritto"
                    + "|op\\s.{1,250}\\sschreef(\\s.{0,200})?)\\s?:", CI);
    private static final Pattern WROTE = Pattern.compile(".{1,200}\\s(wrote|schrieb|a écrit|escribió|ha scritto|schreef)\\s?:", CI);
    private static final Pattern QUOTED = Pattern.compile("\\s*>.*");

    private static final Pattern DELIMITER = Pattern.compile("--\\s*");
    private static final Pattern SENT_FROM_DEVICE = Pattern.compile(
            "(sent from my .{1,60}|sent from (outlook|mail|yahoo mail|samsung).{0,60}|get outlook for .{1,40}"
                    + "|von meinem .{1,60} gesendet|gesendet von meinem .{1,60}|envoyé de mon .{1,60}|envoyé depuis .{1,60}"
                    + "|enviado desde mi .{1,60}|inviato da .{1,60}|verstuurd vanaf mijn .{1,60})", CI);
    private static final Pattern NOTICE_HEADING = Pattern.compile("(confidentiality notice|disclaimer|legal notice)\\b.*", CI);
    private static final Pattern NOTICE_SENTENCE = Pattern.compile(
            "(this (e-?mail|message|communication|transmission)|the information (contained )?in this (e-?mail|message)"
                    + "|diese (e-?mail|nachricht)|ce (message|courriel|mail|e-mail)|este (mensaje|correo)).*"
                    + "(confidential|privileged|intended (solely |only )?for|vertraulich|confidentiel|destiné|confidencial).*", CI);
    private static final String SIGN_OFFS = "(best( regards| wishes)?|kind regards|warm regards|warmest regards|regards|many thanks"
            + "|thanks( again| so much| a lot)?|thank you( very much| so much)?|cheers|sincerely( yours)?|yours( truly| sincerely)?"
            + "|all the best|take care|talk soon|br"
            + "|mit freundlichen grüßen|mit freundlichen grüssen|freundliche grüße|viele grüße|beste grüße|liebe grüße"
            + "|herzliche grüße|schöne grüße|grüße|gruß|lg|vg|mfg"
            + "|cordialement|bien cordialement|bien à vous|salutations|meilleures salutations|sincères salutations"
            + "|merci( beaucoup)?|bonne journée|saludos( cordiales)?|un saludo|atentamente|cordiali saluti|distinti saluti"
            + "|met vriendelijke groet(en)?|groeten)";
    /** A sign-off alone, or followed by a comma and a name: one to three capitalised words ("Thanks, that works" is no sign-off). */
    private static final Pattern SIGN_OFF = Pattern.compile("(?iu:" + SIGN_OFFS + ")[\\s,.!]*"
            + "|(?iu:" + SIGN_OFFS + ")\\s*,\\s*\\p{Lu}[\\p{L}.'-]*(\\s\\p{Lu}[\\p{L}.'-]*){0,2}[.!]?");
    private static final int SIGNATURE_LINES = 8;
    private static final int SIGNATURE_LINE_LENGTH = 80;
    private static final int NOTICE_LENGTH = 120;

    private AuthoredTextStripper() {
    }

    static String authored(String body) {
        List<String> lines = List.of(body.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ').split("\n", -1));
        List<String> kept = withoutHistory(lines);
        return tidy(kept.subList(0, signatureStart(kept)));
    }

    private static List<String> withoutHistory(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (SEPARATOR.matcher(line).matches()) {
                return withoutQuotes(lines.subList(0, i));
            }
            if (headerBlockAt(lines, i)) {
                int previous = previousNonBlank(lines, i);
                int start = previous >= 0 && RULE.matcher(lines.get(previous).strip()).matches() ? previous : i;
                return withoutQuotes(lines.subList(0, start));
            }
            int end = attributionEnd(lines, i);
            if (end >= 0) {
                List<String> after = lines.subList(end + 1, lines.size());
                List<String> kept = new ArrayList<>(withoutQuotes(lines.subList(0, i)));
                if (interleaved(after)) {
                    kept.addAll(withoutQuotes(after));
                }
                return kept;
            }
        }
        return withoutQuotes(lines);
    }

    private static boolean headerBlockAt(List<String> lines, int index) {
        if (!HEADER_FROM.matcher(lines.get(index).strip()).matches()) {
            return false;
        }
        int others = 0;
        for (int i = index + 1; i < Math.min(lines.size(), index + 6); i++) {
            if (HEADER_OTHER.matcher(lines.get(i).strip()).matches()) {
                others++;
            }
        }
        return others >= 2;
    }

    /** The last line of an attribution starting at this line, or -1. */
    private static int attributionEnd(List<String> lines, int index) {
        StringBuilder joined = new StringBuilder();
        for (int end = index; end < Math.min(lines.size(), index + 3); end++) {
            String line = lines.get(end).strip();
            if (line.isEmpty() || QUOTED.matcher(line).matches()) {
                return -1;
            }
            joined.append(joined.length() > 0 ? " " : "").append(line);
            if (ATTRIBUTION.matcher(joined).matches()
                    || WROTE.matcher(joined).matches() && nextNonBlankIsQuoted(lines, end)) {
                return end;
            }
        }
        return -1;
    }

    /** The sender answered between the quoted lines, rather than above them. */
    private static boolean interleaved(List<String> after) {
        boolean quoteSeen = false;
        for (String line : after) {
            if (QUOTED.matcher(line).matches()) {
                quoteSeen = true;
            } else if (quoteSeen && !line.isBlank()) {
                return signatureStart(List.of(line)) > 0;
            }
        }
        return false;
    }

    private static List<String> withoutQuotes(List<String> lines) {
        return lines.stream().filter(line -> !QUOTED.matcher(line).matches()).toList();
    }

    private static int signatureStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (DELIMITER.matcher(lines.get(i)).matches() || SENT_FROM_DEVICE.matcher(line).matches() || noticeAt(lines, i)) {
                return i;
            }
            if (SIGN_OFF.matcher(line).matches() && previousNonBlank(lines, i) >= 0 && shortBlockFollows(lines, i)) {
                return i;
            }
        }
        return lines.size();
    }

    private static boolean noticeAt(List<String> lines, int index) {
        String line = lines.get(index).strip();
        if (line.isEmpty() || index > 0 && !lines.get(index - 1).isBlank()) {
            return false;
        }
        if (NOTICE_HEADING.matcher(line).matches()) {
            return true;
        }
        StringBuilder paragraph = new StringBuilder();
        for (int i = index; i < lines.size() && !lines.get(i).isBlank(); i++) {
            paragraph.append(lines.get(i).strip()).append(' ');
        }
        return paragraph.length() >= NOTICE_LENGTH && NOTICE_SENTENCE.matcher(paragraph.toString().strip()).matches();
    }

    private static boolean shortBlockFollows(List<String> lines, int signOff) {
        int count = 0;
        for (int i = signOff + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (++count > SIGNATURE_LINES || line.length() > SIGNATURE_LINE_LENGTH) {
                return false;
            }
        }
        return true;
    }

    private static boolean nextNonBlankIsQuoted(List<String> lines, int index) {
        for (int i = index + 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return QUOTED.matcher(lines.get(i)).matches();
            }
        }
        return false;
    }

    private static int previousNonBlank(List<String> lines, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static String tidy(List<String> lines) {
        StringBuilder text = new StringBuilder();
        boolean blank = false;
        for (String line : lines) {
            String trimmed = line.stripTrailing();
            if (trimmed.isEmpty()) {
                blank = text.length() > 0;
                continue;
            }
            text.append(blank ? "\n\n" : text.length() > 0 ? "\n" : "").append(trimmed);
            blank = false;
        }
        return text.toString();
    }
}
