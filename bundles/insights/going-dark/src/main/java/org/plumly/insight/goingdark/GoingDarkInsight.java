package org.plumly.insight.goingdark;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
import org.plumly.api.EmailAddress;
import org.plumly.api.Evidence;
import org.plumly.api.Opportunity;
import org.plumly.api.Participant;
import org.plumly.api.Severity;
import org.plumly.api.insight.Finding;
import org.plumly.api.insight.InsightAlgorithm;
import org.plumly.api.insight.OpportunityContext;

/**
 * An open deal whose customer has gone quiet while the rep kept writing: no sign of the customer for
 * {@code quietDays}, and at least {@code repMessages} e-mails from the rep in that time, unanswered.
 * A meeting booked ahead means the customer is engaged, so nothing is raised then.
 *
 * <p>A sign of the customer is what they did, not what was sent to them: an e-mail or a call they
 * made ({@link Direction#INBOUND}), a meeting they organized (an inbound meeting), or a meeting the
 * rep organized that an attendee from another domain than the organizer's accepted. Attendance is not
 * recorded, so acceptance stands for it; a meeting counts from its start, once started, and not when
 * it was cancelled. Dates in the explanation are UTC days, as the context carries no time zone.
 */
@Component(service = InsightAlgorithm.class, configurationPid = GoingDarkInsight.PID)
@Designate(ocd = GoingDarkInsight.Config.class)
public class GoingDarkInsight implements InsightAlgorithm {
    static final String PID = "org.plumly.insight.going-dark";
    static final String TYPE = "going-dark";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @ObjectClassDefinition(name = "Plumly insight: going dark",
            description = "An open deal whose customer has gone quiet while the rep kept writing")
    public @interface Config {
        @AttributeDefinition(description = "Days without a sign of the customer before a deal counts as going dark")
        int quietDays() default 21;

        @AttributeDefinition(description = "E-mails the rep sent in those quiet days, unanswered, before it is raised; "
                + "twice as many make it HIGH")
        int repMessages() default 2;
    }

    private final Duration quiet;
    private final int quietDays;
    private final int repMessages;

    @Activate
    public GoingDarkInsight(Config config) {
        if (config.quietDays() < 1) {
            throw new IllegalArgumentException("quietDays must be at least 1: " + config.quietDays());
        }
        if (config.repMessages() < 1) {
            throw new IllegalArgumentException("repMessages must be at least 1: " + config.repMessages());
        }
        quiet = Duration.ofDays(config.quietDays());
        quietDays = config.quietDays();
        repMessages = config.repMessages();
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
        Optional<Activity> lastSign = context.activities().stream()
                .filter(a -> isSignOfTheCustomer(a, now))
                .max(Comparator.comparing(Activity::occurredAt));
        Instant quietSince = now.minus(quiet);
        if (lastSign.isPresent() && lastSign.get().occurredAt().isAfter(quietSince)) {
            return Optional.empty();
        }
        List<Activity> unanswered = context.activities().stream()
                .filter(a -> a.kind() == ActivityKind.EMAIL && a.direction() == Direction.OUTBOUND)
                .filter(a -> !a.occurredAt().isBefore(quietSince) && !a.occurredAt().isAfter(now))
                .filter(a -> lastSign.isEmpty() || a.occurredAt().isAfter(lastSign.get().occurredAt()))
                .sorted(Comparator.comparing(Activity::occurredAt).reversed())
                .toList();
        if (unanswered.size() < repMessages) {
            return Optional.empty();
        }
        return Optional.of(finding(deal, lastSign, unanswered));
    }

    private Finding finding(Opportunity deal, Optional<Activity> lastSign, List<Activity> unanswered) {
        Severity severity = unanswered.size() >= 2 * repMessages ? Severity.HIGH : Severity.MEDIUM;
        String heard = lastSign
                .map(sign -> "Nothing from the customer on " + deal.name() + " since " + DAY.format(sign.occurredAt())
                        + subject(sign))
                .orElse("Nothing from the customer on " + deal.name() + " on record");
        String explanation = heard + "; " + unanswered.size() + (unanswered.size() == 1 ? " e-mail" : " e-mails") + " to them in the last " + quietDays
                + " days went unanswered, the last on " + DAY.format(unanswered.get(0).occurredAt()) + ".";
        List<Evidence> evidence = new ArrayList<>();
        lastSign.ifPresent(sign -> evidence.add(evidence(sign)));
        unanswered.forEach(mail -> evidence.add(evidence(mail)));
        return new Finding(severity, explanation, evidence);
    }

    private static String subject(Activity a) {
        return a.subject() == null || a.subject().isBlank() ? "" : " (" + a.subject().strip() + ")";
    }

    private static Evidence evidence(Activity a) {
        return new Evidence(Evidence.Kind.ACTIVITY, a.id().value(), a.subject());
    }

    private static boolean isSignOfTheCustomer(Activity a, Instant now) {
        if (a.cancelled() || a.occurredAt().isAfter(now)) {
            return false;
        }
        return switch (a.kind()) {
            case EMAIL, CALL -> a.direction() == Direction.INBOUND;
            case MEETING -> a.direction() == Direction.INBOUND
                    || a.direction() == Direction.OUTBOUND && acceptedByAGuest(a);
            case TASK -> false;
        };
    }

    /** An attendee from another domain than the organizer's accepted: a guest, not a colleague. */
    private static boolean acceptedByAGuest(Activity meeting) {
        Optional<String> ours = meeting.participants().stream()
                .filter(p -> p.role() == Participant.Role.ORGANIZER)
                .map(p -> EmailAddress.domain(p.email()))
                .findFirst();
        return ours.isPresent() && meeting.participants().stream()
                .anyMatch(p -> p.role() == Participant.Role.ATTENDEE && p.response() == Participant.Response.ACCEPTED
                        && !EmailAddress.domain(p.email()).equals(ours.get()));
    }

    /** A customer meeting, not called off, starting after now: the customer is engaged. */
    private static boolean hasMeetingAhead(List<Activity> activities, Instant now) {
        return activities.stream().anyMatch(a -> a.kind() == ActivityKind.MEETING && !a.cancelled()
                && a.direction() != Direction.INTERNAL && a.occurredAt().isAfter(now));
    }
}
