package org.plumly.core.internal.tone;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.TenantId;
import org.plumly.api.User;
import org.plumly.api.store.ActivityStore;
import org.plumly.api.store.DirectoryStore;
import org.plumly.api.store.Page;
import org.plumly.api.store.PageRequest;
import org.plumly.api.tone.ToneVerdict;

/**
 * Classifies a tenant's stored customer mail that has no verdict yet: for mail synced before a tone
 * classifier was installed, or while one was missing.
 *
 * <p>The store keeps no list of a tenant's mail, only time lines. The backlog walks each user's time
 * line (the owners' ones), newest first, a page at a time, and stops at {@code since}: it holds one page
 * and the tone step's queue in memory, never the tenant's mail. Mail that has no owner (sent to none of
 * the tenant's users) is on no owner's time line and is not reached; the report says so.
 */
public final class ToneBacklog {
    static final int PAGE = 100;

    private final DirectoryStore directory;
    private final ActivityStore activities;
    private final TonePipeline tone;

    public ToneBacklog(DirectoryStore directory, ActivityStore activities, TonePipeline tone) {
        this.directory = directory;
        this.activities = activities;
        this.tone = tone;
    }

    /**
     * What a backlog run found and did.
     *
     * @param owners       users whose time lines were read
     * @param customerMail customer e-mails found on them (since the given time)
     * @param hadVerdict   of those, the ones classified before
     * @param outcome      what became of the others
     */
    public record Report(int owners, int customerMail, int hadVerdict, ToneOutcome outcome) {
    }

    /**
     * Classifies what has no verdict, page by page, waiting for each page's verdicts before reading on.
     *
     * @param since only mail sent at or after it; null for all
     */
    public Report classify(TenantId tenant, Instant since) {
        int owners = 0;
        int customerMail = 0;
        int hadVerdict = 0;
        ToneOutcome outcome = ToneOutcome.NOTHING;
        PageRequest users = PageRequest.first(PAGE);
        while (users != null) {
            Page<User> page = directory.users(tenant, users);
            for (User user : page.items()) {
                owners++;
                PageRequest mail = PageRequest.first(PAGE);
                while (mail != null) {
                    Page<Activity> timeline = activities.byOwner(tenant, user.id(), mail);
                    List<Activity> found = timeline.items().stream().filter(TonePipeline::isCustomerMail)
                            .filter(activity -> since == null || !activity.occurredAt().isBefore(since)).toList();
                    Map<ActivityId, ToneVerdict> classified = activities.tones(tenant, found.stream().map(Activity::id).toList());
                    List<Activity> without = found.stream().filter(activity -> !classified.containsKey(activity.id())).toList();
                    customerMail += found.size();
                    hadVerdict += classified.size();
                    outcome = outcome.plus(tone.classifyLater(tenant, without).join());
                    boolean olderThanSince = since != null && !timeline.items().isEmpty()
                            && timeline.items().get(timeline.items().size() - 1).occurredAt().isBefore(since);
                    mail = olderThanSince ? null : timeline.nextRequest(PAGE);
                }
            }
            users = page.nextRequest(PAGE);
        }
        return new Report(owners, customerMail, hadVerdict, outcome);
    }
}
