package org.plumly.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The sales team's meetings: calls with customers along each deal, and the team's internal series. */
final class MeetingGenerator {
    /** The kind of customer meeting a stage calls for, how likely it is held, and how long it runs. */
    private record Kind(String[] titles, double chance, int minutes) {
    }

    private static final Map<Stage, Kind> BY_STAGE = new TreeMap<>(Map.of(
            Stage.PROSPECTING, new Kind(new String[] {"Intro call: {account} / Northwind Tools", "Northwind Tools intro",
                "Quick intro – {first} / {rep}"}, 0.25, 30),
            Stage.QUALIFICATION, new Kind(new String[] {"Discovery call: {account} / Northwind Tools",
                "Northwind Tools <> {account} discovery", "Discovery call", "{product} – discovery"}, 0.8, 30),
            Stage.NEEDS_ANALYSIS, new Kind(new String[] {"Requirements workshop – {site}", "Needs review: {account}",
                "Tooling process walkthrough", "Requirements deep dive"}, 0.55, 60),
            Stage.VALUE_PROPOSITION, new Kind(new String[] {"Demo: {product} for {account}", "{product} demo",
                "Product demo – {account}", "Northwind Tools demo"}, 0.9, 60),
            Stage.DECISION_MAKERS, new Kind(new String[] {"{account} leadership: {product} overview",
                "Meet the stakeholders", "Executive alignment – {account}", "IT and security review"}, 0.6, 45),
            Stage.PERCEPTION_ANALYSIS, new Kind(new String[] {"Pilot check-in", "Pilot review – {site}",
                "{product} pilot: feedback session"}, 0.7, 30),
            Stage.PROPOSAL, new Kind(new String[] {"Proposal walkthrough – {account}", "Pricing review",
                "Northwind Tools proposal review", "Quote questions"}, 0.7, 45),
            Stage.NEGOTIATION, new Kind(new String[] {"Contract review call", "Negotiation: {account}",
                "Commercial terms – {account} / Northwind", "Redlines walkthrough"}, 0.8, 30)));
    private static final String[] KICKOFF = {"Kickoff: {product} rollout at {account}", "{account} onboarding kickoff",
        "Implementation kickoff"};

    private final Crm crm;
    private final Dice dice;
    private final LocalDate today;
    private final ZonedDateTime horizon;
    private final List<Meeting> meetings = new ArrayList<>();

    MeetingGenerator(Crm crm, long seed, LocalDate today) {
        this.crm = crm;
        this.dice = new Dice(seed, "meetings");
        this.today = today;
        this.horizon = today.plusDays(30).atTime(23, 59).atZone(java.time.ZoneOffset.UTC);
    }

    /** The last moment a meeting may start: 30 days after today. */
    ZonedDateTime horizon() {
        return horizon;
    }

    List<Meeting> generate() {
        for (Opportunity deal : crm.opportunities) {
            dealMeetings(deal);
        }
        internalSeries();
        meetings.sort(Comparator.comparing((Meeting m) -> m.start().toInstant()).thenComparing(Meeting::uid));
        return List.copyOf(meetings);
    }

    private void dealMeetings(Opportunity deal) {
        SalesUser rep = crm.user(deal.ownerId());
        DealTimeline timeline = new DealTimeline(deal, today, rep.zone());
        Instant startOfToday = today.atStartOfDay(rep.zone()).toInstant();
        Instant lastPossible = timeline.quietFrom != null ? timeline.quietFrom : timeline.end;
        if (deal.fate() == Fate.FOLLOW_UP_GAP) {
            // The last call is at least a week old: long enough for a missing next step to show.
            lastPossible = startOfToday.minus(7, ChronoUnit.DAYS);
        }
        Meeting last = null;
        for (DealTimeline.Episode e : timeline.episodes) {
            Kind kind = BY_STAGE.get(e.stage());
            if (!dice.chance(kind.chance())) {
                continue;
            }
            Instant to = e.to().isAfter(lastPossible) ? lastPossible : e.to();
            ZonedDateTime start = startBetween(e.from(), to, rep);
            if (start == null || !start.toInstant().isBefore(startOfToday)) {
                continue;
            }
            last = add(deal, rep, kind.titles(), kind.minutes(), start, e.stage(), false);
            if (dice.chance(0.07)) {
                // Cancelled, and held again a few days later.
                meetings.set(meetings.size() - 1, cancelled(last));
                ZonedDateTime again = WorkingHours.meetingTime(start.toLocalDate().plusDays(dice.between(2, 8)), rep.zone(), dice);
                if (again.toInstant().isBefore(startOfToday)) {
                    last = add(deal, rep, kind.titles(), kind.minutes(), again, e.stage(), false);
                }
            }
        }
        Stage current = deal.stage();
        switch (deal.fate()) {
            case WON -> {
                if (dice.chance(0.7)) {
                    ZonedDateTime kickoff = WorkingHours.meetingTime(
                            deal.last().at().atZone(rep.zone()).toLocalDate().plusDays(dice.between(3, 14)), rep.zone(), dice);
                    if (!kickoff.isAfter(horizon)) {
                        add(deal, rep, KICKOFF, 60, kickoff, Stage.CLOSED_WON, kickoff.toInstant().isAfter(startOfToday));
                    }
                }
            }
            case HEALTHY -> {
                int count = 1 + dice.weighted(6, 4);
                for (int i = 0; i < count; i++) {
                    Stage next = i == 0 ? current : Stage.values()[Math.min(current.ordinal() + 1, Stage.NEGOTIATION.ordinal())];
                    ZonedDateTime start = WorkingHours.meetingTime(today.plusDays(dice.between(1 + 12 * i, 12 + 14 * i)),
                            rep.zone(), dice);
                    add(deal, rep, BY_STAGE.get(next).titles(), BY_STAGE.get(next).minutes(), start, next, true);
                }
            }
            case FOLLOW_UP_GAP -> {
                // The call that should have led to a next one: after the last stage change, well before today.
                Instant lastEntry = timeline.episodes.get(timeline.episodes.size() - 1).from();
                if (last == null || last.start().toInstant().isBefore(lastEntry)) {
                    LocalDate day = lastEntry.atZone(rep.zone()).toLocalDate();
                    ZonedDateTime start = WorkingHours.meetingTime(day.plusDays(1), rep.zone(), dice);
                    if (!start.toInstant().isBefore(startOfToday.minus(7, ChronoUnit.DAYS))) {
                        start = WorkingHours.meetingTime(WorkingHours.weekdayOnOrBefore(today.minusDays(8)), rep.zone(), dice);
                    }
                    add(deal, rep, BY_STAGE.get(current).titles(), BY_STAGE.get(current).minutes(), start, current, false);
                }
            }
            default -> {
                // stalled, going quiet and lost deals have nothing ahead
            }
        }
    }

    private ZonedDateTime startBetween(Instant from, Instant to, SalesUser rep) {
        long hours = ChronoUnit.HOURS.between(from, to);
        if (hours < 30) {
            return null;
        }
        Instant at = from.plus(24 + (long) (dice.unit() * (hours - 30)), ChronoUnit.HOURS);
        ZonedDateTime start = WorkingHours.meetingTime(at.atZone(rep.zone()).toLocalDate(), rep.zone(), dice);
        return start.toInstant().isBefore(to) && start.toInstant().isAfter(from) ? start : null;
    }

    private Meeting add(Opportunity deal, SalesUser rep, String[] titles, int minutes, ZonedDateTime start, Stage stage,
                        boolean future) {
        Account account = crm.account(deal.accountId());
        List<Contact> contacts = deal.contactIds().stream().map(crm::contact).toList();
        String title = fill(dice.pickOf(titles), deal, account, rep, contacts.get(0));
        List<Meeting.Attendee> attendees = new ArrayList<>();
        attendees.add(new Meeting.Attendee(rep.name(), rep.email(), "ACCEPTED", "CHAIR"));
        int invited = Math.min(contacts.size(), stage == Stage.DECISION_MAKERS ? contacts.size() : 1 + dice.weighted(5, 3, 1));
        for (int i = 0; i < invited; i++) {
            attendees.add(new Meeting.Attendee(contacts.get(i).name(), contacts.get(i).email(), answer(future), "REQ-PARTICIPANT"));
        }
        boolean managerJoins = (stage == Stage.NEGOTIATION || stage == Stage.DECISION_MAKERS || stage == Stage.PROPOSAL)
                && dice.chance(0.35);
        if (managerJoins) {
            SalesUser manager = crm.manager(rep);
            attendees.add(new Meeting.Attendee(manager.name(), manager.email(), dice.chance(0.8) ? "ACCEPTED" : "TENTATIVE",
                    "OPT-PARTICIPANT"));
        }
        Meeting m = new Meeting(uid(), title, location(account), description(stage, account, deal), start,
                Duration.ofMinutes(minutes), rep, attendees, false, 0, deal.id(), null);
        meetings.add(m);
        return m;
    }

    private String answer(boolean future) {
        return future ? dice.pickOf("NEEDS-ACTION", "NEEDS-ACTION", "ACCEPTED", "ACCEPTED", "TENTATIVE")
                : dice.pickOf("ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "TENTATIVE",
                        "DECLINED", "NEEDS-ACTION");
    }

    private static Meeting cancelled(Meeting m) {
        return new Meeting(m.uid(), m.summary(), m.location(), m.description(), m.start(), m.duration(), m.organizer(),
                m.attendees(), true, 1, m.opportunityId(), null);
    }

    private String location(Account account) {
        return switch (dice.weighted(4, 3, 2, 1)) {
            case 0 -> "https://northwind.zoom.example/j/" + dice.between(100_000_000, 999_999_999);
            case 1 -> "Microsoft Teams Meeting";
            case 2 -> account.name() + ", " + account.site() + " plant; Building " + dice.between(1, 6);
            default -> "Phone: dial-in in the invite";
        };
    }

    private String description(Stage stage, Account account, Opportunity deal) {
        String agenda = switch (stage) {
            case PROSPECTING, QUALIFICATION -> "- introductions\n- how tooling is tracked today, sites, volumes\n- next steps";
            case NEEDS_ANALYSIS -> "- current process at " + account.site() + "\n- integrations: ERP, MES; data owners\n- success criteria";
            case VALUE_PROPOSITION -> "- " + deal.product() + " live demo\n- Q&A\n- pilot scope, if it fits";
            case DECISION_MAKERS -> "- business case\n- security and IT questions\n- timeline and approvals";
            case PERCEPTION_ANALYSIS -> "- pilot results so far\n- open issues; feedback from the floor\n- go/no-go criteria";
            case PROPOSAL -> "- walk through the proposal\n- pricing, seats, terms\n- open questions";
            case NEGOTIATION -> "- redlines on the MSA\n- payment terms; discount\n- signature timeline";
            default -> "- introductions\n- rollout plan, milestones\n- training schedule; support contacts";
        };
        return "Agenda:\n" + agenda + "\n\nNotes: \\\\nw-files\\sales\\" + account.domains().get(0).replace(".example", "");
    }

    private String fill(String template, Opportunity deal, Account account, SalesUser rep, Contact contact) {
        return template.replace("{account}", account.name()).replace("{product}", deal.product())
                .replace("{site}", account.site()).replace("{first}", contact.firstName()).replace("{rep}", rep.firstName());
    }

    private String uid() {
        return dice.hex(8) + "-" + dice.hex(4) + "-4" + dice.hex(3) + "-a" + dice.hex(3) + "-" + dice.hex(12) + "@northwind.example";
    }

    // ---- internal series ---------------------------------------------------------------------------------

    private void internalSeries() {
        LocalDate first = today.minusMonths(18);
        SalesUser head = crm.users.get(0);
        for (SalesUser manager : crm.reports(head)) {
            List<SalesUser> reps = crm.reports(manager);
            String title = manager.team() + " pipeline review";
            if (manager.team().equals("EMEA")) {
                // The EMEA review moved from Monday afternoon to Tuesday morning eight months ago.
                LocalDate moved = today.minusMonths(8).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
                ZonedDateTime end = moved.minusDays(1).atTime(14, 0).atZone(manager.zone());
                series(manager, reps, title, DayOfWeek.MONDAY, LocalTime.of(14, 0), 60, 1, first, end);
                series(manager, reps, title, DayOfWeek.TUESDAY, LocalTime.of(9, 30), 60, 1, moved, null);
            } else {
                series(manager, reps, title, manager.team().equals("East") ? DayOfWeek.MONDAY : DayOfWeek.TUESDAY,
                        LocalTime.of(manager.team().equals("East") ? 9 : 10, 30), 60, 1, first, null);
            }
            for (SalesUser rep : reps) {
                series(manager, List.of(rep), "1:1 " + manager.firstName() + " / " + rep.firstName(),
                        DayOfWeek.of(dice.between(2, 5)), LocalTime.of(dice.between(9, 15), dice.chance(0.5) ? 0 : 30),
                        30, 2, first, null);
            }
        }
        series(head, crm.reports(head), "Forecast call", DayOfWeek.THURSDAY, LocalTime.of(11, 0), 45, 2, first, null);
    }

    private void series(SalesUser organizer, List<SalesUser> invited, String title, DayOfWeek day, LocalTime time,
                        int minutes, int intervalWeeks, LocalDate from, ZonedDateTime until) {
        ZonedDateTime start = from.with(TemporalAdjusters.nextOrSame(day)).atTime(time).atZone(organizer.zone());
        List<ZonedDateTime> all = new Recurrence(intervalWeeks, until, List.of()).instances(start, horizon);
        // Two occurrences dropped, as around a holiday; the last weeks of December when the series runs then.
        List<ZonedDateTime> skipped = new ArrayList<>();
        for (ZonedDateTime t : all) {
            if (skipped.size() < 2 && t.getMonthValue() == 12 && t.getDayOfMonth() >= 22) {
                skipped.add(t);
            }
        }
        while (skipped.size() < 2 && all.size() > 4) {
            ZonedDateTime t = all.get(dice.between(1, all.size() - 2));
            if (!skipped.contains(t)) {
                skipped.add(t);
            }
        }
        skipped.sort(null);
        List<Meeting.Attendee> attendees = new ArrayList<>();
        attendees.add(new Meeting.Attendee(organizer.name(), organizer.email(), "ACCEPTED", "CHAIR"));
        for (SalesUser u : invited) {
            attendees.add(new Meeting.Attendee(u.name(), u.email(), "ACCEPTED", "REQ-PARTICIPANT"));
        }
        String description = intervalWeeks == 1 ? "Weekly: commit, best case, deals that slipped; bring your top three."
                : "Every other week. Pipeline, blockers, anything you need from me.";
        meetings.add(new Meeting(uid(), title, "Microsoft Teams Meeting", description, start, Duration.ofMinutes(minutes),
                organizer, attendees, false, 0, "", new Recurrence(intervalWeeks, until, skipped)));
    }
}
