package org.plumly.insight.singlethreaded;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

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
import org.plumly.api.Money;
import org.plumly.api.Opportunity;
import org.plumly.api.Participant;
import org.plumly.api.Severity;
import org.plumly.api.insight.Finding;
import org.plumly.api.insight.InsightAlgorithm;
import org.plumly.api.insight.OpportunityContext;

/**
 * Raises a large open opportunity on which only one person at the customer engaged lately: if that
 * person leaves or goes quiet, the deal has no one else.
 *
 * <p>The rule, with the configured names:
 * <ol>
 *   <li>the opportunity is {@code OPEN} and has an amount of at least {@code minAmount} in its own
 *       currency (no conversion is done; an opportunity without an amount is not raised);</li>
 *   <li>the tenant's people are not in the context, so they are told from the activities: the sender
 *       ({@code FROM}) of outbound and internal activities, the organizer of outbound meetings, and
 *       every participant of internal activities; their domains are the tenant's domains. Every other
 *       address is a customer contact;</li>
 *   <li>a customer contact engaged when, within {@code days} days before now (at or after
 *       {@code now − days}), they sent inbound e-mail ({@code FROM}), or organized an inbound meeting
 *       or accepted ({@code ACCEPTED}) a meeting that was not cancelled. A meeting ahead they accepted
 *       counts too: the acceptance was given before now. Tentative, declined or unanswered invitations
 *       do not count;</li>
 *   <li>exactly one distinct customer contact engaged. None is not this insight (that is a deal going
 *       dark).</li>
 * </ol>
 * Severity is {@code HIGH} when the amount is above {@code highAmount}, else {@code MEDIUM}. Evidence:
 * the opportunity and the contact's latest engagement.
 */
@Component(service = InsightAlgorithm.class, configurationPid = SingleThreadedInsight.PID)
@Designate(ocd = SingleThreadedInsight.Config.class)
public class SingleThreadedInsight implements InsightAlgorithm {
    static final String PID = "org.plumly.insight.single-threaded";
    static final String TYPE = "single-threaded";

    @ObjectClassDefinition(name = "Plumly insight: single-threaded",
            description = "A large open opportunity on which only one customer contact engaged lately")
    public @interface Config {
        @AttributeDefinition(description = "Only opportunities of at least this amount, in their own currency (not converted)")
        double minAmount() default 50000;

        @AttributeDefinition(description = "Severity HIGH above this amount, in the opportunity's currency")
        double highAmount() default 250000;

        @AttributeDefinition(description = "Engagement within this many days before now counts")
        int days() default 30;
    }

    private final BigDecimal minAmount;
    private final BigDecimal highAmount;
    private final Duration recent;

    @Activate
    public SingleThreadedInsight(Config config) {
        if (!(config.minAmount() >= 0) || Double.isInfinite(config.minAmount())) {
            throw new IllegalArgumentException("minAmount must be a finite amount of 0 or more: " + config.minAmount());
        }
        if (!(config.highAmount() >= config.minAmount()) || Double.isInfinite(config.highAmount())) {
            throw new IllegalArgumentException("highAmount (" + config.highAmount()
                    + ") must be finite and at least minAmount (" + config.minAmount() + ")");
        }
        if (config.days() < 1) {
            throw new IllegalArgumentException("days must be at least 1: " + config.days());
        }
        minAmount = BigDecimal.valueOf(config.minAmount());
        highAmount = BigDecimal.valueOf(config.highAmount());
        recent = Duration.ofDays(config.days());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<Finding> evaluate(OpportunityContext context) {
        Opportunity opportunity = context.opportunity();
        Money amount = opportunity.amount();
        if (!opportunity.isOpen() || amount == null || amount.amount().compareTo(minAmount) < 0) {
            return Optional.empty();
        }
        TenantPeople ours = TenantPeople.of(context.activities());
        Instant since = context.now().minus(recent);
        Map<String, Engagement> latestByContact = new LinkedHashMap<>();
        for (Activity activity : context.activities()) {
            if (activity.cancelled() || activity.occurredAt().isBefore(since)) {
                continue;
            }
            boolean past = !activity.occurredAt().isAfter(context.now());
            engaged(activity, past).filter(p -> !ours.includes(p.email())).forEach(p -> latestByContact.merge(
                    p.email(), new Engagement(p, activity),
                    (a, b) -> a.activity().occurredAt().isAfter(b.activity().occurredAt()) ? a : b));
        }
        if (latestByContact.size() != 1) {
            return Optional.empty();
        }
        Engagement only = latestByContact.values().iterator().next();
        Severity severity = amount.amount().compareTo(highAmount) > 0 ? Severity.HIGH : Severity.MEDIUM;
        String money = amount.amount().toPlainString() + " " + amount.currency().getCurrencyCode();
        String who = only.contact().name() == null || only.contact().name().isBlank()
                ? only.contact().email() : only.contact().name().strip() + " (" + only.contact().email() + ")";
        String explanation = "Only one person at the customer, " + who + ", engaged in the last " + recent.toDays()
                + " days on this " + money + " deal; no one else there wrote or accepted a meeting.";
        return Optional.of(new Finding(severity, explanation, List.of(
                new Evidence(Evidence.Kind.OPPORTUNITY, opportunity.id().value(), "amount " + money),
                new Evidence(Evidence.Kind.ACTIVITY, only.activity().id().value(), null))));
    }

    /** Who of an activity's participants engaged in it, seen from the customer side. */
    private static Stream<Participant> engaged(Activity activity, boolean past) {
        if (activity.kind() == ActivityKind.EMAIL) {
            return past && activity.direction() == Direction.INBOUND
                    ? activity.participants().stream().filter(p -> p.role() == Participant.Role.FROM)
                    : Stream.empty();
        }
        if (activity.kind() == ActivityKind.MEETING) {
            return activity.participants().stream().filter(p -> p.response() == Participant.Response.ACCEPTED
                    || p.role() == Participant.Role.ORGANIZER && activity.direction() == Direction.INBOUND);
        }
        return Stream.empty();
    }

    private record Engagement(Participant contact, Activity activity) {
    }

    /** The tenant's own addresses and domains, as far as the activities tell them. */
    private record TenantPeople(Set<String> addresses, Set<String> domains) {
        static TenantPeople of(List<Activity> activities) {
            Set<String> addresses = new HashSet<>();
            for (Activity activity : activities) {
                for (Participant p : activity.participants()) {
                    boolean ours = switch (activity.direction()) {
                        case INTERNAL -> true;
                        case OUTBOUND -> p.role() == Participant.Role.FROM || p.role() == Participant.Role.ORGANIZER;
                        case INBOUND -> false;
                    };
                    if (ours) {
                        addresses.add(p.email());
                    }
                }
            }
            Set<String> domains = new HashSet<>();
            addresses.forEach(a -> domains.add(EmailAddress.domain(a)));
            return new TenantPeople(addresses, domains);
        }

        boolean includes(String address) {
            return addresses.contains(address) || domains.contains(EmailAddress.domain(address));
        }
    }
}
