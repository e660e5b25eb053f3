package org.plumly.api.store;

import java.util.Collection;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.OpportunityId;
import org.plumly.api.RawContent;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;

/**
 * The time line of activities (e-mails, meetings, calls, tasks), kept per tenant, by opportunity and
 * by owner, newest first. Writes are idempotent upserts by activity id; the raw content of a message is
 * kept apart from the time line. Calls block: call them from a worker thread, never an event loop.
 *
 * <pre>{@code
 * store.put(activity);
 * store.putContent(tenant, activity.id(), new RawContent("message/rfc822", mime));
 * Page<Activity> latest = store.timeline(tenant, opportunity, PageRequest.first(50));
 * }</pre>
 *
 * Failures: {@link StoreUnavailableException} when the database does not answer; the caller retries.
 */
@ProviderType
public interface ActivityStore {

    /**
     * Stores an activity, or replaces the one with the same tenant and id. When it moved to another
     * opportunity or owner (identity resolution changed its mind) it leaves their time lines.
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
}
