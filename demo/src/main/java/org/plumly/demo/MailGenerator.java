package org.plumly.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.plumly.demo.PhraseBank.Purpose;

/** The team's mail: threads along each deal, internal mail, newsletters, a little personal mail, three broken ones. */
final class MailGenerator {
    /** Whoever writes or reads: a member of the team or someone outside. */
    record Person(String first, String last, String email, ZoneId zone, String title, String company, String phone,
                  boolean team) {
        String name() {
            return first + " " + last;
        }

        Mail.Address address() {
            return new Mail.Address(name(), email);
        }
    }

    /** How someone writes mail: sign-offs, signature, HTML or not, how they quote. */
    private record Voice(String signOff, String otherSignOff, String signature, boolean html, int quoteStyle) {
    }

    private static final List<String> COMPETITORS = List.of("Ridgeline Systems", "ToolStack", "GaugePoint", "Shopwise",
            "CribLogic");
    private static final List<String> DOCUMENTS = List.of("the security questionnaire", "our standard MSA",
            "the SOC 2 summary", "the mutual NDA", "the implementation plan", "the reference list", "the data processing agreement");
    private static final List<String> FALLBACK_COLLEAGUES = List.of("Pat", "Sam", "Alex", "Jordan", "Chris", "Robin");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d", Locale.US);
    private static final DateTimeFormatter TIME_US = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final DateTimeFormatter TIME_EU = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final Crm crm;
    private final Dice dice;
    private final LocalDate today;
    private final Map<String, List<Meeting>> meetingsByDeal = new HashMap<>();
    private final Map<String, Voice> voices = new HashMap<>();
    private final List<Mail> mails = new ArrayList<>();
    private long serial;

    MailGenerator(Crm crm, List<Meeting> meetings, long seed, LocalDate today) {
        this.crm = crm;
        this.dice = new Dice(seed, "mail");
        this.today = today;
        for (Meeting m : meetings) {
            if (!m.opportunityId().isEmpty()) {
                meetingsByDeal.computeIfAbsent(m.opportunityId(), k -> new ArrayList<>()).add(m);
            }
        }
    }

    List<Mail> generate() {
        for (Opportunity deal : crm.opportunities) {
            dealMail(deal);
        }
        personalAddressNotes();
        internalMail();
        newsletters();
        friends();
        malformed();
        mails.sort(Comparator.comparing((Mail m) -> m.date().toInstant()).thenComparing(Mail::messageId));
        return List.copyOf(mails);
    }

    // ---- deals -------------------------------------------------------------------------------------------

    private void dealMail(Opportunity deal) {
        SalesUser owner = crm.user(deal.ownerId());
        Person rep = person(owner);
        Account account = crm.account(deal.accountId());
        List<Person> customers = deal.contactIds().stream().map(id -> person(crm.contact(id), account)).toList();
        DealTimeline timeline = new DealTimeline(deal, today, owner.zone());
        Instant startOfToday = today.atStartOfDay(owner.zone()).toInstant();
        Instant talkUntil = timeline.quietFrom != null ? timeline.quietFrom : timeline.end;
        Thread base = new Thread(deal, account, rep, customers, startOfToday);

        boolean firstEpisode = true;
        for (DealTimeline.Episode e : timeline.episodes) {
            Purpose purpose = stagePurpose(e.stage(), firstEpisode);
            firstEpisode = false;
            Instant to = e.to().isAfter(talkUntil) ? talkUntil : e.to();
            if (!to.isAfter(e.from()) || !dice.chance(0.57)) {
                continue;
            }
            Instant at = e.from().plusSeconds((long) (dice.unit() * ChronoUnit.SECONDS.between(e.from(), to) * 0.8));
            base.copy(purpose, tone(deal, e.stage(), purpose)).until(to)
                    .write(at, purpose == Purpose.INTRO || dice.chance(0.75), 2 + dice.weighted(5, 4, 1), false);
        }
        for (Meeting m : meetingsByDeal.getOrDefault(deal.id(), List.of())) {
            Instant start = m.start().toInstant();
            if (m.cancelled()) {
                if (dice.chance(0.8)) {
                    base.copy(Purpose.RESCHEDULE, Tone.NEUTRAL).meeting(m).until(start)
                            .write(start.minus(dice.between(20, 50), ChronoUnit.HOURS), dice.chance(0.5), 2, false);
                }
                continue;
            }
            if (dice.chance(start.isAfter(startOfToday) ? 0.9 : 0.25)) {
                Instant at = start.minus(dice.between(2, 6) * 24L + dice.between(0, 6), ChronoUnit.HOURS);
                if (at.isAfter(startOfToday.minus(1, ChronoUnit.DAYS))) {
                    at = startOfToday.minus(dice.between(1, 6) * 24L + dice.between(0, 6), ChronoUnit.HOURS);
                }
                base.copy(Purpose.SCHEDULING, Tone.NEUTRAL).meeting(m).until(min(start, startOfToday))
                        .write(at, dice.chance(0.8), 1 + dice.weighted(3, 5, 2), false);
            }
            boolean lastCallOfGap = deal.fate() == Fate.FOLLOW_UP_GAP && start.isBefore(startOfToday)
                    && meetingsByDeal.get(deal.id()).stream().noneMatch(o -> o.start().isAfter(m.start()));
            if (start.isBefore(talkUntil) && (lastCallOfGap || dice.chance(0.2))) {
                // After the last call of a follow-up gap the customer answers, kindly, and nobody books the next one.
                base.copy(Purpose.RECAP, lastCallOfGap ? Tone.NEUTRAL : tone(deal, Stage.NEEDS_ANALYSIS, Purpose.RECAP))
                        .until(lastCallOfGap ? startOfToday : talkUntil)
                        .write(m.end().toInstant().plus(dice.between(1, 5), ChronoUnit.HOURS), true, lastCallOfGap ? 2 : 1 + dice.weighted(5, 4), false);
            }
        }
        Instant end = timeline.end;
        switch (deal.fate()) {
            case WON -> base.copy(Purpose.SIGNED, Tone.ENTHUSIASTIC).until(end.plus(10, ChronoUnit.DAYS))
                    .write(end.minus(dice.between(2, 30), ChronoUnit.HOURS), dice.chance(0.3), 2 + dice.weighted(5, 3), false);
            case LOST -> {
                if (dice.chance(0.6)) {
                    Tone tone = dice.pickOf(Tone.NEUTRAL, Tone.WORRIED, Tone.FRUSTRATED);
                    base.copy(Purpose.LOST, tone).until(end.plus(5, ChronoUnit.DAYS))
                            .write(end.minus(dice.between(2, 48), ChronoUnit.HOURS), false, 2, false);
                } else {
                    base.copy(Purpose.NUDGE, Tone.GOING_QUIET).until(end)
                            .write(end.minus(dice.between(12, 25), ChronoUnit.DAYS), true, 2 + dice.weighted(4, 3), true);
                }
            }
            case GOING_QUIET -> base.copy(Purpose.NUDGE, Tone.GOING_QUIET).until(startOfToday)
                    .write(timeline.quietFrom.plus(dice.between(2, 6), ChronoUnit.DAYS), true, 3 + dice.weighted(4, 3, 2), true);
            case STALLED -> base.copy(Purpose.STALL, Tone.WORRIED).until(end.plus(3, ChronoUnit.DAYS))
                    .write(end.minus(dice.between(1, 6), ChronoUnit.DAYS), false, 2, false);
            default -> {
                // healthy and follow-up-gap deals already talk up to today
            }
        }
    }

    private static Purpose stagePurpose(Stage stage, boolean first) {
        return switch (stage) {
            case PROSPECTING -> Purpose.INTRO;
            case QUALIFICATION -> first ? Purpose.INTRO : Purpose.QUESTIONS;
            case NEEDS_ANALYSIS -> Purpose.DOCUMENTS;
            case VALUE_PROPOSITION -> Purpose.DEMO_FOLLOW_UP;
            case DECISION_MAKERS -> Purpose.STAKEHOLDERS;
            case PERCEPTION_ANALYSIS -> Purpose.PILOT;
            case PROPOSAL -> Purpose.QUOTE;
            default -> Purpose.NEGOTIATION;
        };
    }

    private Tone tone(Opportunity deal, Stage stage, Purpose purpose) {
        if (purpose == Purpose.DOCUMENTS) {
            return Tone.NEUTRAL;
        }
        Tone[] tones = {Tone.ENTHUSIASTIC, Tone.NEUTRAL, Tone.WORRIED, Tone.FRUSTRATED};
        if (stage.ordinal() <= Stage.NEEDS_ANALYSIS.ordinal()) {
            return tones[dice.weighted(25, 75, 0, 0)];
        }
        if (stage.ordinal() <= Stage.PERCEPTION_ANALYSIS.ordinal()) {
            return tones[dice.weighted(15, 70, 15, 0)];
        }
        return switch (deal.fate()) {
            case WON -> tones[dice.weighted(15, 60, 20, 5)];
            case LOST -> tones[dice.weighted(0, 35, 35, 30)];
            default -> tones[dice.weighted(5, 55, 25, 15)];
        };
    }

    /** Three customers write once from a personal address the CRM does not know; the rep answers there. */
    private void personalAddressNotes() {
        int written = 0;
        for (Opportunity deal : crm.opportunities) {
            if (written == 3) {
                return;
            }
            if (deal.fate() != Fate.HEALTHY || !dice.chance(0.2)) {
                continue;
            }
            Account account = crm.account(deal.accountId());
            Contact c = crm.contact(deal.contactIds().get(0));
            if (!c.email().endsWith(".example")) {
                continue;
            }
            Person home = new Person(c.firstName(), c.lastName(),
                    CrmGenerator.asciiLocal(c.firstName()) + CrmGenerator.asciiLocal(c.lastName()) + dice.between(1, 99)
                            + "@gmail.com", account.zone(), "", "", "", false);
            Person rep = person(crm.user(deal.ownerId()));
            Instant startOfToday = today.atStartOfDay(account.zone()).toInstant();
            new Thread(deal, account, rep, List.of(home), startOfToday).copy(Purpose.PERSONAL_ADDRESS, Tone.NEUTRAL)
                    .write(startOfToday.minus(dice.between(3, 20), ChronoUnit.DAYS), false, 2, false);
            written++;
        }
    }

    // ---- threads -----------------------------------------------------------------------------------------

    /** A thread between a team member and outside people (or another team member), and how to write it. */
    private final class Thread {
        private final Opportunity deal;
        private final Account account;
        private final Person rep;
        private final List<Person> others;
        private Instant limit;
        private Purpose purpose;
        private Tone tone;
        private Meeting meeting;

        Thread(Opportunity deal, Account account, Person rep, List<Person> others, Instant limit) {
            this.deal = deal;
            this.account = account;
            this.rep = rep;
            this.others = others;
            this.limit = limit;
        }

        Thread copy(Purpose purpose, Tone tone) {
            Thread t = new Thread(deal, account, rep, others, limit);
            t.purpose = purpose;
            t.tone = tone;
            return t;
        }

        Thread until(Instant limit) {
            this.limit = limit;
            return this;
        }

        Thread meeting(Meeting meeting) {
            this.meeting = meeting;
            return this;
        }

        /**
         * Writes up to {@code count} messages from {@code start}, alternating sides; with {@code oneSided} only the
         * rep writes, days apart. Stops at the limit; a thread whose first message would fall after it is not written.
         */
        void write(Instant start, boolean repStarts, int count, boolean oneSided) {
            List<Person> outside = new ArrayList<>(others.subList(0, 1));
            if (others.size() > 1 && dice.chance(0.3)) {
                outside.add(others.get(dice.between(1, others.size() - 1)));
            }
            String subject = null;
            Set<String> used = new HashSet<>();
            Mail previous = null;
            Person previousSender = null;
            ZonedDateTime t = null;
            for (int i = 0; i < count; i++) {
                boolean fromRep = oneSided || (i % 2 == 0) == repStarts;
                Person sender = fromRep ? rep : outside.get(i > 1 && outside.size() > 1 && dice.chance(0.4) ? 1 : 0);
                List<Person> to = fromRep ? List.of(outside.get(0)) : List.of(rep);
                List<Person> cc = new ArrayList<>();
                for (Person p : outside) {
                    if (!to.contains(p) && p != sender) {
                        cc.add(p);
                    }
                }
                if (i == 0) {
                    t = WorkingHours.mailTime(start.atZone(sender.zone()).toLocalDate(), sender.zone(), dice);
                    if (t.toInstant().isBefore(start)) {
                        t = WorkingHours.answer(start.atZone(sender.zone()), sender.zone(), dice);
                    }
                } else if (oneSided) {
                    t = WorkingHours.mailTime(t.toLocalDate().plusDays(dice.between(4, 9)), sender.zone(), dice);
                } else {
                    t = WorkingHours.answer(t, sender.zone(), dice);
                }
                if (!t.toInstant().isBefore(limit)) {
                    return;
                }
                Map<String, String> values = values(sender, to.get(0), cc, t);
                Voice voice = voice(sender);
                if (subject == null) {
                    subject = PhraseBank.subject(purpose, values, dice);
                }
                boolean last = oneSided && i == count - 1 && purpose == Purpose.NUDGE && deal != null && deal.fate() == Fate.LOST;
                String own = PhraseBank.body(last ? Purpose.LOST : purpose, fromRep, i > 0 && !oneSided, tone,
                        cc.size() > 0 && !fromRep, dice.chance(0.8) ? voice.signOff() : voice.otherSignOff(), values, dice, used);
                String text = wrap(own) + "\n" + (dice.chance(0.85) ? voice.signature() : sender.first());
                if (previous != null && dice.chance(0.85)) {
                    text += "\n\n" + quoteHeader(previous, previousSender, sender, voice.quoteStyle()) + "\n" + quote(previous.text());
                }
                String subjectLine = i == 0 ? subject : (voice.html() ? "RE: " : "Re: ") + subject;
                List<String> references = new ArrayList<>();
                if (previous != null) {
                    references.addAll(previous.references());
                    references.add(previous.messageId());
                }
                List<Mail.Address> ccAddresses = new ArrayList<>(cc.stream().map(Person::address).toList());
                Mail mail = new Mail(messageId(sender, t), sender.address(), to.stream().map(Person::address).toList(),
                        ccAddresses, t, subjectLine, text, voice.html(), previous == null ? "" : previous.messageId(),
                        references, tone, deal == null ? "" : deal.id(), "");
                mails.add(mail);
                previous = mail;
                previousSender = sender;
            }
        }

        private Map<String, String> values(Person sender, Person recipient, List<Person> cc, ZonedDateTime t) {
            Map<String, String> v = new HashMap<>();
            v.put("first", recipient.first());
            v.put("first2", cc.isEmpty() ? recipient.first() : cc.get(0).first());
            v.put("me", sender.first());
            v.put("account", account == null ? "the account" : account.name());
            v.put("site", account == null ? "the plant" : account.site());
            v.put("product", deal == null ? "Torque Manager" : deal.product());
            ZonedDateTime when = meeting != null ? meeting.start().withZoneSameInstant(sender.zone())
                    : WorkingHours.meetingTime(t.toLocalDate().plusDays(dice.between(2, 6)), sender.zone(), dice);
            ZonedDateTime other = WorkingHours.meetingTime(when.toLocalDate().plusDays(dice.between(1, 3)), sender.zone(), dice);
            v.put("day", when.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
            v.put("day2", other.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
            v.put("date", DATE.format(when));
            boolean european = sender.zone().getId().startsWith("Europe");
            v.put("time", (european ? TIME_EU : TIME_US).format(when) + " " + zoneLabel(when));
            v.put("amount", deal == null ? "" : money(deal));
            v.put("seats", String.valueOf(dice.between(3, 40) * 5));
            v.put("competitor", dice.pick(COMPETITORS));
            v.put("doc", dice.pick(DOCUMENTS));
            String colleague = FALLBACK_COLLEAGUES.get(dice.between(0, FALLBACK_COLLEAGUES.size() - 1));
            if (deal != null) {
                for (String id : deal.contactIds()) {
                    Contact c = crm.contact(id);
                    if (!c.firstName().equals(recipient.first()) && !c.firstName().equals(sender.first())) {
                        colleague = c.firstName();
                        break;
                    }
                }
            }
            if (deal == null && recipient.team()) {
                // Mail inside the team names a teammate.
                List<String> teammates = crm.users.stream().filter(SalesUser::isRep).map(SalesUser::firstName)
                        .filter(n -> !n.equals(sender.first()) && !n.equals(recipient.first())).toList();
                colleague = dice.pick(teammates);
            }
            v.put("colleague", colleague);
            SalesUser owner = deal == null ? null : crm.user(deal.ownerId());
            v.put("manager", owner == null || crm.manager(owner) == null ? "my manager" : crm.manager(owner).firstName());
            ZonedDateTime nextQuarter = t.plusMonths(3);
            v.put("quarter", "Q" + ((nextQuarter.getMonthValue() - 1) / 3 + 1));
            v.put("number", String.valueOf(dice.between(10_000, 99_999)));
            v.put("discount", String.valueOf(dice.between(5, 15)));
            return v;
        }
    }

    private static String zoneLabel(ZonedDateTime t) {
        return switch (t.getZone().getId()) {
            case "America/New_York", "America/Detroit", "America/Toronto" -> "ET";
            case "America/Chicago" -> "CT";
            case "America/Denver", "America/Boise", "America/Phoenix" -> "MT";
            case "America/Los_Angeles", "America/Vancouver" -> "PT";
            default -> t.getZone().getRules().isDaylightSavings(t.toInstant()) ? "CEST" : "CET";
        };
    }

    private static String money(Opportunity deal) {
        String number = String.format(Locale.US, "%,.0f", deal.amount().doubleValue());
        return deal.currency().equals("EUR") ? "€" + number : "$" + number;
    }

    // ---- people, voices, text ----------------------------------------------------------------------------

    private Person person(SalesUser u) {
        return new Person(u.firstName(), u.lastName(), u.email(), u.zone(), u.title(), "Northwind Tools", u.phone(), true);
    }

    private Person person(Contact c, Account a) {
        return new Person(c.firstName(), c.lastName(), c.email(), a.zone(), c.title(), a.name(), c.phone(), false);
    }

    private Voice voice(Person p) {
        return voices.computeIfAbsent(p.email(), e -> {
            String[] signOffs = PhraseBank.SIGN_OFFS;
            String signOff = dice.pickOf(signOffs);
            String other = dice.pickOf(signOffs);
            String signature = switch (p.team() ? dice.between(0, 2) : dice.weighted(4, 3, 2, 1)) {
                case 0 -> p.name() + "\n" + p.title() + (p.company().isEmpty() ? "" : " | " + p.company())
                        + (p.phone().isEmpty() ? "" : "\n" + p.phone());
                case 1 -> p.first() + "\n\n--\n" + p.name() + (p.title().isEmpty() ? "" : ", " + p.title())
                        + (p.company().isEmpty() ? "" : "\n" + p.company() + (p.team() ? " | northwind.example" : ""));
                case 2 -> p.first() + "\n\nSent from my iPhone";
                default -> p.first();
            };
            return new Voice(signOff, other, signature, dice.chance(p.team() ? 0.3 : 0.35), dice.between(0, 2));
        });
    }

    private String messageId(Person sender, ZonedDateTime t) {
        String host = sender.email().substring(sender.email().indexOf('@') + 1);
        String seq = Long.toString(++serial, 36);
        if (host.equals("gmail.com")) {
            return "<CAF" + dice.hex(20) + seq + "@mail.gmail.com>";
        }
        if (host.equals("outlook.com")) {
            return "<DM6PR" + dice.hex(12).toUpperCase(Locale.ROOT) + seq + "@outlook.com>";
        }
        return "<" + Long.toString(t.toEpochSecond(), 36) + "." + dice.hex(10) + "." + seq + "@mail." + host + ">";
    }

    private static String quoteHeader(Mail previous, Person previousSender, Person reader, int style) {
        ZonedDateTime t = previous.date().withZoneSameInstant(reader.zone());
        return switch (style) {
            case 0 -> "On " + DateTimeFormatter.ofPattern("EEE, MMM d, yyyy 'at' h:mm a", Locale.US).format(t) + " "
                    + previousSender.name() + " <" + previousSender.email() + "> wrote:";
            case 1 -> "On " + DateTimeFormatter.ofPattern("d MMM yyyy, 'at' HH:mm", Locale.UK).format(t) + ", "
                    + previousSender.name() + " <" + previousSender.email() + "> wrote:";
            default -> "On " + DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm", Locale.US).format(t) + ", "
                    + previousSender.name() + " wrote:";
        };
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(line.startsWith(">") ? ">" + line : line.isEmpty() ? ">" : "> " + line).append('\n');
        }
        return out.toString().stripTrailing();
    }

    /** Wraps each paragraph at 72 columns, as mail clients send plain text. */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int column = 0;
            StringBuilder wrapped = new StringBuilder();
            for (String word : line.split(" ")) {
                if (column > 0 && column + 1 + word.length() > 72) {
                    wrapped.append('\n');
                    column = 0;
                } else if (column > 0) {
                    wrapped.append(' ');
                    column++;
                }
                wrapped.append(word);
                column += word.length();
            }
            out.append(wrapped).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    // ---- mail that belongs to no deal --------------------------------------------------------------------

    private void internalMail() {
        Instant startOfToday = today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        LocalDate first = today.minusMonths(18);
        SalesUser head = crm.users.get(0);
        for (SalesUser manager : crm.reports(head)) {
            Person boss = person(manager);
            for (SalesUser rep : crm.reports(manager)) {
                List<Account> theirs = crm.accounts.stream().filter(a -> a.ownerId().equals(rep.id())).toList();
                if (theirs.isEmpty()) {
                    continue;
                }
                for (LocalDate d = first.plusDays(dice.between(0, 20)); d.isBefore(today); d = d.plusDays(dice.between(30, 50))) {
                    Account account = dice.pick(theirs);
                    new Thread(null, account, person(rep), List.of(boss), startOfToday).copy(Purpose.INTERNAL, Tone.NEUTRAL)
                            .write(d.atStartOfDay(rep.zone()).toInstant(), true, 1 + dice.weighted(3, 5, 2), false);
                }
            }
            for (LocalDate d = first.plusDays(dice.between(0, 30)); d.isBefore(today); d = d.plusDays(dice.between(25, 40))) {
                // A note to the whole team: one message, every rep's INBOX.
                List<Person> reps = crm.reports(manager).stream().map(this::person).toList();
                new TeamNote(boss, reps).write(Purpose.TEAM_NOTE, d, startOfToday);
            }
        }
        List<Person> managers = crm.reports(head).stream().map(this::person).toList();
        for (LocalDate d = first.plusDays(dice.between(0, 20)); d.isBefore(today); d = d.plusDays(dice.between(25, 35))) {
            new TeamNote(person(head), managers).write(Purpose.FORECAST, d, startOfToday);
            for (Person m : managers) {
                if (dice.chance(0.6)) {
                    new Thread(null, null, person(head), List.of(m), startOfToday).copy(Purpose.FORECAST, Tone.NEUTRAL)
                            .write(d.plusDays(1).atStartOfDay(m.zone()).toInstant(), false, 1, false);
                }
            }
        }
    }

    /** One message from a manager to several people. */
    private final class TeamNote {
        private final Person from;
        private final List<Person> to;

        TeamNote(Person from, List<Person> to) {
            this.from = from;
            this.to = to;
        }

        void write(Purpose purpose, LocalDate day, Instant limit) {
            ZonedDateTime t = WorkingHours.mailTime(day, from.zone(), dice);
            if (!t.toInstant().isBefore(limit)) {
                return;
            }
            Map<String, String> values = Map.of("first", to.get(0).first(), "first2", to.get(1).first(),
                    "quarter", "Q" + ((t.plusMonths(3).getMonthValue() - 1) / 3 + 1), "day", "Friday",
                    "site", "the plant");
            Voice voice = voice(from);
            String text = wrap(PhraseBank.body(purpose, true, false, Tone.NEUTRAL, true, voice.signOff(), values, dice))
                    + "\n" + from.first();
            mails.add(new Mail(messageId(from, t), from.address(), to.stream().map(Person::address).toList(), List.of(), t,
                    PhraseBank.subject(purpose, values, dice), text, false, "", List.of(), Tone.NEUTRAL, "", ""));
        }
    }

    private static final String[][] SENDERS = {
        // name, address, subjects, monthly issues, recipients
        {"Tooling Weekly", "newsletter@toolingweekly.example", "This week in tooling|Torque standards update|Calibration labs: who is hiring|Five shop-floor trends"},
        {"SaaS Sales Digest", "digest@salesdigest.example", "Your monthly sales digest|Discovery questions that work|Forecasting without the drama"},
        {"FabTech Expo", "events@fabtech-expo.example", "Early-bird tickets end Friday|Your badge for FabTech Expo|Last chance: speaker sessions"},
        {"CloudHost Billing", "billing@cloudhost.example", "Your invoice is ready|Payment received|Your plan renews soon"},
    };

    private static final String[] NEWS_LINES = {"Inside: how a Midwest plant cut tool losses by a third.",
        "Plus: the new ISO 6789 torque standard in plain words.", "Register now; seats are limited.",
        "Our editors picked the five articles worth your time this month.",
        "Your invoice for this month is attached. No action is needed if you pay by card.",
        "Webinar on Thursday: building a pipeline that survives quarter end.",
        "You are receiving this e-mail because you subscribed on our website."};

    private void newsletters() {
        List<SalesUser> readers = crm.users;
        for (int s = 0; s < SENDERS.length; s++) {
            String[] sender = SENDERS[s];
            List<SalesUser> subscribers = new ArrayList<>();
            for (SalesUser u : readers) {
                if (s == 3 ? u.managerId().isEmpty() : dice.chance(0.5)) {
                    subscribers.add(u);
                }
            }
            int every = s == 2 ? 75 : s == 0 ? 28 : 30;
            for (LocalDate d = today.minusMonths(18).plusDays(dice.between(0, 10)); d.isBefore(today.minusDays(1)); d = d.plusDays(every)) {
                String[] subjects = sender[2].split("\\|");
                String subject = dice.pickOf(subjects);
                for (SalesUser u : subscribers) {
                    ZonedDateTime t = WorkingHours.mailTime(d, ZoneId.of("America/Chicago"), dice).withHour(6);
                    List<String> lines = new ArrayList<>(List.of(NEWS_LINES));
                    dice.shuffle(lines);
                    String text = sender[0] + "\n\n" + subject + "\n\n" + lines.get(0) + " " + lines.get(1)
                            + "\n\nRead online: https://www." + sender[1].substring(sender[1].indexOf('@') + 1) + "/issues/"
                            + d + "\n\nUnsubscribe: https://www." + sender[1].substring(sender[1].indexOf('@') + 1)
                            + "/unsubscribe?u=" + dice.hex(12);
                    Person from = new Person(sender[0], "", sender[1], ZoneId.of("America/Chicago"), "", "", "", false);
                    mails.add(new Mail(messageId(from, t), new Mail.Address(sender[0], sender[1]),
                            List.of(new Mail.Address(u.name(), u.email())), List.of(), t, subject, text, true, "", List.of(),
                            Tone.NEUTRAL, "", ""));
                }
            }
        }
    }

    private void friends() {
        for (SalesUser u : crm.users) {
            if (!dice.chance(0.4)) {
                continue;
            }
            Person friend = new Person(dice.pickOf("Jamie", "Casey", "Taylor", "Morgan", "Riley"), u.lastName(),
                    dice.pickOf("jamie", "casey", "taylor", "riley") + "." + CrmGenerator.asciiLocal(u.lastName())
                            + dice.between(1, 99) + "@gmail.com", u.zone(), "", "", "", false);
            Instant startOfToday = today.atStartOfDay(u.zone()).toInstant();
            new Thread(null, null, person(u), List.of(friend), startOfToday).copy(Purpose.FRIEND, Tone.NEUTRAL)
                    .write(startOfToday.minus(dice.between(10, 500), ChronoUnit.DAYS), false, 1 + dice.weighted(1, 2), false);
        }
    }

    /** Three messages the importer must reject, each broken in its own way. */
    private void malformed() {
        SalesUser rep = crm.users.stream().filter(SalesUser::isRep).findFirst().orElseThrow();
        ZonedDateTime t = WorkingHours.mailTime(today.minusDays(40), rep.zone(), dice);
        Person vendor = new Person("Ridgeline Supplies", "", "orders@ridgeline-supplies.example", rep.zone(), "", "", "", false);
        mails.add(new Mail(messageId(vendor, t), vendor.address(), List.of(person(rep).address()), List.of(), t,
                "Your order has shipped", "Your order #48213 has shipped and will arrive in 3-5 business days.", false, "",
                List.of(), Tone.NEUTRAL, "", "").withDefect("From header cut off"));
        SalesUser manager = crm.manager(rep);
        ZonedDateTime t2 = WorkingHours.mailTime(today.minusDays(75), rep.zone(), dice);
        mails.add(new Mail(messageId(person(manager), t2), person(manager).address(), List.of(person(rep).address()),
                List.of(), t2, "Quick question", "Do you have five minutes after lunch?\n" + manager.firstName(), false, "",
                List.of(), Tone.NEUTRAL, "", "").withDefect("no Date header"));
        SalesUser other = crm.users.stream().filter(SalesUser::isRep).skip(5).findFirst().orElseThrow();
        ZonedDateTime t3 = WorkingHours.mailTime(today.minusDays(120), other.zone(), dice);
        Person survey = new Person("Expo Survey", "", "survey@fabtech-expo.example", other.zone(), "", "", "", false);
        mails.add(new Mail(messageId(survey, t3), survey.address(), List.of(person(other).address()), List.of(), t3,
                "Tell us about your visit", "Two minutes of your time would help us plan next year's expo.", true, "",
                List.of(), Tone.NEUTRAL, "", "").withDefect("Date header is not a date"));
    }
}
