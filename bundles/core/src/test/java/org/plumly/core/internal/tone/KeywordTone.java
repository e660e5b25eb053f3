package org.plumly.core.internal.tone;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.ActivityKind;
import org.plumly.api.Direction;
import org.plumly.api.Participant;
import org.plumly.api.RawContent;
import org.plumly.api.SourceRef;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.content.ContentException;
import org.plumly.api.content.ContentExtractor;
import org.plumly.api.content.ExtractedContent;
import org.plumly.api.tone.SentenceTone;
import org.plumly.api.tone.ToneClassifier;
import org.plumly.api.tone.ToneScores;
import org.plumly.api.tone.ToneVerdict;

/**
 * Stand-ins for the Tika extractor and the DL4J classifier, deterministic, to test the wiring of the
 * tone step only (what is classified, stored, announced and reported), never tone itself. Also the
 * mail the tests feed it: Dana works at acme.example, Lee is a customer at globex.example.
 */
public final class KeywordTone {
    /** Content starting with this is refused by the extractor, as a malformed message would be. */
    public static final String MALFORMED = "MALFORMED";
    /** A text with this word makes the classifier throw. */
    public static final String CRASH = "gibberish";
    /** A text with this word is negative; any other is positive. */
    public static final String NEGATIVE_WORD = "breaker";
    public static final String DANA = "dana@acme.example";
    public static final String LEE = "lee@globex.example";

    private KeywordTone() {
    }

    /** The text after the first blank line is what the sender wrote. */
    public static ContentExtractor extractor() {
        return content -> {
            String text = new String(content.bytes(), StandardCharsets.UTF_8);
            if (text.startsWith(MALFORMED)) {
                throw new ContentException("not a MIME message: no header section", null);
            }
            String body = text.substring(text.indexOf("\r\n\r\n") + 4);
            return new ExtractedContent(body, body, Map.of(), List.of());
        };
    }

    /** Negative when the text has {@value #NEGATIVE_WORD}, positive otherwise; one sentence, the whole text. */
    public static ToneClassifier classifier(String model) {
        return text -> {
            if (text.contains(CRASH)) {
                throw new IllegalStateException("the model cannot read: " + text);
            }
            ToneScores scores = text.contains(NEGATIVE_WORD) ? new ToneScores(0.05, 0.15, 0.80) : new ToneScores(0.70, 0.20, 0.10);
            return new ToneVerdict(scores, List.of(new SentenceTone(text, 0, text.length(), scores)), model);
        };
    }

    public static RawContent mime(String body) {
        return new RawContent("message/rfc822", ("Subject: hello\r\nFrom: someone\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
    }

    /** An e-mail of the integration's stream {@code inbox}, direction as the source said (identity resolution may change it). */
    public static Activity mail(TenantId tenant, String integration, String id, String from, String to, String at, UserId owner) {
        SourceRef source = new SourceRef(integration, "inbox", id);
        return new Activity(tenant, ActivityId.of(source.entityId()), ActivityKind.EMAIL, from.equals(LEE) ? Direction.INBOUND : Direction.OUTBOUND,
                Instant.parse(at), null, "About " + id, List.of(new Participant(from, null, Participant.Role.FROM, null),
                        new Participant(to, null, Participant.Role.TO, null)), owner, null, null, false, source);
    }

    /** A meeting Lee organized, with Dana. */
    public static Activity meeting(TenantId tenant, String integration, String id, String at) {
        SourceRef source = new SourceRef(integration, "inbox", id);
        Instant start = Instant.parse(at);
        return new Activity(tenant, ActivityId.of(source.entityId()), ActivityKind.MEETING, Direction.INBOUND, start, start.plusSeconds(1800),
                "Review " + id, List.of(new Participant(LEE, null, Participant.Role.ORGANIZER, null),
                        new Participant(DANA, null, Participant.Role.ATTENDEE, null)), null, null, null, false, source);
    }
}
