package org.plumly.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransitionRule;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** RFC 5545 text: one VCALENDAR per user, CRLF, lines folded at 75 octets, TZID times with their VTIMEZONE. */
final class Icalendar {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);

    private Icalendar() {
    }

    static String utc(ZonedDateTime t) {
        return LOCAL.format(t.withZoneSameInstant(ZoneOffset.UTC)) + "Z";
    }

    /** Writes calendar/<local part>.ics for every user, holding the meetings they organize or are invited to. */
    static void write(List<Meeting> meetings, List<SalesUser> users, ZonedDateTime stamp, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (SalesUser user : users) {
            List<Meeting> own = meetings.stream().filter(m -> m.attendees().stream()
                    .anyMatch(a -> a.email().equals(user.email()))).toList();
            Files.writeString(dir.resolve(user.localPart() + ".ics"), calendar(user, own, stamp), StandardCharsets.UTF_8);
        }
    }

    static String calendar(SalesUser user, List<Meeting> meetings, ZonedDateTime stamp) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Plumly//Demo company Northwind Tools//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + text(user.name()));
        line(out, "X-WR-TIMEZONE:" + user.zone().getId());
        TreeSet<String> zones = new TreeSet<>();
        meetings.forEach(m -> zones.add(m.start().getZone().getId()));
        for (String zone : zones) {
            timezone(out, ZoneId.of(zone));
        }
        for (Meeting m : meetings) {
            event(out, m, stamp);
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static void event(StringBuilder out, Meeting m, ZonedDateTime stamp) {
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + m.uid());
        line(out, "DTSTAMP:" + utc(stamp));
        line(out, "DTSTART" + local(m.start()));
        line(out, "DTEND" + local(m.end()));
        line(out, "SUMMARY:" + text(m.summary()));
        line(out, "LOCATION:" + text(m.location()));
        line(out, "DESCRIPTION:" + text(m.description()));
        line(out, "ORGANIZER;CN=\"" + m.organizer().name() + "\":mailto:" + m.organizer().email());
        for (Meeting.Attendee a : m.attendees()) {
            line(out, "ATTENDEE;CN=\"" + a.name() + "\";ROLE=" + a.role() + ";PARTSTAT=" + a.partStat()
                    + ";RSVP=" + ("NEEDS-ACTION".equals(a.partStat()) ? "TRUE" : "FALSE") + ":mailto:" + a.email());
        }
        line(out, "SEQUENCE:" + m.sequence());
        line(out, "STATUS:" + (m.cancelled() ? "CANCELLED" : "CONFIRMED"));
        if (m.recurrence() != null) {
            line(out, "RRULE:" + m.recurrence().rule(m.start()));
            for (ZonedDateTime ex : m.recurrence().exdates()) {
                line(out, "EXDATE" + local(ex));
            }
        }
        line(out, "END:VEVENT");
    }

    private static String local(ZonedDateTime t) {
        return ";TZID=" + t.getZone().getId() + ":" + LOCAL.format(t);
    }

    /** A VTIMEZONE from the zone's current yearly rules, as RRULEs from 1970 on. */
    private static void timezone(StringBuilder out, ZoneId zone) {
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + zone.getId());
        List<ZoneOffsetTransitionRule> rules = zone.getRules().getTransitionRules();
        if (rules.isEmpty()) {
            ZoneOffset offset = zone.getRules().getOffset(java.time.Instant.EPOCH);
            line(out, "BEGIN:STANDARD");
            line(out, "DTSTART:19700101T000000");
            line(out, "TZOFFSETFROM:" + offset(offset));
            line(out, "TZOFFSETTO:" + offset(offset));
            line(out, "END:STANDARD");
        }
        for (ZoneOffsetTransitionRule rule : rules) {
            String kind = rule.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds()
                    ? "DAYLIGHT" : "STANDARD";
            LocalDateTime first = rule.createTransition(1970).getDateTimeBefore();
            line(out, "BEGIN:" + kind);
            line(out, "DTSTART:" + LOCAL.format(first));
            line(out, "TZOFFSETFROM:" + offset(rule.getOffsetBefore()));
            line(out, "TZOFFSETTO:" + offset(rule.getOffsetAfter()));
            line(out, "RRULE:FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue() + ";BYDAY=" + byDay(rule));
            line(out, "END:" + kind);
        }
        line(out, "END:VTIMEZONE");
    }

    private static String byDay(ZoneOffsetTransitionRule rule) {
        String day = rule.getDayOfWeek().name().substring(0, 2);
        int indicator = rule.getDayOfMonthIndicator();
        if (indicator > 0 && (indicator - 1) % 7 == 0) {
            return ((indicator - 1) / 7 + 1) + day;
        }
        if (indicator < 0 || indicator == rule.getMonth().maxLength() - 6) {
            return "-1" + day;
        }
        throw new IllegalArgumentException("no BYDAY for " + rule);
    }

    private static String offset(ZoneOffset offset) {
        int minutes = offset.getTotalSeconds() / 60;
        return String.format(Locale.ROOT, "%s%02d%02d", minutes < 0 ? "-" : "+", Math.abs(minutes) / 60, Math.abs(minutes) % 60);
    }

    /** TEXT value escaping: backslash, semicolon, comma, and line breaks as \n. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** Appends a content line, folded so that no line exceeds 75 octets without cutting a UTF-8 character. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = 74;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
