package org.plumly.connector.ical;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.plumly.api.connector.AuthorizationKind;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.ConfigField;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.RecordKind;
import org.plumly.api.connector.RecordSink;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.api.connector.StreamState;

/**
 * Meetings from a calendar: an iCalendar feed (a secret or public https address), an {@code .ics} file in
 * the tenant's import folder, or a CalDAV calendar collection. One stream, {@code events}: one meeting per
 * event, and per instance of a recurring event within the window (see {@link Meetings} for the source
 * ids and how times are read). A feed or a file is read whole when it changed ({@link FullRead}); a
 * CalDAV collection incrementally by sync token ({@link CalDavSync}).
 *
 * <p>Authorized by an optional username and password (HTTP Basic; an app password for iCloud or Google):
 * a public feed or a file needs none.
 */
@Component(service = Connector.class)
public class IcalConnector implements Connector {
    static final String EVENTS = "events";

    private final Clock clock;

    public IcalConnector() {
        this(Clock.systemUTC());
    }

    /** A connector whose "now" (the window of recurrences, when a removal was seen) is {@code clock}'s. */
    IcalConnector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ConnectorSpec spec() {
        return new ConnectorSpec("ical", "Calendar (iCalendar, CalDAV)", AuthorizationKind.API_KEY, Set.of(), List.of(
                new ConfigField(Settings.SOURCE, "Source: feed (an iCalendar address), file (in the import folder) or caldav",
                        ConfigField.Type.TEXT, true, false, "feed"),
                new ConfigField(Settings.URL, "Feed address, or the CalDAV calendar collection's address", ConfigField.Type.URL,
                        false, false, null),
                ConfigField.text(Settings.FILE, "Calendar file in the import folder, such as calendar/dana.ics", false),
                ConfigField.text(Settings.USERNAME, "Username (CalDAV, or a feed that asks for one)", false),
                new ConfigField(Settings.PASSWORD, "Password or app password", ConfigField.Type.TEXT, false, true, null),
                ConfigField.text(Settings.MAILBOX, "Whose calendar it is: their e-mail address", false),
                new ConfigField(Settings.WINDOW_PAST_DAYS, "Days back that recurring meetings are read", ConfigField.Type.INTEGER,
                        false, false, "550"),
                new ConfigField(Settings.WINDOW_FUTURE_DAYS, "Days ahead that recurring meetings are read", ConfigField.Type.INTEGER,
                        false, false, "90"),
                new ConfigField(Settings.TIME_ZONE, "Time zone of times without one (floating times, all-day events)",
                        ConfigField.Type.TEXT, false, false, "UTC"),
                new ConfigField(Settings.BATCH_SIZE, "Events per batch (CalDAV multiget, checkpoints)", ConfigField.Type.INTEGER,
                        false, false, "100")));
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        try {
            Settings settings = Settings.of(context.config());
            return Ical4j.call(() -> switch (settings.source()) {
                case CALDAV -> new CalDav(context, settings).isCalendar() ? CheckResult.ok()
                        : CheckResult.failed("the address on " + settings.where() + " is no CalDAV calendar collection");
                case FEED, FILE -> {
                    new FullRead(context, settings, Window.around(clock.instant(), settings)).probe();
                    yield CheckResult.ok();
                }
            });
        } catch (ConnectorException failed) {
            return CheckResult.failed(failed.getMessage());
        } catch (RuntimeException unexpected) {
            return CheckResult.failed("the calendar could not be read (" + unexpected.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public List<StreamDescriptor> discover(ConnectorContext context) throws ConnectorException {
        Settings settings = Settings.of(context.config());
        return List.of(settings.source() == Settings.Source.CALDAV
                ? StreamDescriptor.incremental(EVENTS, RecordKind.ACTIVITY)
                : StreamDescriptor.fullRefresh(EVENTS, RecordKind.ACTIVITY));
    }

    @Override
    public void read(ConnectorContext context, StreamState state, RecordSink sink) throws ConnectorException {
        if (!EVENTS.equals(state.stream())) {
            throw ConnectorException.misconfigured("connector ical has no stream " + state.stream());
        }
        Settings settings = Settings.of(context.config());
        Window window = Window.around(clock.instant(), settings);
        Ical4j.call(() -> {
            if (settings.source() == Settings.Source.CALDAV) {
                new CalDavSync(context, settings, window, clock.instant()).read(state, sink);
            } else {
                new FullRead(context, settings, window).read(state, sink);
            }
            return null;
        });
    }
}
