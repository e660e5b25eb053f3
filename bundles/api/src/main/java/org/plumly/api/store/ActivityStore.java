package org.plumly.api.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.OpportunityId;
import org.plumly.api.RawContent;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.tone.ToneVerdict;

/**
 * The time line of activities (e-mails, meetings, calls, tasks), kept per tenant, by opportunity and
 * by owner, newest first. Writes are idempotent upserts by activity id; the raw content of a message is
 * kept apart from the time line, and so is the tone verdict of a message (its sentences quote the
 * message). Calls block: call them from a worker thread, never an event loop.
 *
 * <pre>{@code
 * store.put(activity);
 * store.putContent(tenant, activity.id(), new RawContent("message/rfc822", mime));
 * store.putTone(tenant, activity.id(), classifier.classify(text), Instant.now());
 * Page<Activity> latest = store.timeline(tenant, opportunity, PageRequest.first(50));
 * Map<ActivityId, ToneVerdict> tones = store.tones(tenant, latest.items().stream().map(Activity::id).toList());
 * }</pre>
 *
 * Failures: {@link StoreUnavailableException} when the database does not answer; the caller retries.
 */
@ProviderType
public interface ActivityStore {

    /**
     * Stores an activity, or replaces the one with the same tenant and id. When it moved to another
     * opportunity or owner (identity resolution changed its mind) it leaves their time lines; when an
     * inbound e-mail is no longer one (its sender turned out to be a colleague) its tone verdict goes,
     * since tone is kept for mail a customer wrote.
     */
    void put(Activity activity);

    /**
     * Stores several activities, concurrently; returns when all are stored. When one fails, the others
     * may or may not be stored (all are idempotent: store them again).
     */
    void putAll(Collection<Activity> activities);

    Optional<Activity> find(TenantId tenant, ActivityId id);

    /** The activities of an opportunity, newest first. */
    Page<Activity> timeline(TenantId tenant, OpportunityId opportunity, PageRequest request);

    /** The activities of an owner, newest first. */
    Page<Activity> byOwner(TenantId tenant, UserId owner, PageRequest request);

    /** Keeps the raw content of an activity (a MIME message), replacing what was kept before. */
    void putContent(TenantId tenant, ActivityId id, RawContent content);

    Optional<RawContent> content(TenantId tenant, ActivityId id);

    /**
     * Keeps the tone verdict of a message, replacing the one kept before (a message classified again,
     * by a newer model or after a re-sync, has one verdict). The verdict's sentences are the message's
     * words: they are kept apart from the time lines, as the raw content is, and deleted with it.
     *
     * @param classifiedAt when the classifier answered; kept with the verdict and its model's name
     */
    void putTone(TenantId tenant, ActivityId id, ToneVerdict verdict, Instant classifiedAt);

    /** The verdicts of those of these activities that have one, by activity id; the others are absent. */
    Map<ActivityId, ToneVerdict> tones(TenantId tenant, Collection<ActivityId> ids);
}
