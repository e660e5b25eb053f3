package org.plumly.api.insight;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Looks at one opportunity and says whether something needs attention. Register one as an OSGi
 * service in its own bundle, with its thresholds in its own configuration: installing the bundle
 * evaluates the open opportunities, uninstalling it withdraws its open insights. Pure: no I/O, no
 * clock but {@link OpportunityContext#now()}; the engine calls it from a worker thread.
 *
 * <pre>{@code
 * @Component
 * public class FollowUpGapInsight implements InsightAlgorithm {
 *     public String type() { return "follow-up-gap"; }
 *     public Optional<Finding> evaluate(OpportunityContext context) {
 *         Optional<Activity> lastMeeting = pastMeetings(context).findFirst();
 *         if (lastMeeting.isEmpty() || hasMeetingAhead(context)) return Optional.empty();
 *         return Optional.of(new Finding(Severity.HIGH, "Met on " + day(lastMeeting.get()) + "; no next meeting booked.",
 *                 List.of(new Evidence(Evidence.Kind.ACTIVITY, lastMeeting.get().id().value(), null))));
 *     }
 * }
 * }</pre>
 */
@ConsumerType
public interface InsightAlgorithm {

    /** A stable id of the insight type, such as {@code follow-up-gap}: lower-case letters, digits, dashes. */
    String type();

    /** What needs attention on this opportunity now, or empty when nothing does. */
    Optional<Finding> evaluate(OpportunityContext context);
}
