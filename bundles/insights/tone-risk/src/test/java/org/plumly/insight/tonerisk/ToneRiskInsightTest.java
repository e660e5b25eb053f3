package org.plumly.insight.tonerisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.ActivityKind;
import org.plumly.api.Direction;
import org.plumly.api.Evidence;
import org.plumly.api.Money;
import org.plumly.api.Opportunity;
import org.plumly.api.OpportunityId;
import org.plumly.api.OpportunityStatus;
import org.plumly.api.Participant;
import org.plumly.api.Severity;
import org.plumly.api.SourceRef;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.insight.Finding;
import org.plumly.api.insight.OpportunityContext;
import org.plumly.api.tone.SentenceTone;
import org.plumly.api.tone.ToneScores;
import org.plumly.api.tone.ToneVerdict;

class ToneRiskInsightTest {
    static final TenantId TENANT = TenantId.of("acme");
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Duration DAY = Duration.ofDays(1);

    static ToneRiskInsight.Config config(int window, int recentDays, int minMessages, int latest, double shift,
                                         int minNegative) {
        return new ToneRiskInsight.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ToneRiskInsight.Config.class;
            }

            @Override
            public int window() {
                return window;
            }

            @Override
            public int recentDays() {
                return recentDays;
            }

            @Override
            public int minMessages() {
                return minMessages;
            }

            @Override
            public int latest() {
                return latest;
            }

            @Override
            public double shift() {
                return shift;
            }

            @Override
            public int minNegative() {
                return minNegative;
            }
        };
    }

    static final ToneRiskInsight DEFAULTS = new ToneRiskInsight(config(5, 30, 3, 2, 0.25, 2));

    /** Builds an opportunity's context from customer mail, newest first. */
    static final class Mailbox {
        final List<Activity> activities = new ArrayList<>();
        final Map<ActivityId, ToneVerdict> tones = new HashMap<>();
        OpportunityStatus status = OpportunityStatus.OPEN;

        Mailbox mail(String id, Instant sent, Direction direction, ToneVerdict verdict) {
            String from = direction == Direction.INBOUND ? "jane@globex.example" : "dana@acme.example";
            String to = direction == Direction.INBOUND ? "dana@acme.example" : "jane@globex.example";
            Activity activity = new Activity(TENANT, ActivityId.of(id), ActivityKind.EMAIL, direction, sent, null,
                    "Re: renewal", List.of(new Participant(from, null, Participant.Role.FROM, null),
                    new Participant(to, null, Participant.Role.TO, null)), UserId.of("dana"),
                    OpportunityId.of("crm:006D1"), null, false, new SourceRef("mail-dana", "inbox", id));
            activities.add(activity);
            if (verdict != null) {
                tones.put(activity.id(), verdict);
            }
            return this;
        }

        /** Inbound mail one day apart, newest first (1, 2, 3 … days ago), of these negative probabilities. */
        Mailbox inbound(double... negative) {
            for (int i = 0; i < negative.length; i++) {
                mail("m" + (i + 1), NOW.minus(DAY.multipliedBy(i + 1)), Direction.INBOUND, verdict(negative[i]));
            }
            return this;
        }

        OpportunityContext context() {
            Opportunity opportunity = new Opportunity(TENANT, OpportunityId.of("crm:006D1"), null, "Globex renewal",
                    UserId.of("dana"), "Proposal", status, Money.of("48000", "EUR"), LocalDate.parse("2026-12-15"),
                    NOW.minus(DAY.multipliedBy(90)), List.of(), new SourceRef("crm", "opportunities", "006D1"));
            return new OpportunityContext(opportunity, activities, tones, NOW);
        }
    }

    /** A message's verdict whose tone is negative above P(negative) 0.5, neutral below. */
    static ToneVerdict verdict(double negative, SentenceTone... sentences) {
        return new ToneVerdict(scores(negative), List.of(sentences), "test");
    }

    static ToneScores scores(double negative) {
        return new ToneScores(0, 1 - negative, negative);
    }

    static SentenceTone sentence(String text, double negative) {
        return new SentenceTone(text, 0, text.length(), scores(negative));
    }

    static Stream<Arguments> trends() {
        return Stream.of(
                Arguments.of("shift exactly 0.25 is raised", new double[] {0.65, 0.65, 0.4, 0.4, 0.4}, true),
                Arguments.of("shift 0.24 is not", new double[] {0.64, 0.64, 0.4, 0.4, 0.4}, false),
                Arguments.of("shift 0.26 is raised", new double[] {0.66, 0.66, 0.4, 0.4, 0.4}, true),
                Arguments.of("two messages are fewer than minMessages", new double[] {0.9, 0.9}, false),
                Arguments.of("exactly minMessages (3) is raised", new double[] {0.9, 0.9, 0.1}, true),
                Arguments.of("four messages are raised", new double[] {0.9, 0.9, 0.1, 0.1}, true),
                Arguments.of("mail older than the window of 5 is not compared",
                        new double[] {0.7, 0.7, 0.4, 0.4, 0.4, 1.0, 1.0, 1.0}, true),
                Arguments.of("the window's 5th message counts",
                        new double[] {0.7, 0.7, 0.4, 0.4, 1.0}, false),
                Arguments.of("one negative message is fewer than minNegative",
                        new double[] {0.9, 0.45, 0.1, 0.1, 0.1}, false),
                Arguments.of("exactly minNegative (2) negative messages are raised",
                        new double[] {0.9, 0.6, 0.1, 0.1, 0.1}, true),
                Arguments.of("a negative thread all along is no turn",
                        new double[] {0.9, 0.9, 0.9, 0.9, 0.9}, false),
                Arguments.of("a thread that turned positive is not raised",
                        new double[] {0.1, 0.1, 0.9, 0.9, 0.9}, false),
                Arguments.of("one negative message after calm ones is not a trend",
                        new double[] {0.95, 0.1, 0.1, 0.1, 0.1}, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trends")
    void aTurnIsRaisedOnlyAtTheThresholds(String name, double[] negativeNewestFirst, boolean raised) {
        assertThat(DEFAULTS.evaluate(new Mailbox().inbound(negativeNewestFirst).context()).isPresent())
                .as(name).isEqualTo(raised);
    }

    static Stream<Arguments> recentDaysEdge() {
        return Stream.of(
                Arguments.of("exactly 30 days ago is recent", Duration.ofDays(30), true),
                Arguments.of("a second under 30 days is recent", Duration.ofDays(30).minusSeconds(1), true),
                Arguments.of("a second over 30 days is not", Duration.ofDays(30).plusSeconds(1), false),
                Arguments.of("mail dated after now is not", Duration.ofHours(-1), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recentDaysEdge")
    void onlyMailOfTheLastRecentDaysIsConsidered(String name, Duration age, boolean raised) {
        Mailbox mailbox = new Mailbox().inbound(0.9, 0.9).mail("old", NOW.minus(age), Direction.INBOUND, verdict(0.1));
        assertThat(DEFAULTS.evaluate(mailbox.context()).isPresent()).as(name).isEqualTo(raised);
    }

    @Test
    void unclassifiedMailIsIgnored() {
        Mailbox mailbox = new Mailbox().inbound(0.9, 0.9)
                .mail("unclassified", NOW.minus(DAY.multipliedBy(3)), Direction.INBOUND, null);
        assertThat(DEFAULTS.evaluate(mailbox.context())).isEmpty();
        mailbox.mail("classified", NOW.minus(DAY.multipliedBy(4)), Direction.INBOUND, verdict(0.1));
        assertThat(DEFAULTS.evaluate(mailbox.context())).isPresent();
    }

    @ParameterizedTest
    @EnumSource(value = Direction.class, names = {"OUTBOUND", "INTERNAL"})
    void mailNotFromTheCustomerIsIgnored(Direction direction) {
        Mailbox mailbox = new Mailbox().inbound(0.9, 0.9)
                .mail("ours", NOW.minus(DAY.multipliedBy(3)), direction, verdict(0.1));
        assertThat(DEFAULTS.evaluate(mailbox.context())).isEmpty();
        // nor does a rep's negative mail make a customer's thread turn
        Mailbox calm = new Mailbox().inbound(0.1, 0.1, 0.1)
                .mail("ours-1", NOW.minusSeconds(60), direction, verdict(0.95))
                .mail("ours-2", NOW.minusSeconds(120), direction, verdict(0.95));
        assertThat(DEFAULTS.evaluate(calm.context())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = OpportunityStatus.class, names = {"WON", "LOST"})
    void closedDealsAreNotRaised(OpportunityStatus status) {
        Mailbox mailbox = new Mailbox().inbound(0.9, 0.9, 0.1, 0.1, 0.1);
        mailbox.status = status;
        assertThat(DEFAULTS.evaluate(mailbox.context())).isEmpty();
    }

    static Stream<Arguments> severities() {
        return Stream.of(
                Arguments.of(0.8, Severity.HIGH),
                Arguments.of(0.79, Severity.MEDIUM),
                Arguments.of(0.95, Severity.HIGH));
    }

    @ParameterizedTest(name = "newest P(negative) {0} is {1}")
    @MethodSource("severities")
    void severityFollowsTheNewestMessage(double newest, Severity severity) {
        Optional<Finding> finding = DEFAULTS.evaluate(new Mailbox().inbound(newest, 0.9, 0.1, 0.1, 0.1).context());
        assertThat(finding).get().extracting(Finding::severity).isEqualTo(severity);
    }

    @Test
    void theNewestMessageNotNegativeIsMedium() {
        // the newest leans negative in the mean but is neutral as a whole (P 0.45)
        ToneRiskInsight insight = new ToneRiskInsight(config(5, 30, 3, 2, 0.25, 2));
        Optional<Finding> finding = insight.evaluate(new Mailbox().inbound(0.45, 0.95, 0.6, 0.1, 0.1).context());
        assertThat(finding).get().extracting(Finding::severity).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void theExplanationSaysHowManyTurnedAndWhatCameBefore() {
        Finding finding = DEFAULTS.evaluate(new Mailbox().inbound(0.9, 0.8, 0.1, 0.2, 0.3).context()).orElseThrow();
        assertThat(finding.explanation()).isEqualTo("The customer's last 2 e-mails turned negative (after 3 neutral or"
                + " positive ones): the chance of a negative tone rose from 20% to 85%.");

        Finding mixed = DEFAULTS.evaluate(new Mailbox().inbound(0.9, 0.9, 0.6, 0.1, 0.1).context()).orElseThrow();
        assertThat(mixed.explanation()).startsWith("The customer's last 2 e-mails turned negative (after 3 earlier ones,"
                + " 2 of them neutral or positive)");

        ToneRiskInsight one = new ToneRiskInsight(config(5, 30, 2, 1, 0.25, 1));
        assertThat(one.evaluate(new Mailbox().inbound(0.9, 0.1).context()).orElseThrow().explanation())
                .startsWith("The customer's last e-mail turned negative (after 1 neutral or positive one)");
    }

    @Test
    void evidenceIsTheNegativeMessagesAndTheirThreeMostNegativeSentences() {
        String longSentence = "We are   very unhappy " + "with the delays ".repeat(20);
        Mailbox mailbox = new Mailbox()
                .mail("m1", NOW.minus(DAY), Direction.INBOUND, verdict(0.9,
                        sentence("Thanks for the call.", 0.05),
                        sentence("Honestly, the price is a deal breaker for us.", 0.97),
                        sentence(longSentence, 0.93)))
                .mail("m2", NOW.minus(DAY.multipliedBy(2)), Direction.INBOUND, verdict(0.85,
                        sentence("This is not what we agreed.", 0.95),
                        sentence("We are disappointed.", 0.7)))
                .mail("m3", NOW.minus(DAY.multipliedBy(3)), Direction.INBOUND, verdict(0.1,
                        sentence("This was a terrible week, but the demo was great!", 0.99)))
                .mail("m4", NOW.minus(DAY.multipliedBy(4)), Direction.INBOUND, verdict(0.1));
        Finding finding = DEFAULTS.evaluate(mailbox.context()).orElseThrow();

        assertThat(finding.evidence()).hasSize(5);
        assertThat(finding.evidence().subList(0, 2)).containsExactly(
                new Evidence(Evidence.Kind.ACTIVITY, "m1", null), new Evidence(Evidence.Kind.ACTIVITY, "m2", null));
        List<Evidence> sentences = finding.evidence().subList(2, 5);
        assertThat(sentences).extracting(Evidence::kind).containsOnly(Evidence.Kind.SENTENCE);
        assertThat(sentences).extracting(Evidence::reference).containsExactly("m1", "m2", "m1");
        assertThat(sentences.get(0).quote()).isEqualTo("Honestly, the price is a deal breaker for us.");
        assertThat(sentences.get(1).quote()).isEqualTo("This is not what we agreed.");
        String truncated = sentences.get(2).quote();
        assertThat(truncated).hasSize(200).startsWith("We are very unhappy with the delays").endsWith("…");
    }

    @Test
    void shortQuotesAreKeptWhole() {
        assertThat(ToneRiskInsight.quote("x".repeat(200))).hasSize(200).doesNotContain("…");
        assertThat(ToneRiskInsight.quote("x".repeat(201))).hasSize(200).endsWith("x…");
    }

    static Stream<Arguments> invalidConfigurations() {
        return Stream.of(
                Arguments.of(config(5, 0, 3, 2, 0.25, 2), "recentDays"),
                Arguments.of(config(5, 30, 3, 0, 0.25, 2), "latest"),
                Arguments.of(config(5, 30, 2, 2, 0.25, 2), "minMessages"),
                Arguments.of(config(2, 30, 3, 2, 0.25, 2), "window"),
                Arguments.of(config(5, 30, 3, 2, 0, 2), "shift"),
                Arguments.of(config(5, 30, 3, 2, 1.01, 2), "shift"),
                Arguments.of(config(5, 30, 3, 2, Double.NaN, 2), "shift"),
                Arguments.of(config(5, 30, 3, 2, 0.25, 0), "minNegative"),
                Arguments.of(config(5, 30, 3, 2, 0.25, 6), "minNegative"));
    }

    @ParameterizedTest(name = "refuses a bad {1}")
    @MethodSource("invalidConfigurations")
    void invalidConfigurationIsRefused(ToneRiskInsight.Config config, String setting) {
        assertThatThrownBy(() -> new ToneRiskInsight(config))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(setting);
    }

    @Test
    void itsTypeIsToneRisk() {
        assertThat(DEFAULTS.type()).isEqualTo("tone-risk");
    }
}
