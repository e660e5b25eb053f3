package org.plumly.insight.goingdark;

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
import org.plumly.api.Participant;
import org.plumly.api.Participant.Response;
import org.plumly.api.Participant.Role;
import org.plumly.api.Severity;
import org.plumly.api.SourceRef;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.insight.Finding;
import org.plumly.api.insight.OpportunityContext;

class GoingDarkInsightTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Instant QUIET_SINCE = NOW.minus(Duration.ofDays(21));
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    static GoingDarkInsight.Config config(int quietDays, int repMessages) {
        return new GoingDarkInsight.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return GoingDarkInsight.Config.class;
            }

            @Override
            public int quietDays() {
                return quietDays;
            }

            @Override
            public int repMessages() {
                return repMessages;
            }
        };
    }

    private static final GoingDarkInsight DEFAULTS = new GoingDarkInsight(config(21, 2));

    static Opportunity deal(OpportunityStatus status) {
        return new Opportunity(ACME, OpportunityId.of("crm:006D1"), null, "Globex renewal", UserId.of("crm:dana"),
                "Proposal", status, Money.of("48000", "EUR"), LocalDate.parse("2026-12-15"),
                NOW.minus(Duration.ofDays(120)), List.of(), new SourceRef("crm", "opportunities", "006D1"));
    }

    static Activity activity(String id, ActivityKind kind, Direction direction, Instant at, boolean cancelled,
                             String subject, List<Participant> participants) {
        Instant end = kind == ActivityKind.MEETING ? at.plus(HOUR) : null;
        return new Activity(ACME, ActivityId.of("src:" + id), kind, direction, at, end, subject, participants,
                UserId.of("crm:dana"), OpportunityId.of("crm:006D1"), null, cancelled,
                new SourceRef("src", "items", id));
    }

    static Activity mail(String id, Direction direction, Instant sent) {
        return activity(id, ActivityKind.EMAIL, direction, sent, false, "Re: quote " + id, List.of());
    }

    static Activity call(String id, Direction direction, Instant at) {
        return activity(id, ActivityKind.CALL, direction, at, false, null, List.of());
    }

    static Activity meeting(String id, Direction direction, Instant start, boolean cancelled, Participant... people) {
        return activity(id, ActivityKind.MEETING, direction, start, cancelled, "Pricing review", List.of(people));
    }

    static Participant organizer(String email) {
        return new Participant(email, null, Role.ORGANIZER, null);
    }

    static Participant attendee(String email, Response response) {
        return new Participant(email, null, Role.ATTENDEE, response);
    }

    /** Two e-mails from the rep inside the quiet period: enough, by default, to raise. */
    static List<Activity> repWrote() {
        return List.of(mail("o1", Direction.OUTBOUND, NOW.minus(Duration.ofDays(10))),
                mail("o2", Direction.OUTBOUND, NOW.minus(Duration.ofDays(3))));
    }

    static List<Activity> with(List<Activity> base, Activity... more) {
        List<Activity> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    static OpportunityContext context(Opportunity deal, List<Activity> activities) {
        List<Activity> newestFirst = new ArrayList<>(activities);
        newestFirst.sort((a, b) -> b.occurredAt().compareTo(a.occurredAt()));
        return new OpportunityContext(deal, newestFirst, Map.of(), NOW);
    }

    static Optional<Finding> evaluate(Opportunity deal, List<Activity> activities) {
        return DEFAULTS.evaluate(context(deal, activities));
    }

    static Stream<Arguments> situations() {
        Opportunity open = deal(OpportunityStatus.OPEN);
        Instant tenDaysAgo = NOW.minus(Duration.ofDays(10));
        Participant rep = organizer("dana@acme.example");
        return Stream.of(
                Arguments.of("no activity at all", open, List.of(), false),
                Arguments.of("rep wrote twice, never heard from the customer", open, repWrote(), true),
                Arguments.of("rep wrote once", open, List.of(mail("o1", Direction.OUTBOUND, NOW.minus(DAY))), false),
                Arguments.of("won deal", deal(OpportunityStatus.WON), repWrote(), false),
                Arguments.of("lost deal", deal(OpportunityStatus.LOST), repWrote(), false),
                Arguments.of("customer wrote yesterday", open,
                        with(repWrote(), mail("i1", Direction.INBOUND, NOW.minus(DAY))), false),
                Arguments.of("customer wrote exactly quietDays ago", open,
                        with(repWrote(), mail("i1", Direction.INBOUND, QUIET_SINCE)), true),
                Arguments.of("customer wrote a minute inside quietDays", open,
                        with(repWrote(), mail("i1", Direction.INBOUND, QUIET_SINCE.plus(MINUTE))), false),
                Arguments.of("customer wrote a minute before quietDays", open,
                        with(repWrote(), mail("i1", Direction.INBOUND, QUIET_SINCE.minus(MINUTE))), true),
                Arguments.of("customer wrote a day before quietDays", open,
                        with(repWrote(), mail("i1", Direction.INBOUND, QUIET_SINCE.minus(DAY))), true),
                Arguments.of("rep's second e-mail exactly quietDays ago still counts", open,
                        List.of(mail("o1", Direction.OUTBOUND, QUIET_SINCE), mail("o2", Direction.OUTBOUND, NOW)), true),
                Arguments.of("rep's second e-mail a minute before quietDays does not", open,
                        List.of(mail("o1", Direction.OUTBOUND, QUIET_SINCE.minus(MINUTE)),
                                mail("o2", Direction.OUTBOUND, NOW)), false),
                Arguments.of("rep's e-mail at the same moment as the customer's is not unanswered", open,
                        List.of(mail("i1", Direction.INBOUND, QUIET_SINCE), mail("o1", Direction.OUTBOUND, QUIET_SINCE),
                                mail("o2", Direction.OUTBOUND, NOW.minus(DAY))), false),
                Arguments.of("internal e-mails are neither a sign nor the rep writing", open,
                        List.of(mail("x1", Direction.INTERNAL, NOW.minus(DAY)),
                                mail("x2", Direction.INTERNAL, NOW.minus(HOUR)),
                                mail("o1", Direction.OUTBOUND, NOW.minus(DAY))), false),
                Arguments.of("customer called", open, with(repWrote(), call("c1", Direction.INBOUND, tenDaysAgo)), false),
                Arguments.of("rep called out", open, with(repWrote(), call("c1", Direction.OUTBOUND, tenDaysAgo)), true),
                Arguments.of("customer organized a meeting", open,
                        with(repWrote(), meeting("m1", Direction.INBOUND, tenDaysAgo, false,
                                organizer("kim@globex.example"))), false),
                Arguments.of("customer's meeting was cancelled", open,
                        with(repWrote(), meeting("m1", Direction.INBOUND, tenDaysAgo, true,
                                organizer("kim@globex.example"))), true),
                Arguments.of("guest accepted the rep's meeting", open,
                        with(repWrote(), meeting("m1", Direction.OUTBOUND, tenDaysAgo, false, rep,
                                attendee("kim@globex.example", Response.ACCEPTED))), false),
                Arguments.of("guest declined the rep's meeting", open,
                        with(repWrote(), meeting("m1", Direction.OUTBOUND, tenDaysAgo, false, rep,
                                attendee("kim@globex.example", Response.DECLINED))), true),
                Arguments.of("guest never answered the rep's meeting", open,
                        with(repWrote(), meeting("m1", Direction.OUTBOUND, tenDaysAgo, false, rep,
                                attendee("kim@globex.example", Response.NEEDS_ACTION))), true),
                Arguments.of("only a colleague accepted the rep's meeting", open,
                        with(repWrote(), meeting("m1", Direction.OUTBOUND, tenDaysAgo, false, rep,
                                attendee("lee@acme.example", Response.ACCEPTED),
                                attendee("kim@globex.example", Response.DECLINED))), true),
                Arguments.of("accepted meeting was cancelled", open,
                        with(repWrote(), meeting("m1", Direction.OUTBOUND, tenDaysAgo, true, rep,
                                attendee("kim@globex.example", Response.ACCEPTED))), true),
                Arguments.of("meeting booked ahead", open,
                        with(repWrote(), meeting("m2", Direction.OUTBOUND, NOW.plus(Duration.ofDays(30)), false, rep,
                                attendee("kim@globex.example", Response.NEEDS_ACTION))), false),
                Arguments.of("meeting booked a minute ahead", open,
                        with(repWrote(), meeting("m2", Direction.OUTBOUND, NOW.plus(MINUTE), false, rep)), false),
                Arguments.of("meeting ahead was cancelled", open,
                        with(repWrote(), meeting("m2", Direction.OUTBOUND, NOW.plus(DAY), true, rep)), true),
                Arguments.of("only an internal meeting ahead", open,
                        with(repWrote(), meeting("m2", Direction.INTERNAL, NOW.plus(DAY), false, rep)), true));
    }

    @ParameterizedTest(name = "{0}: raised={3}")
    @MethodSource("situations")
    void raisesOnlyWhenTheCustomerIsQuietAndTheRepKeptWriting(String situation, Opportunity deal,
                                                              List<Activity> activities, boolean raised) {
        assertThat(evaluate(deal, activities).isPresent()).as(situation).isEqualTo(raised);
    }

    @ParameterizedTest(name = "{0} unanswered e-mails: {1}")
    @CsvSource({"2, MEDIUM", "3, MEDIUM", "4, HIGH", "6, HIGH"})
    void severityRisesAtTwiceTheRepMessages(int mails, Severity expected) {
        List<Activity> sent = new ArrayList<>();
        for (int i = 0; i < mails; i++) {
            sent.add(mail("o" + i, Direction.OUTBOUND, NOW.minus(Duration.ofDays(i + 1))));
        }
        assertThat(evaluate(deal(OpportunityStatus.OPEN), sent).orElseThrow().severity()).isEqualTo(expected);
    }

    @Test
    void explainsTheLastSignAndTheUnansweredMailsAndPointsToThem() {
        Activity reply = mail("i1", Direction.INBOUND, Instant.parse("2026-10-03T09:00:00Z"));
        Activity before = mail("o0", Direction.OUTBOUND, Instant.parse("2026-10-20T09:00:00Z")); // outside the quiet days
        Activity first = mail("o1", Direction.OUTBOUND, Instant.parse("2026-11-06T09:00:00Z"));
        Activity second = mail("o2", Direction.OUTBOUND, Instant.parse("2026-11-13T09:00:00Z"));
        Activity third = mail("o3", Direction.OUTBOUND, Instant.parse("2026-11-19T16:45:00Z"));
        Finding finding = evaluate(deal(OpportunityStatus.OPEN), List.of(reply, before, first, second, third))
                .orElseThrow();
        assertThat(finding.explanation()).isEqualTo("Nothing from the customer on Globex renewal since 3 Oct "
                + "(Re: quote i1); 3 e-mails to them in the last 21 days went unanswered, the last on 19 Nov.");
        assertThat(finding.evidence()).containsExactly(
                new Evidence(Evidence.Kind.ACTIVITY, "src:i1", "Re: quote i1"),
                new Evidence(Evidence.Kind.ACTIVITY, "src:o3", "Re: quote o3"),
                new Evidence(Evidence.Kind.ACTIVITY, "src:o2", "Re: quote o2"),
                new Evidence(Evidence.Kind.ACTIVITY, "src:o1", "Re: quote o1"));
        assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void saysSoWhenTheCustomerWasNeverHeardFrom() {
        Finding finding = evaluate(deal(OpportunityStatus.OPEN), repWrote()).orElseThrow();
        assertThat(finding.explanation()).isEqualTo("Nothing from the customer on Globex renewal on record; "
                + "2 e-mails to them in the last 21 days went unanswered, the last on 17 Nov.");
        assertThat(finding.evidence()).extracting(Evidence::reference).containsExactly("src:o2", "src:o1");
    }

    @Test
    void aCallWithoutSubjectIsNamedByItsDay() {
        Finding finding = evaluate(deal(OpportunityStatus.OPEN),
                with(repWrote(), call("c1", Direction.INBOUND, Instant.parse("2026-10-01T10:00:00Z")))).orElseThrow();
        assertThat(finding.explanation()).startsWith("Nothing from the customer on Globex renewal since 1 Oct; 2 e-mails");
        assertThat(finding.evidence().get(0)).isEqualTo(new Evidence(Evidence.Kind.ACTIVITY, "src:c1", null));
    }

    @Test
    void followsTheConfiguredThresholds() {
        GoingDarkInsight strict = new GoingDarkInsight(config(7, 1));
        List<Activity> activities = List.of(mail("i1", Direction.INBOUND, NOW.minus(Duration.ofDays(8))),
                mail("o1", Direction.OUTBOUND, NOW.minus(DAY)));
        assertThat(strict.evaluate(context(deal(OpportunityStatus.OPEN), activities)))
                .hasValueSatisfying(f -> {
                    assertThat(f.explanation()).contains("; 1 e-mail to them in the last 7 days went unanswered");
                    assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                });
        assertThat(DEFAULTS.evaluate(context(deal(OpportunityStatus.OPEN), activities))).isEmpty();
        assertThat(strict.type()).isEqualTo("going-dark");
    }

    @ParameterizedTest(name = "quietDays={0} repMessages={1}")
    @CsvSource({"0, 2, quietDays", "-3, 2, quietDays", "21, 0, repMessages", "21, -1, repMessages"})
    void refusesAnInvalidConfiguration(int quietDays, int repMessages, String named) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GoingDarkInsight(config(quietDays, repMessages)))
                .withMessageContaining(named);
    }

    @Test
    void acceptsTheSmallestValidConfiguration() {
        new GoingDarkInsight(config(1, 1));
    }
}
