package org.plumly.connector.ical;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.DefaultComponentFactorySupplier;
import net.fortuna.ical4j.data.DefaultParameterFactorySupplier;
import net.fortuna.ical4j.data.DefaultPropertyFactorySupplier;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.ActivityKind;
import org.plumly.api.Direction;
import org.plumly.api.EmailAddress;
import org.plumly.api.Participant;
import org.plumly.api.SourceRef;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.connector.ical.CalendarText.MalformedCalendarException;

/**
 * Turns an iCalendar document into meetings: one {@link Activity} per event, and per instance of a
 * recurring event whose start falls in the {@link Window}.
 *
 * <ul>
 *   <li>Source ids: the UID for a single event; UID + {@code /} + the instance's original start in UTC,
 *       ISO 8601 basic format as iCalendar writes it ({@code 20260701T080000Z}), for an instance of a
 *       recurrence, so a RECURRENCE-ID override replaces the instance it overrides.</li>
 *   <li>Cancelled: STATUS:CANCELLED on the event, on the series, or on an overridden instance; an
 *       instance taken out by EXDATE comes as cancelled too, so that a store which held it learns it is off.</li>
 *   <li>Time: a UTC or TZID time is that instant (a VTIMEZONE of the document defines its TZID; a known
 *       Olson or Windows name otherwise). A floating time or an all-day date has no zone of its own: it is
 *       read in the calendar's X-WR-TIMEZONE when that names a known zone, else in the setting
 *       {@code timeZone} (UTC unless set). An all-day event runs from the start of its first day to the
 *       start of the day after its last.</li>
 *   <li>Participants: ORGANIZER and ATTENDEEs with a {@code mailto:} address; others (rooms as
 *       {@code urn:uuid:}) are left out.</li>
 * </ul>
 *
 * Not thread-safe: one instance per read, for one document after the other.
 */
final class Meetings {
    private static final String WRAP_START = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Plumly//iCalendar connector//EN\r\n";
    private static final int WRAP_LINES = 3;
    private static final String WRAP_END = "END:VCALENDAR\r\n";
    private static final int MAX_ID_LENGTH = 256;
    private static final int MAX_REGISTRIES = 32;
    /** An instance's start in a source id: UTC, ISO 8601 basic format, as iCalendar writes a UTC RECURRENCE-ID. */
    private static final DateTimeFormatter INSTANCE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final ConnectorConfig config;
    private final String stream;
    private final Settings settings;
    private final Window window;
    private final ContentHandlerContext parsing;
    private final Map<List<List<String>>, TimeZoneRegistry> registries = new HashMap<>();
    private ZoneId floating;

    Meetings(ConnectorConfig config, String stream, Settings settings, Window window) {
        this.config = config;
        this.stream = stream;
        this.settings = settings;
        this.window = window;
        this.parsing = parsing();
    }

    /**
     * How ical4j builds what it parses. Its default makes every factory anew for every property (most of a
     * read's time): here each list is made once per read. Long texts nobody reads are skipped.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ContentHandlerContext parsing() {
        List parameters = new DefaultParameterFactorySupplier().get();
        List properties = new DefaultPropertyFactorySupplier().get();
        List components = new DefaultComponentFactorySupplier().get();
        return new ContentHandlerContext()
                .withParameterFactorySupplier(() -> parameters)
                .withPropertyFactorySupplier(() -> properties)
                .withComponentFactorySupplier(() -> components)
                .withIgnoredPropertyNames(List.of("DESCRIPTION", "X-ALT-DESC", "ATTACH", "X-MICROSOFT-CDO-ALTDESC"));
    }

    /** What a document holds: meetings in document order, and the events that could not be read. */
    record Read(List<Activity> meetings, List<Rejection> rejections) {
    }

    /** An event that could not be read, and why, without personal data. */
    record Rejection(String location, String reason) {
    }

    /**
     * Reads one document.
     *
     * @param name how rejections name it: a file name or a CalDAV href; they say {@code "<name> event <n>"}
     * @throws MalformedCalendarException when the document as a whole is no calendar
     */
    Read read(String text, String name) throws MalformedCalendarException {
        CalendarText calendar = CalendarText.split(text);
        floating = calendar.property("X-WR-TIMEZONE").flatMap(Meetings::zone).orElse(settings.floatingZone());
        CalendarBuilder builder = new CalendarBuilder(CalendarParserFactory.getInstance().get(), parsing,
                registryOf(calendar.timeZones()));
        List<Rejection> rejections = new ArrayList<>();
        Map<String, List<Located>> byUid = new LinkedHashMap<>();
        List<List<String>> events = calendar.events();
        for (int i = 0; i < events.size(); i++) {
            String location = name + " event " + (i + 1);
            List<String> lines = events.get(i);
            try {
                Calendar parsed = builder.build(new StringReader(wrapped(lines)));
                Optional<VEvent> event = parsed.getComponent(Component.VEVENT);
                if (event.isEmpty()) {
                    rejections.add(new Rejection(location, "no VEVENT could be read"));
                    continue;
                }
                Optional<String> uid = event.get().getUid().map(Property::getValue).map(String::trim).filter(u -> !u.isEmpty());
                if (uid.isEmpty()) {
                    rejections.add(new Rejection(location, "no UID"));
                    continue;
                }
                byUid.computeIfAbsent(uid.get(), u -> new ArrayList<>()).add(new Located(location, event.get()));
            } catch (ParserException malformed) {
                rejections.add(new Rejection(location, "malformed " + propertyAt(lines, malformed.getLineNo() - WRAP_LINES)));
            } catch (IOException | RuntimeException unreadable) {
                rejections.add(new Rejection(location, "unreadable event (" + unreadable.getClass().getSimpleName() + ")"));
            }
        }
        List<Activity> meetings = new ArrayList<>();
        byUid.forEach((uid, group) -> series(uid, group, meetings, rejections));
        return new Read(meetings, rejections);
    }

    /**
     * A time-zone registry holding these VTIMEZONEs. Building one from a VTIMEZONE costs milliseconds and
     * takes one of ical4j's JVM-wide zone ids until it is collected, while the members of a CalDAV
     * collection mostly repeat the same few: documents with the same VTIMEZONEs share one within a read.
     */
    private TimeZoneRegistry registryOf(List<List<String>> timeZones) {
        if (registries.size() >= MAX_REGISTRIES) {
            registries.clear();
        }
        return registries.computeIfAbsent(timeZones, definitions -> {
            TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
            CalendarBuilder builder = new CalendarBuilder(CalendarParserFactory.getInstance().get(), parsing, registry);
            for (List<String> timeZone : definitions) {
                try {
                    builder.build(new StringReader(wrapped(timeZone))); // registers the VTIMEZONE
                } catch (IOException | ParserException | RuntimeException broken) {
                    // the events that use it are rejected for their unknown TZID
                }
            }
            return registry;
        });
    }

    /** The cancellation of a single event known only by its UID, as when its CalDAV resource is deleted. */
    Activity removed(String uid, Instant seen) {
        SourceRef source = new SourceRef(config.integration(), stream, uid);
        return new Activity(config.tenant(), ActivityId.of(source.entityId()), ActivityKind.MEETING, Direction.INTERNAL,
                seen, null, null, List.of(), null, null, null, true, source);
    }

    /**
     * The UID a CalDAV client names a resource by ({@code <UID>.ics}, RFC 4791 clients and servers alike);
     * empty for an href that does not name one.
     */
    static Optional<String> uidOfHref(String href) {
        String path = href.endsWith("/") ? href.substring(0, href.length() - 1) : href;
        String name = path.substring(path.lastIndexOf('/') + 1);
        try {
            name = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return Optional.empty();
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".ics")) {
            name = name.substring(0, name.length() - 4);
        }
        return name.isBlank() ? Optional.empty() : Optional.of(name);
    }

    private record Located(String location, VEvent event) {
    }

    /** One UID: a single event, or a series with its overridden instances. */
    private void series(String uid, List<Located> group, List<Activity> meetings, List<Rejection> rejections) {
        Located master = null;
        Map<Instant, Located> overrides = new TreeMap<>();
        for (Located located : group) {
            DateProperty<?> recurrenceId = located.event().getRecurrenceId();
            if (recurrenceId == null) {
                if (master == null) {
                    master = located;
                } else {
                    rejections.add(new Rejection(located.location(), "a second event with the UID of " + master.location()));
                }
                continue;
            }
            try {
                overrides.put(instant(recurrenceId.getDate()), located);
            } catch (RuntimeException unreadable) {
                rejections.add(new Rejection(located.location(), "malformed RECURRENCE-ID"));
            }
        }
        if (master != null) {
            Optional<Temporal> start = start(master, rejections);
            if (start.isPresent() && isRecurring(master.event())) {
                expand(uid, master, start.get(), overrides, meetings, rejections);
            } else if (start.isPresent()) {
                add(meetings, rejections, master, uid, start.get(), start.get(), master.event(), false);
            }
        }
        boolean seriesCancelled = master != null && isCancelled(master.event());
        overrides.forEach((original, override) -> start(override, rejections).ifPresent(start -> {
            if (window.contains(original) || window.contains(instant(start))) {
                add(meetings, rejections, override, uid + "/" + INSTANCE.format(original), start, start, override.event(), seriesCancelled);
            }
        }));
    }

    private void expand(String uid, Located master, Temporal seed, Map<Instant, Located> overrides, List<Activity> meetings,
            List<Rejection> rejections) {
        Map<Instant, Temporal> instances = new TreeMap<>();
        Set<Instant> excluded = new HashSet<>();
        try {
            if (window.contains(instant(seed))) {
                instances.put(instant(seed), seed); // DTSTART is the first instance, whether or not the rule matches it
            }
            for (Property property : master.event().getProperties(Property.RRULE)) {
                @SuppressWarnings("unchecked")
                Recur<Temporal> recur = ((RRule<Temporal>) property).getRecur();
                for (Temporal date : recur.getDates(seed, inKindOf(seed, window.from()), inKindOf(seed, window.horizon()))) {
                    instances.putIfAbsent(instant(date), date);
                }
            }
            for (Property property : master.event().getProperties(Property.RDATE)) {
                for (Object date : ((RDate<?>) property).getDates()) {
                    Instant at = instant((Temporal) date);
                    if (window.contains(at)) {
                        instances.putIfAbsent(at, (Temporal) date);
                    }
                }
            }
            for (Property property : master.event().getProperties(Property.EXDATE)) {
                for (Object date : ((ExDate<?>) property).getDates()) {
                    excluded.add(instant((Temporal) date));
                }
            }
        } catch (RuntimeException malformed) { // DateTimeException, an unsupported rule part
            rejections.add(new Rejection(master.location(), "malformed recurrence rule or dates"));
            return;
        }
        instances.forEach((original, start) -> {
            if (overrides.containsKey(original)) {
                return; // the override below replaces it
            }
            add(meetings, rejections, master, uid + "/" + INSTANCE.format(original), start, seed, master.event(), excluded.contains(original));
        });
    }

    /**
     * Adds the meeting of {@code event} starting at {@code start}; its length is that of {@code event} from
     * {@code eventStart} (the series' DTSTART for a generated instance).
     */
    private void add(List<Activity> meetings, List<Rejection> rejections, Located located, String sourceId, Temporal start,
            Temporal eventStart, VEvent event, boolean cancelled) {
        try {
            Instant begins = instant(start);
            Instant ends = end(event, eventStart, start);
            if (ends.isBefore(begins)) {
                rejections.add(new Rejection(located.location(), "ends before it starts"));
                return;
            }
            SourceRef source = new SourceRef(config.integration(), stream, sourceId);
            if (source.entityId().length() > MAX_ID_LENGTH) {
                rejections.add(new Rejection(located.location(), "UID too long for an activity id"));
                return;
            }
            List<Participant> participants = participants(event);
            meetings.add(new Activity(config.tenant(), ActivityId.of(source.entityId()), ActivityKind.MEETING,
                    direction(participants), begins, ends, Optional.ofNullable(event.getSummary()).map(Property::getValue).orElse(null),
                    participants, null, null, null, cancelled || isCancelled(event), source));
        } catch (DateTimeException | ArithmeticException unreadable) {
            rejections.add(new Rejection(located.location(), "malformed DTEND or DURATION"));
        } catch (IllegalArgumentException invalid) {
            rejections.add(new Rejection(located.location(), "not a valid meeting"));
        }
    }

    private Optional<Temporal> start(Located located, List<Rejection> rejections) {
        Optional<DateProperty<Temporal>> start = located.event().getStartDate().map(Meetings::temporalProperty);
        if (start.isEmpty()) {
            rejections.add(new Rejection(located.location(), "no DTSTART"));
            return Optional.empty();
        }
        try {
            Temporal value = start.get().getDate();
            instant(value);
            return Optional.of(value);
        } catch (RuntimeException unreadable) {
            boolean zoned = start.get().getParameter(Parameter.TZID).isPresent();
            rejections.add(new Rejection(located.location(), zoned ? "malformed DTSTART or unknown TZID" : "malformed DTSTART"));
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static DateProperty<Temporal> temporalProperty(DateProperty<?> property) {
        return (DateProperty<Temporal>) property;
    }

    /** RFC 5545 3.6.1: DTEND, else DURATION, else one day for a date and no time at all for a date-time. */
    private Instant end(VEvent event, Temporal eventStart, Temporal start) {
        Optional<DateProperty<Temporal>> dtEnd = event.getEndDate(false).map(Meetings::temporalProperty);
        if (dtEnd.isPresent()) {
            Temporal end = dtEnd.get().getDate();
            if (eventStart instanceof LocalDate first && end instanceof LocalDate last && start instanceof LocalDate day) {
                return instant(day.plusDays(ChronoUnit.DAYS.between(first, last)));
            }
            return instant(start).plus(Duration.between(instant(eventStart), instant(end)));
        }
        if (event.getDuration() != null) {
            TemporalAmount length = event.getDuration().getDuration();
            Temporal from = start instanceof LocalDate day && length instanceof Duration ? day.atStartOfDay() : start;
            return instant(from.plus(length));
        }
        return start instanceof LocalDate day ? instant(day.plusDays(1)) : instant(start);
    }

    private static boolean isRecurring(VEvent event) {
        return !event.getProperties(Property.RRULE).isEmpty() || !event.getProperties(Property.RDATE).isEmpty();
    }

    private static boolean isCancelled(VEvent event) {
        return event.getStatus() != null && "CANCELLED".equalsIgnoreCase(event.getStatus().getValue().trim());
    }

    private List<Participant> participants(VEvent event) {
        List<Participant> participants = new ArrayList<>();
        if (event.getOrganizer() != null) {
            participant(event.getOrganizer(), Participant.Role.ORGANIZER, null).ifPresent(participants::add);
        }
        for (Property attendee : event.getAttendees()) {
            Participant.Response response = response(attendee.getParameter(Parameter.PARTSTAT)
                    .map(p -> p.getValue().trim().toUpperCase(Locale.ROOT))
                    .orElse("NEEDS-ACTION")); // RFC 5545 3.2.12: the default
            participant(attendee, Participant.Role.ATTENDEE, response).ifPresent(participants::add);
        }
        return participants;
    }

    private static Participant.Response response(String partstat) {
        return switch (partstat) {
            case "ACCEPTED" -> Participant.Response.ACCEPTED;
            case "TENTATIVE" -> Participant.Response.TENTATIVE;
            case "DECLINED" -> Participant.Response.DECLINED;
            case "NEEDS-ACTION" -> Participant.Response.NEEDS_ACTION;
            default -> null; // DELEGATED, an X- value: no reply of theirs to this meeting
        };
    }

    /** A participant with a mailto: address; empty for a room, a resource or an address that is none. */
    private static Optional<Participant> participant(Property property, Participant.Role role, Participant.Response response) {
        String value = property.getValue() == null ? "" : property.getValue().trim();
        if (!value.regionMatches(true, 0, "mailto:", 0, 7)) {
            return Optional.empty();
        }
        String address = value.substring(7);
        int query = address.indexOf('?');
        address = query >= 0 ? address.substring(0, query) : address;
        try {
            address = URLDecoder.decode(address.replace("+", "%2B"), StandardCharsets.UTF_8);
            String name = property.getParameter(Parameter.CN).map(Parameter::getValue).map(String::trim)
                    .filter(cn -> !cn.isEmpty()).orElse(null);
            return Optional.of(new Participant(address, name, role, response));
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    /**
     * Seen from the mailbox whose calendar this is: organized outside its domain is inbound, organized inside
     * with a guest from outside outbound, otherwise (or without a mailbox) internal; identity resolution refines it.
     */
    private Direction direction(List<Participant> participants) {
        if (settings.mailbox().isEmpty()) {
            return Direction.INTERNAL;
        }
        String ours = EmailAddress.domain(settings.mailbox().get());
        Optional<Participant> organizer = participants.stream().filter(p -> p.role() == Participant.Role.ORGANIZER).findFirst();
        if (organizer.isPresent() && !EmailAddress.domain(organizer.get().email()).equals(ours)) {
            return Direction.INBOUND;
        }
        boolean guests = participants.stream().anyMatch(p -> !EmailAddress.domain(p.email()).equals(ours));
        return guests ? Direction.OUTBOUND : Direction.INTERNAL;
    }

    private Instant instant(Temporal temporal) {
        if (temporal instanceof Instant instant) {
            return instant;
        } else if (temporal instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        } else if (temporal instanceof OffsetDateTime offset) {
            return offset.toInstant();
        } else if (temporal instanceof LocalDateTime local) {
            return local.atZone(floating).toInstant();
        } else if (temporal instanceof LocalDate date) {
            return date.atStartOfDay(floating).toInstant();
        }
        throw new DateTimeException("not a date or date-time: " + temporal.getClass().getSimpleName());
    }

    /** {@code at} as the same kind of value as {@code seed}, for ical4j to compare rule dates with. */
    private Temporal inKindOf(Temporal seed, Instant at) {
        if (seed instanceof ZonedDateTime zoned) {
            return at.atZone(zoned.getZone());
        } else if (seed instanceof OffsetDateTime offset) {
            return at.atOffset(offset.getOffset());
        } else if (seed instanceof LocalDateTime) {
            return LocalDateTime.ofInstant(at, floating);
        } else if (seed instanceof LocalDate) {
            return LocalDate.ofInstant(at, floating);
        }
        return at;
    }

    private static String wrapped(List<String> lines) {
        StringBuilder text = new StringBuilder(WRAP_START);
        for (String line : lines) {
            text.append(line).append("\r\n");
        }
        return text.append(WRAP_END).toString();
    }

    /** The name of the property on a line of an event, for a reason that holds no value. */
    private static String propertyAt(List<String> lines, int lineNo) {
        if (lineNo < 1 || lineNo > lines.size()) {
            return "event";
        }
        String line = lines.get(lineNo - 1);
        String name = line.split("[;:]", 2)[0].trim().toUpperCase(Locale.ROOT);
        if (!name.matches("[A-Z0-9-]{1,40}")) {
            return "property";
        }
        int colon = line.indexOf(':');
        boolean zoned = colon > 0 && line.substring(0, colon).toUpperCase(Locale.ROOT).contains(";TZID=");
        return zoned ? name + " or unknown TZID" : name;
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException unknown) {
            return Optional.empty();
        }
    }
}
