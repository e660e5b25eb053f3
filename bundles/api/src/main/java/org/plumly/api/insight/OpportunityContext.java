package org.plumly.api.insight;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.CustomerRecord;
import org.plumly.api.Opportunity;
import org.plumly.api.TenantId;
import org.plumly.api.tone.ToneVerdict;

/**
 * What an algorithm sees of one opportunity: its current state, its recent activity (meetings ahead
 * included) with the tone of each classified message, and the moment of evaluation. Algorithms read
 * the clock only from {@link #now()}, so tests can pin it.
 *
 * @param activities newest first, within the engine's look-back window, plus scheduled meetings ahead
 * @param tones      verdicts of classified messages, by activity id; messages not classified are absent
 */
public record OpportunityContext(Opportunity opportunity, List<Activity> activities, Map<ActivityId, ToneVerdict> tones,
                                 Instant now) implements CustomerRecord {
    public OpportunityContext {
        Objects.requireNonNull(opportunity, "opportunity");
        activities = List.copyOf(activities);
        tones = Map.copyOf(tones);
        Objects.requireNonNull(now, "now");
        for (Activity activity : activities) {
            if (!activity.tenant().equals(opportunity.tenant())) {
                throw new IllegalArgumentException("activity " + activity.id() + " is of another tenant");
            }
        }
    }

    @Override
    public TenantId tenant() {
        return opportunity.tenant();
    }
}
