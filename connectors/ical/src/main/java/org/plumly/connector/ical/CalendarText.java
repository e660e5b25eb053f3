package org.plumly.connector.ical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An iCalendar document cut into its parts before ical4j reads them, so that one broken event is one
 * rejection instead of a failed file: the calendar's own properties, its VTIMEZONEs and its VEVENTs,
 * each as unfolded content lines. Other components (VTODO, VJOURNAL, VFREEBUSY) are left out.
 */
record CalendarText(List<String> properties, List<List<String>> timeZones, List<List<String>> events) {

    static CalendarText split(String text) throws MalformedCalendarException {
        List<String> lines = unfolded(text);
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size() || !lines.get(first).trim().equalsIgnoreCase("BEGIN:VCALENDAR")) {
            throw new MalformedCalendarException(false, "it does not begin with BEGIN:VCALENDAR");
        }
        List<String> properties = new ArrayList<>();
        List<List<String>> timeZones = new ArrayList<>();
        List<List<String>> events = new ArrayList<>();
        List<String> component = null;
        String kind = null;
        int depth = 1;
        for (int i = first + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String upper = line.trim().toUpperCase(Locale.ROOT);
            boolean begins = upper.startsWith("BEGIN:");
            boolean ends = upper.startsWith("END:");
            if (depth == 1 && ends && upper.equals("END:VCALENDAR")) {
                return new CalendarText(properties, timeZones, events); // a second VCALENDAR after it is not read
            }
            if (depth == 1 && begins) {
                kind = upper.substring(6);
                component = new ArrayList<>();
            }
            if (begins) {
                depth++;
            } else if (ends) {
                depth--;
            }
            if (component == null) {
                if (!line.isBlank()) {
                    properties.add(line);
                }
                continue;
            }
            component.add(line);
            if (depth == 1) {
                if (kind.equals("VEVENT")) {
                    events.add(component);
                } else if (kind.equals("VTIMEZONE")) {
                    timeZones.add(component);
                }
                component = null;
            }
        }
        throw new MalformedCalendarException(true, "it ends before END:VCALENDAR");
    }

    /** The value of a calendar property, such as X-WR-TIMEZONE. */
    Optional<String> property(String name) {
        for (String line : properties) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).split(";", 2)[0].trim().equalsIgnoreCase(name)) {
                return Optional.of(line.substring(colon + 1).trim()).filter(value -> !value.isEmpty());
            }
        }
        return Optional.empty();
    }

    /** RFC 5545 3.1: a line that begins with a space or a tab continues the one before. */
    private static List<String> unfolded(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = null;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            if (stop > start && (text.charAt(start) == ' ' || text.charAt(start) == '\t') && current != null) {
                current.append(text, start + 1, stop);
            } else {
                if (current != null) {
                    lines.add(current.toString());
                }
                current = new StringBuilder(text.substring(start, stop));
            }
            start = end + 1;
        }
        if (current != null && current.length() > 0) {
            lines.add(current.toString());
        }
        return lines;
    }

    /** A whole document that is no calendar (an HTML login page) or is cut short. */
    static final class MalformedCalendarException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean truncated;

        MalformedCalendarException(boolean truncated, String message) {
            super(message);
            this.truncated = truncated;
        }

        /** Cut short, as a download that broke off: reading again may work. */
        boolean truncated() {
            return truncated;
        }
    }
}
