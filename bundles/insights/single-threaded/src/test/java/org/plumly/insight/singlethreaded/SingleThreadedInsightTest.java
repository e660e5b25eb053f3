package org.plumly.insight.singlethreaded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.plumly.api.Participant.Response;
import org.plumly.api.Participant.Role;
import org.plumly.api.Severity;
import org.plumly.api.SourceRef;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.insight.Finding;
import org.plumly.api.insight.OpportunityContext;

class SingleThreadedInsightTest {
    static final TenantId TENANT = TenantId.of("acme");
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Duration DAY = Duration.ofDays(1);
    static final String REP = "dana@acme.example";
    static final String JANE = "jane@globex.example";
    static final String OMAR = "omar@globex.example";

    static SingleThreadedInsight.Config config(double minAmount, double highAmount, int days) {
        return new SingleThreadedInsight.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SingleThreadedInsight.Config.class;
            }

            @Override
            public double minAmount() {
                return minAmount;
            }

            @Override
            public double highAmount() {
                return highAmount;
            }

            @Override
            public int days() {
                return days;
            }
        };
    }

    static final SingleThreadedInsight DEFAULTS = new SingleThreadedInsight(config(50000, 250000, 30));

    /** Builds an opportunity's context. */
    static final class Deal {
        final List<Activity> activities = new ArrayList<>();
        OpportunityStatus status = OpportunityStatus.OPEN;
        Money amount = Money.of("120000", "EUR");
        int next = 1;

        Deal activity(ActivityKind kind, Direction direction, Instant at, boolean cancelled, Participant... participants) {
            String id = "a" + next++;
            activities.add(new Activity(TENANT, ActivityId.of(id), kind, direction, at, null, "Renewal",
                    List.of(participants), UserId.of("dana"), OpportunityId.of("crm:006D1"), null, cancelled,
                    new SourceRef("mail-dana", "inbox", id)));
            return this;
        }

        /** Rep's outbound mail, so the tenant's domain is known; then the customer's reply. */
        Deal mailFrom(String sender, Duration ago) {
            return activity(ActivityKind.EMAIL, Direction.INBOUND, NOW.minus(ago), false,
                    new Participant(sender, null, Role.FROM, null), new Participant(REP, null, Role.TO, null));
        }

        Deal mailTo(String recipient, Duration ago) {
            return activity(ActivityKind.EMAIL, Direction.OUTBOUND, NOW.minus(ago), false,
                    new Participant(REP, null, Role.FROM, null), new Participant(recipient, null, Role.TO, null));
        }

        Deal meeting(Duration ago, boolean cancelled, String attendee, Response response) {
            return activity(ActivityKind.MEETING, Direction.OUTBOUND, NOW.minus(ago), cancelled,
                    new Participant(REP, "Dana", Role.ORGANIZER, Response.ACCEPTED),
                    new Participant(attendee, null, Role.ATTENDEE, response));
        }

        OpportunityContext context() {
            Opportunity opportunity = new Opportunity(TENANT, OpportunityId.of("crm:006D1"), null, "Globex renewal",
                    UserId.of("dana"), "Proposal", status, amount, LocalDate.parse("2026-12-15"),
                    NOW.minus(DAY.multipliedBy(90)), List.of(), new SourceRef("crm", "opportunities", "006D1"));
            return new OpportunityContext(opportunity, activities, Map.of(), NOW);
        }
    }

    static Deal janeOnly() {
        return new Deal().mailTo(JANE, DAY.multipliedBy(3)).mailFrom(JANE, DAY.multipliedBy(2));
    }

    static Stream<Arguments> amounts() {
        return Stream.of(
                Arguments.of("49999.99", null),
                Arguments.of("50000", Severity.MEDIUM),
                Arguments.of("50000.01", Severity.MEDIUM),
                Arguments.of("250000", Severity.MEDIUM),
                Arguments.of("250000.00", Severity.MEDIUM),
                Arguments.of("250000.01", Severity.HIGH),
                Arguments.of("1000000", Severity.HIGH));
    }

    @ParameterizedTest(name = "amount {0} is {1}")
    @MethodSource("amounts")
    void amountDecidesWhetherAndHowUrgently(String amount, Severity severity) {
        Deal deal = janeOnly();
        deal.amount = Money.of(amount, "EUR");
        assertThat(DEFAULTS.evaluate(deal.context()).map(Finding::severity).orElse(null)).isEqualTo(severity);
    }

    @Test
    void aDealWithoutAnAmountIsNotRaised() {
        Deal deal = janeOnly();
        deal.amount = null;
        assertThat(DEFAULTS.evaluate(deal.context())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = OpportunityStatus.class, names = {"WON", "LOST"})
    void closedDealsAreNotRaised(OpportunityStatus status) {
        Deal deal = janeOnly();
        deal.status = status;
        assertThat(DEFAULTS.evaluate(deal.context())).isEmpty();
    }

    static Stream<Arguments> engagements() {
        return Stream.of(
                Arguments.of("one contact who wrote", janeOnly(), true),
                Arguments.of("no contact engaged (going dark, not this)", new Deal().mailTo(JANE, DAY), false),
                Arguments.of("two contacts who wrote", janeOnly().mailFrom(OMAR, DAY), false),
                Arguments.of("the same contact twice is one", janeOnly().mailFrom(JANE, DAY), true),
                Arguments.of("a second contact only written to did not engage", janeOnly().mailTo(OMAR, DAY), true),
                Arguments.of("a second contact exactly 30 days ago counts",
                        janeOnly().mailFrom(OMAR, DAY.multipliedBy(30)), false),
                Arguments.of("a second contact a second over 30 days ago does not",
                        janeOnly().mailFrom(OMAR, DAY.multipliedBy(30).plusSeconds(1)), true),
                Arguments.of("the only contact exactly 30 days ago counts",
                        new Deal().mailTo(JANE, DAY).mailFrom(JANE, DAY.multipliedBy(30)), true),
                Arguments.of("the only contact a second over 30 days ago is none",
                        new Deal().mailTo(JANE, DAY).mailFrom(JANE, DAY.multipliedBy(30).plusSeconds(1)), false),
                Arguments.of("a second contact who accepted a meeting",
                        janeOnly().meeting(DAY, false, OMAR, Response.ACCEPTED), false),
                Arguments.of("a second contact who accepted a meeting ahead",
                        janeOnly().meeting(DAY.negated(), false, OMAR, Response.ACCEPTED), false),
                Arguments.of("a second contact who declined",
                        janeOnly().meeting(DAY, false, OMAR, Response.DECLINED), true),
                Arguments.of("a second contact who was tentative",
                        janeOnly().meeting(DAY, false, OMAR, Response.TENTATIVE), true),
                Arguments.of("a second contact who never answered",
                        janeOnly().meeting(DAY, false, OMAR, Response.NEEDS_ACTION), true),
                Arguments.of("a second contact who accepted a cancelled meeting",
                        janeOnly().meeting(DAY, true, OMAR, Response.ACCEPTED), true),
                Arguments.of("the only contact accepted a meeting",
                        new Deal().meeting(DAY, false, JANE, Response.ACCEPTED), true),
                Arguments.of("a customer who organized a meeting",
                        janeOnly().activity(ActivityKind.MEETING, Direction.INBOUND, NOW.minus(DAY), false,
                                new Participant(OMAR, null, Role.ORGANIZER, null),
                                new Participant(REP, null, Role.ATTENDEE, Response.ACCEPTED)), false),
                Arguments.of("a colleague of the rep who accepted is not a contact",
                        janeOnly().meeting(DAY, false, "lee@acme.example", Response.ACCEPTED), true),
                Arguments.of("the rep's colleague on internal mail is not a contact",
                        janeOnly().activity(ActivityKind.EMAIL, Direction.INTERNAL, NOW.minus(DAY), false,
                                new Participant("lee@acme.example", null, Role.FROM, null),
                                new Participant(REP, null, Role.TO, null)), true),
                Arguments.of("the rep cc'd on the customer's mail is not a contact",
                        new Deal().mailTo(JANE, DAY.multipliedBy(3)).activity(ActivityKind.EMAIL, Direction.INBOUND,
                                NOW.minus(DAY), false, new Participant(JANE, null, Role.FROM, null),
                                new Participant(OMAR, null, Role.TO, null), new Participant(REP, null, Role.CC, null)),
                        true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engagements")
    void onlyOneEngagedCustomerContactIsRaised(String name, Deal deal, boolean raised) {
        assertThat(DEFAULTS.evaluate(deal.context()).isPresent()).as(name).isEqualTo(raised);
    }

    @Test
    void theExplanationAndEvidenceNameTheContactAndTheirLatestActivity() {
        Deal deal = new Deal().mailTo(JANE, DAY.multipliedBy(5))
                .activity(ActivityKind.EMAIL, Direction.INBOUND, NOW.minus(DAY), false,
                        new Participant(JANE, "Jane Doe", Role.FROM, null), new Participant(REP, null, Role.TO, null))
                .mailFrom(JANE, DAY.multipliedBy(4));
        Finding finding = DEFAULTS.evaluate(deal.context()).orElseThrow();
        assertThat(finding.explanation()).isEqualTo("Only one person at the customer, Jane Doe (jane@globex.example),"
                + " engaged in the last 30 days on this 120000 EUR deal; no one else there wrote or accepted a meeting.");
        assertThat(finding.evidence()).containsExactly(
                new Evidence(Evidence.Kind.OPPORTUNITY, "crm:006D1", "amount 120000 EUR"),
                new Evidence(Evidence.Kind.ACTIVITY, "a2", null));
    }

    @Test
    void noCurrencyIsConverted() {
        Deal deal = janeOnly();
        deal.amount = Money.of("50000", "JPY");
        assertThat(DEFAULTS.evaluate(deal.context())).isPresent();
    }

    static Stream<Arguments> invalidConfigurations() {
        return Stream.of(
                Arguments.of(config(-1, 250000, 30), "minAmount"),
                Arguments.of(config(Double.NaN, 250000, 30), "minAmount"),
                Arguments.of(config(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 30), "minAmount"),
                Arguments.of(config(50000, 49999, 30), "highAmount"),
                Arguments.of(config(50000, Double.NaN, 30), "highAmount"),
                Arguments.of(config(50000, 250000, 0), "days"));
    }

    @ParameterizedTest(name = "refuses a bad {1}")
    @MethodSource("invalidConfigurations")
    void invalidConfigurationIsRefused(SingleThreadedInsight.Config config, String setting) {
        assertThatThrownBy(() -> new SingleThreadedInsight(config))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(setting);
    }

    @Test
    void equalThresholdsAreAccepted() {
        assertThat(new SingleThreadedInsight(config(0, 0, 1)).type()).isEqualTo("single-threaded");
    }
}
