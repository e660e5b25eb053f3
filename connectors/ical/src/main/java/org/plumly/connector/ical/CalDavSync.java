package org.plumly.connector.ical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.RecordSink;
import org.plumly.api.connector.StreamState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CalDAV stream: incremental by WebDAV sync-collection (RFC 6578), the changed members fetched by
 * calendar-multiget (RFC 4791) in batches of {@code batchSize}, a checkpoint after each.
 *
 * <p>Resuming: members are delivered in href order. A checkpoint within a sync keeps the token the sync
 * started from ({@code syncToken}), the token it ends at ({@code target}) and the last href delivered
 * ({@code after}). A resumed run syncs from the start token again, skips the hrefs up to {@code after},
 * and ends at {@code target}: a member that changed again meanwhile comes in the next sync from there.
 *
 * <p>Removed members: the server only says which href went away. The state has no room for what each
 * held (2,000 hrefs with their UIDs and starts are far over {@link StreamState#MAX_CHARS}), so the
 * cancellation is keyed by the UID the href names ({@code <UID>.ics}, which CalDAV clients and servers
 * use), stamped with when the removal was seen, with no subject and no participants.
 *
 * <p>The window: when the window's horizon moved since the last run, a calendar-query for events with
 * instances in the new days fetches the series whose next instances came into the window, which a sync
 * does not report as they did not change. An expired or unknown sync token (DAV:valid-sync-token) starts
 * a full sync, whose removals since the old token cannot be known.
 */
final class CalDavSync {
    private static final Logger LOG = LoggerFactory.getLogger(CalDavSync.class);

    private final Settings settings;
    private final String integration;
    private final Window window;
    private final Instant now;
    private final CalDav dav;
    private final Meetings meetings;

    CalDavSync(ConnectorContext context, Settings settings, Window window, Instant now) {
        this.settings = settings;
        this.integration = context.config().integration();
        this.window = window;
        this.now = now;
        this.dav = new CalDav(context, settings);
        this.meetings = new Meetings(context.config(), IcalConnector.EVENTS, settings, window);
    }

    void read(StreamState state, RecordSink sink) throws ConnectorException {
        StreamState start = SavedState.startingPoint(state, settings);
        Optional<Instant> horizon = SavedState.horizon(start);
        String base = start.find(SavedState.SYNC_TOKEN).orElse("");
        Optional<String> target = start.find(SavedState.TARGET);
        String after = start.find(SavedState.AFTER).orElse("");
        DavXml.Multistatus changes;
        try {
            changes = dav.sync(base);
        } catch (CalDav.InvalidSyncTokenException expired) {
            LOG.info("{} no longer knows the sync token of integration {}: reading the whole collection",
                    settings.where(), integration);
            base = "";
            target = Optional.empty();
            after = "";
            horizon = Optional.empty(); // a full sync covers the whole window
            changes = fullSync();
        }
        String end = target.isPresent() ? target.get() : changes.syncToken().orElseThrow(() -> ConnectorException.transientFailure(
                settings.where() + " answered sync-collection without a sync token", null));
        List<DavXml.Response> members = new ArrayList<>();
        for (DavXml.Response member : changes.responses()) {
            if (!dav.isCollection(member.href()) && member.href().compareTo(after) > 0) {
                members.add(member);
            }
        }
        members.sort(Comparator.comparing(DavXml.Response::href));
        StreamState progress = start.with(SavedState.TARGET, end);
        if (!base.isEmpty()) {
            progress = progress.with(SavedState.SYNC_TOKEN, base);
        }
        for (int from = 0; from < members.size(); from += settings.batchSize()) {
            List<DavXml.Response> batch = members.subList(from, Math.min(members.size(), from + settings.batchSize()));
            deliver(batch, sink);
            boolean last = from + settings.batchSize() >= members.size();
            if (!last) {
                sink.checkpoint(progress.with(SavedState.AFTER, batch.get(batch.size() - 1).href()));
                if (sink.stopRequested()) {
                    return;
                }
            }
        }
        StreamState synced = SavedState.settled(start, end, horizon.orElse(window.horizon()));
        if (horizon.isPresent() && horizon.get().isBefore(window.horizon())) {
            sink.checkpoint(synced);
            if (sink.stopRequested() || !refreshWindow(horizon.get(), synced, sink)) {
                return;
            }
        }
        sink.checkpoint(SavedState.settled(start, end, window.horizon()));
    }

    private DavXml.Multistatus fullSync() throws ConnectorException {
        try {
            return dav.sync("");
        } catch (CalDav.InvalidSyncTokenException refused) {
            throw ConnectorException.transientFailure(settings.where() + " refused a sync-collection without a token", null);
        }
    }

    /** Reads the series with instances that came into the window since {@code horizon}; false when asked to stop. */
    private boolean refreshWindow(Instant horizon, StreamState synced, RecordSink sink) throws ConnectorException {
        List<DavXml.Response> members = dav.eventsBetween(horizon, window.horizon()).responses().stream()
                .filter(member -> !dav.isCollection(member.href()) && !member.removed())
                .sorted(Comparator.comparing(DavXml.Response::href)).toList();
        for (int from = 0; from < members.size(); from += settings.batchSize()) {
            deliver(members.subList(from, Math.min(members.size(), from + settings.batchSize())), sink);
            sink.checkpoint(synced);
            if (sink.stopRequested()) {
                return false;
            }
        }
        return true;
    }

    /** Emits the meetings of a batch of members: removed ones as cancellations, the others as they are now. */
    private void deliver(List<DavXml.Response> batch, RecordSink sink) throws ConnectorException {
        List<String> changed = new ArrayList<>();
        for (DavXml.Response member : batch) {
            if (member.removed()) {
                cancel(member.href(), sink);
            } else {
                changed.add(member.href());
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        for (DavXml.Response fetched : dav.multiget(changed).responses()) {
            if (fetched.removed()) {
                cancel(fetched.href(), sink); // removed since the sync answered
            } else if (fetched.calendarData().isPresent()) {
                try {
                    Meetings.Read read = meetings.read(fetched.calendarData().get(), fetched.href());
                    read.rejections().forEach(rejection -> sink.reject(rejection.location(), rejection.reason()));
                    read.meetings().forEach(sink::emit);
                } catch (CalendarText.MalformedCalendarException malformed) {
                    sink.reject(fetched.href(), "no iCalendar object: " + malformed.getMessage());
                }
            } else if (fetched.status() != 200) {
                sink.reject(fetched.href(), "the server did not return it (status " + fetched.status() + ")");
            }
        }
    }

    private void cancel(String href, RecordSink sink) {
        Optional<String> uid = Meetings.uidOfHref(href);
        if (uid.isEmpty()) {
            return;
        }
        try {
            sink.emit(meetings.removed(uid.get(), now));
        } catch (IllegalArgumentException unusable) {
            sink.reject(href, "removed, but its name is no UID a meeting can be known by");
        }
    }

}
