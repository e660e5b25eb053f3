package org.plumly.insight.followupgap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
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
import org.plumly.api.Severity;
import org.plumly.api.SourceRef;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.insight.Finding;
import org.plumly.api.insight.OpportunityContext;

class FollowUpGapInsightTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    static FollowUpGapInsight.Config config(int recentDays, int horizonDays, int highAfterDays, double highAmount) {
        return new FollowUpGapInsight.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return FollowUpGapInsight.Config.class;
            }

            @Override
            public int recentDays() {
                return recentDays;
            }

            @Override
            public int horizonDays() {
                return horizonDays;
            }

            @Override
            public int highAfterDays() {
                return highAfterDays;
            }

            @Override
            public double highAmount() {
                return highAmount;
            }
        };
    }

    private static final FollowUpGapInsight DEFAULTS = new FollowUpGapInsight(config(14, 14, 7, 50000));

    static Opportunity deal(OpportunityStatus status, String amount) {
        return new Opportunity(ACME, OpportunityId.of("crm:006D1"), null, "Globex renewal", UserId.of("crm:dana"),
                "Proposal", status, amount == null ? null : Money.of(amount, "EUR"), LocalDate.parse("2026-12-15"),
                NOW.minus(Duration.ofDays(90)), List.of(), new SourceRef("crm", "opportunities", "006D1"));
    }

    static Activity meeting(String id, Instant start, Instant end, boolean cancelled) {
        return activity(id, ActivityKind.MEETING, Direction.OUTBOUND, start, end, cancelled);
    }

    /** A one-hour meeting with the customer that ends at {@code end}. */
    static Activity meetingEnding(String id, Instant end) {
        return meeting(id, end.minus(HOUR), end, false);
    }

    /** A one-hour meeting with the customer that starts at {@code start}. */
    static Activity meetingStarting(String id, Instant start, boolean cancelled) {
        return meeting(id, start, start.plus(HOUR), cancelled);
    }

    static Activity email(String id, Direction direction, Instant sent) {
        return activity(id, ActivityKind.EMAIL, direction, sent, null, false);
    }

    static Activity activity(String id, ActivityKind kind, Direction direction, Instant start, Instant end,
                             boolean cancelled) {
        return new Activity(ACME, ActivityId.of("cal:" + id), kind, direction, start, end, "Pricing review", List.of(),
                UserId.of("crm:dana"), OpportunityId.of("crm:006D1"), null, cancelled,
                new SourceRef("cal", "events", id));
    }

    static OpportunityContext context(Opportunity deal, Activity... activities) {
        List<Activity> newestFirst = new ArrayList<>(List.of(activities));
        newestFirst.sort((a, b) -> b.occurredAt().compareTo(a.occurredAt()));
        return new OpportunityContext(deal, newestFirst, Map.of(), NOW);
    }

    static Optional<Finding> evaluate(Opportunity deal, Activity... activities) {
        return DEFAULTS.evaluate(context(deal, activities));
    }

    static Stream<Arguments> situations() {
        Opportunity open = deal(OpportunityStatus.OPEN, "10000");
        Instant recentEdge = NOW.minus(Duration.ofDays(14));
        Instant horizonEdge = NOW.plus(Duration.ofDays(14));
        Activity metYesterday = meetingEnding("m1", NOW.minus(DAY));
        return Stream.of(
                Arguments.of("no activity at all", open, List.of(), false),
                Arguments.of("meeting ended yesterday, nothing ahead", open, List.of(metYesterday), true),
                Arguments.of("meeting ended exactly recentDays ago", open, List.of(meetingEnding("m1", recentEdge)), true),
                Arguments.of("meeting ended a minute inside recentDays", open,
                        List.of(meetingEnding("m1", recentEdge.plus(MINUTE))), true),
                Arguments.of("meeting ended a minute before recentDays", open,
                        List.of(meetingEnding("m1", recentEdge.minus(MINUTE))), false),
                Arguments.of("meeting ended a day before recentDays", open,
                        List.of(meetingEnding("m1", recentEdge.minus(DAY))), false),
                Arguments.of("recent meeting was cancelled", open,
                        List.of(meeting("m1", NOW.minus(DAY).minus(HOUR), NOW.minus(DAY), true)), false),
                Arguments.of("recent meeting was internal", open,
                        List.of(activity("m1", ActivityKind.MEETING, Direction.INTERNAL, NOW.minus(DAY).minus(HOUR),
                                NOW.minus(DAY), false)), false),
                Arguments.of("meeting still in progress", open,
                        List.of(meeting("m1", NOW.minus(MINUTE), NOW.plus(HOUR), false)), false),
                Arguments.of("meeting without an end, started yesterday", open,
                        List.of(meeting("m1", NOW.minus(DAY), null, false)), true),
                Arguments.of("won deal", deal(OpportunityStatus.WON, "10000"), List.of(metYesterday), false),
                Arguments.of("lost deal", deal(OpportunityStatus.LOST, "10000"), List.of(metYesterday), false),
                Arguments.of("inbound e-mail yesterday", open, List.of(email("e1", Direction.INBOUND, NOW.minus(DAY))), true),
                Arguments.of("inbound e-mail exactly recentDays ago", open,
                        List.of(email("e1", Direction.INBOUND, recentEdge)), true),
                Arguments.of("inbound e-mail a minute before recentDays", open,
                        List.of(email("e1", Direction.INBOUND, recentEdge.minus(MINUTE))), false),
                Arguments.of("outbound e-mails only", open,
                        List.of(email("e1", Direction.OUTBOUND, NOW.minus(DAY)),
                                email("e2", Direction.OUTBOUND, NOW.minus(HOUR))), false),
                Arguments.of("internal e-mail only", open, List.of(email("e1", Direction.INTERNAL, NOW.minus(DAY))), false),
                Arguments.of("meeting ahead in a day", open,
                        List.of(metYesterday, meetingStarting("m2", NOW.plus(DAY), false)), false),
                Arguments.of("meeting ahead exactly at horizonDays", open,
                        List.of(metYesterday, meetingStarting("m2", horizonEdge, false)), false),
                Arguments.of("meeting ahead a minute inside horizonDays", open,
                        List.of(metYesterday, meetingStarting("m2", horizonEdge.minus(MINUTE), false)), false),
                Arguments.of("meeting ahead a minute beyond horizonDays", open,
                        List.of(metYesterday, meetingStarting("m2", horizonEdge.plus(MINUTE), false)), true),
                Arguments.of("meeting ahead a day beyond horizonDays", open,
                        List.of(metYesterday, meetingStarting("m2", horizonEdge.plus(DAY), false)), true),
                Arguments.of("meeting ahead was cancelled", open,
                        List.of(metYesterday, meetingStarting("m2", NOW.plus(DAY), true)), true),
                Arguments.of("meeting ahead is internal", open,
                        List.of(metYesterday, activity("m2", ActivityKind.MEETING, Direction.INTERNAL, NOW.plus(DAY),
                                NOW.plus(DAY).plus(HOUR), false)), true),
                Arguments.of("meeting starting exactly now is not ahead", open,
                        List.of(email("e1", Direction.INBOUND, NOW.minus(DAY)), meetingStarting("m2", NOW, false)), true));
    }

    @ParameterizedTest(name = "{0}: raised={3}")
    @MethodSource("situations")
    void raisesOnlyWhenARecentTouchHasNoMeetingAhead(String situation, Opportunity deal, List<Activity> activities,
                                                     boolean raised) {
        assertThat(evaluate(deal, activities.toArray(Activity[]::new)).isPresent()).as(situation).isEqualTo(raised);
    }

    @ParameterizedTest(name = "last touch {0} days {1} minutes ago, amount {2}: {3}")
    @CsvSource({
            "0, 0, 10000, MEDIUM",
            "7, -1, 10000, MEDIUM",   // a minute short of highAfterDays
            "7, 0, 10000, MEDIUM",    // exactly highAfterDays: not more than
            "7, 1, 10000, HIGH",      // a minute past
            "8, 0, 10000, HIGH",
            "1, 0, 49999.99, MEDIUM",
            "1, 0, 50000, HIGH",      // exactly highAmount
            "1, 0, 50000.01, HIGH",
            "1, 0, , MEDIUM",         // no amount set
    })
    void severityFollowsHowLongAgoAndHowBig(int days, int minutes, String amount, Severity expected) {
        Instant end = NOW.minus(Duration.ofDays(days)).minus(Duration.ofMinutes(minutes));
        Finding finding = evaluate(deal(OpportunityStatus.OPEN, amount), meetingEnding("m1", end)).orElseThrow();
        assertThat(finding.severity()).isEqualTo(expected);
    }

    @Test
    void explainsTheLastMeetingAndPointsToIt() {
        Activity older = meetingEnding("m0", NOW.minus(Duration.ofDays(10)));
        Activity last = meetingEnding("m1", Instant.parse("2026-11-12T15:00:00Z"));
        Finding finding = evaluate(deal(OpportunityStatus.OPEN, "10000"), older, last).orElseThrow();
        assertThat(finding.explanation())
                .isEqualTo("Met about Globex renewal on 12 Nov (Pricing review); no next meeting is booked in the next 14 days.");
        assertThat(finding.evidence()).containsExactly(new Evidence(Evidence.Kind.ACTIVITY, "cal:m1", "Pricing review"));
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void explainsACustomerEMailNewerThanTheLastMeeting() {
        Activity meeting = meetingEnding("m1", NOW.minus(Duration.ofDays(5)));
        Activity mail = email("e1", Direction.INBOUND, Instant.parse("2026-11-18T09:30:00Z"));
        Finding finding = evaluate(deal(OpportunityStatus.OPEN, "10000"), meeting, mail).orElseThrow();
        assertThat(finding.explanation()).isEqualTo(
                "The customer wrote about Globex renewal on 18 Nov (Pricing review); no next meeting is booked in the next 14 days.");
        assertThat(finding.evidence()).extracting(Evidence::reference).containsExactly("cal:e1");
        assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void leavesOutTheSubjectWhenThereIsNone() {
        Activity untitled = new Activity(ACME, ActivityId.of("cal:m1"), ActivityKind.MEETING, Direction.OUTBOUND,
                Instant.parse("2026-11-19T10:00:00Z"), Instant.parse("2026-11-19T11:00:00Z"), null, List.of(), null,
                null, null, false, new SourceRef("cal", "events", "m1"));
        Finding finding = evaluate(deal(OpportunityStatus.OPEN, null), untitled).orElseThrow();
        assertThat(finding.explanation())
                .isEqualTo("Met about Globex renewal on 19 Nov; no next meeting is booked in the next 14 days.");
        assertThat(finding.evidence()).containsExactly(new Evidence(Evidence.Kind.ACTIVITY, "cal:m1", null));
    }

    @Test
    void followsTheConfiguredWindows() {
        FollowUpGapInsight narrow = new FollowUpGapInsight(config(3, 2, 1, 1_000_000));
        Opportunity open = deal(OpportunityStatus.OPEN, "10000");
        assertThat(narrow.evaluate(context(open, meetingEnding("m1", NOW.minus(Duration.ofDays(4)))))).isEmpty();
        assertThat(narrow.evaluate(context(open, meetingEnding("m1", NOW.minus(DAY)),
                meetingStarting("m2", NOW.plus(Duration.ofDays(3)), false))))
                .hasValueSatisfying(f -> assertThat(f.explanation()).endsWith("in the next 2 days."));
        assertThat(narrow.type()).isEqualTo("follow-up-gap");
    }

    @ParameterizedTest(name = "recentDays={0} horizonDays={1} highAfterDays={2} highAmount={3}")
    @CsvSource({
            "0, 14, 0, 50000, recentDays",
            "-1, 14, 0, 50000, recentDays",
            "14, 0, 7, 50000, horizonDays",
            "14, 14, -1, 50000, highAfterDays",
            "14, 14, 15, 50000, highAfterDays",
            "14, 14, 7, 0, highAmount",
            "14, 14, 7, -5, highAmount",
            "14, 14, 7, NaN, highAmount",
            "14, 14, 7, Infinity, highAmount",
    })
    void refusesAnInvalidConfiguration(int recentDays, int horizonDays, int highAfterDays, double highAmount,
                                       String named) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FollowUpGapInsight(config(recentDays, horizonDays, highAfterDays, highAmount)))
                .withMessageContaining(named);
    }

    @Test
    void acceptsTheEdgesOfAValidConfiguration() {
        new FollowUpGapInsight(config(1, 1, 0, 0.01));
        new FollowUpGapInsight(config(14, 14, 14, 50000));
    }
}
