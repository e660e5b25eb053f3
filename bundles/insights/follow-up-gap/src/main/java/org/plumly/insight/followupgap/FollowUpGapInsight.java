package org.plumly.insight.followupgap;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.plumly.api.Activity;
import org.plumly.api.ActivityKind;
import org.plumly.api.Direction;
import org.plumly.api.Evidence;
import org.plumly.api.Opportunity;
import org.plumly.api.Severity;
import org.plumly.api.insight.Finding;
import org.plumly.api.insight.InsightAlgorithm;
import org.plumly.api.insight.OpportunityContext;

/**
 * An open deal the customer was recently in touch on (a meeting held, or an e-mail they sent) with no
 * next meeting booked: the moment a follow-up is cheapest is slipping away.
 *
 * <p>Internal meetings ({@link Direction#INTERNAL}) are neither a touch nor a next meeting: only time
 * with the customer counts. Dates in the explanation are UTC days, as the context carries no time zone.
 */
@Component(service = InsightAlgorithm.class, configurationPid = FollowUpGapInsight.PID)
@Designate(ocd = FollowUpGapInsight.Config.class)
public class FollowUpGapInsight implements InsightAlgorithm {
    static final String PID = "org.plumly.insight.follow-up-gap";
    static final String TYPE = "follow-up-gap";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @ObjectClassDefinition(name = "Plumly insight: follow-up gap",
            description = "An open deal recently met or written to by the customer, with no next meeting booked")
    public @interface Config {
        @AttributeDefinition(description = "Days back a held meeting's end or a customer's e-mail counts as recent")
        int recentDays() default 14;

        @AttributeDefinition(description = "Days ahead a booked meeting closes the gap")
        int horizonDays() default 14;

        @AttributeDefinition(description = "HIGH when the last touch is more than this many days ago (else MEDIUM); "
                + "at most recentDays")
        int highAfterDays() default 7;

        @AttributeDefinition(description = "HIGH when the deal's amount, in its own currency, is at least this")
        double highAmount() default 50000;
    }

    private final Duration recent;
    private final Duration horizon;
    private final Duration highAfter;
    private final int horizonDays;
    private final BigDecimal highAmount;

    @Activate
    public FollowUpGapInsight(Config config) {
        if (config.recentDays() < 1) {
            throw new IllegalArgumentException("recentDays must be at least 1: " + config.recentDays());
        }
        if (config.horizonDays() < 1) {
            throw new IllegalArgumentException("horizonDays must be at least 1: " + config.horizonDays());
        }
        if (config.highAfterDays() < 0 || config.highAfterDays() > config.recentDays()) {
            throw new IllegalArgumentException("highAfterDays must be between 0 and recentDays (" + config.recentDays()
                    + "): " + config.highAfterDays());
        }
        if (!(config.highAmount() > 0) || Double.isInfinite(config.highAmount())) {
            throw new IllegalArgumentException("highAmount must be a positive number: " + config.highAmount());
        }
        recent = Duration.ofDays(config.recentDays());
        horizon = Duration.ofDays(config.horizonDays());
        highAfter = Duration.ofDays(config.highAfterDays());
        horizonDays = config.horizonDays();
        highAmount = BigDecimal.valueOf(config.highAmount());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<Finding> evaluate(OpportunityContext context) {
        Opportunity deal = context.opportunity();
        Instant now = context.now();
        if (!deal.isOpen() || hasMeetingAhead(context.activities(), now)) {
            return Optional.empty();
        }
        Instant recentSince = now.minus(recent);
        Optional<Activity> lastTouch = context.activities().stream()
                .filter(a -> isTouch(a, now))
                .filter(a -> !touchedAt(a).isBefore(recentSince))
                .max(Comparator.comparing(FollowUpGapInsight::touchedAt));
        return lastTouch.map(touch -> finding(deal, touch, now));
    }

    private Finding finding(Opportunity deal, Activity touch, Instant now) {
        boolean stale = Duration.between(touchedAt(touch), now).compareTo(highAfter) > 0;
        boolean big = deal.amount() != null && deal.amount().amount().compareTo(highAmount) >= 0;
        Severity severity = stale || big ? Severity.HIGH : Severity.MEDIUM;
        String what = touch.kind() == ActivityKind.MEETING ? "Met about " : "The customer wrote about ";
        String subject = touch.subject() == null || touch.subject().isBlank() ? "" : " (" + touch.subject().strip() + ")";
        String explanation = what + deal.name() + " on " + DAY.format(touchedAt(touch)) + subject
                + "; no next meeting is booked in the next " + horizonDays + " days.";
        return new Finding(severity, explanation,
                List.of(new Evidence(Evidence.Kind.ACTIVITY, touch.id().value(), touch.subject())));
    }

    /** A meeting with the customer that was held and is over, or an e-mail the customer sent. */
    private static boolean isTouch(Activity a, Instant now) {
        if (a.cancelled() || a.direction() == Direction.INTERNAL || touchedAt(a).isAfter(now)) {
            return false;
        }
        return a.kind() == ActivityKind.MEETING
                || a.kind() == ActivityKind.EMAIL && a.direction() == Direction.INBOUND;
    }

    /** When a meeting ended (its start when no end is known), when an e-mail was sent. */
    private static Instant touchedAt(Activity a) {
        return a.kind() == ActivityKind.MEETING && a.endsAt() != null ? a.endsAt() : a.occurredAt();
    }

    /** A customer meeting, not called off, starting after now and at most horizonDays ahead. */
    private boolean hasMeetingAhead(List<Activity> activities, Instant now) {
        Instant until = now.plus(horizon);
        return activities.stream().anyMatch(a -> a.kind() == ActivityKind.MEETING && !a.cancelled()
                && a.direction() != Direction.INTERNAL
                && a.occurredAt().isAfter(now) && !a.occurredAt().isAfter(until));
    }
}
