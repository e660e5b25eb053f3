package org.plumly.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Puts activities on weekdays, in office hours of the zone of whoever acts. */
final class WorkingHours {
    private WorkingHours() {
    }

    static LocalDate weekday(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d == DayOfWeek.SATURDAY ? day.plusDays(2) : d == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }

    static LocalDate weekdayOnOrBefore(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d == DayOfWeek.SATURDAY ? day.minusDays(1) : d == DayOfWeek.SUNDAY ? day.minusDays(2) : day;
    }

    /** A moment between 8:00 and 18:00 on the day (or the next weekday), to the minute, as people write mail. */
    static ZonedDateTime mailTime(LocalDate day, ZoneId zone, Dice dice) {
        int minute = dice.weighted(2, 6, 6, 5, 3, 5, 6, 6, 5, 3) * 60 + dice.between(0, 59);
        return ZonedDateTime.of(weekday(day), LocalTime.of(8, 0).plusMinutes(minute).plusSeconds(dice.between(0, 59)), zone);
    }

    /** A meeting start on the hour or half hour between 9:00 and 16:30. */
    static ZonedDateTime meetingTime(LocalDate day, ZoneId zone, Dice dice) {
        return ZonedDateTime.of(weekday(day), LocalTime.of(9, 0).plusMinutes(30L * dice.between(0, 15)), zone);
    }

    /** How long someone takes to answer: minutes to two working days, landing in their own office hours. */
    static ZonedDateTime answer(ZonedDateTime after, ZoneId zone, Dice dice) {
        ZonedDateTime local = after.withZoneSameInstant(zone);
        int waitMinutes = dice.weighted(4, 3, 2, 1) == 0 ? dice.between(7, 90)
                : dice.chance(0.5) ? dice.between(90, 360) : dice.between(600, 2 * 24 * 60);
        ZonedDateTime t = local.plusMinutes(waitMinutes);
        if (t.getHour() >= 18 || t.getHour() < 8 || t.getDayOfWeek().getValue() > 5) {
            LocalDate next = t.getHour() < 8 ? t.toLocalDate() : t.toLocalDate().plusDays(1);
            t = ZonedDateTime.of(weekday(next), LocalTime.of(8, dice.between(0, 59)).plusMinutes(dice.between(0, 150)), zone);
        }
        return t;
    }
}
