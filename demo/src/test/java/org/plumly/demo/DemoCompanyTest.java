package org.plumly.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the generator once, as the command line does, and checks what it wrote. */
class DemoCompanyTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Set<String> STAGES = Set.of("Prospecting", "Qualification", "Needs Analysis",
            "Value Proposition", "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote",
            "Negotiation/Review", "Closed Won", "Closed Lost");

    @TempDir
    static Path out;
    private static String summary;
    private static Map<String, CsvFile> crm;
    private static Map<String, String> truth;
    private static Map<Path, MimeMessage> messages;
    private static Set<Path> malformed;
    private static Map<String, Calendar> calendars;

    @BeforeAll
    static void writeTheCompany() throws Exception {
        long started = System.nanoTime();
        summary = DemoCompany.write(out, 42, TODAY);
        assertThat((System.nanoTime() - started) / 1_000_000_000.0).as("seconds to write the company").isLessThan(30);
        crm = new HashMap<>();
        for (String name : List.of("User", "Account", "Contact", "Opportunity", "OpportunityHistory")) {
            crm.put(name, new CsvFile(out.resolve("crm/" + name + ".csv")));
        }
        truth = new HashMap<>();
        for (Map<String, String> row : new CsvFile(out.resolve("truth.csv")).rows) {
            assertThat(truth.put(row.get("kind") + " " + row.get("key"), row.get("opportunity"))).as("one row per key").isNull();
        }
        malformed = new HashSet<>();
        for (String line : section("malformed messages")) {
            for (String file : line.substring(line.indexOf(": ") + 2).split(", ")) {
                malformed.add(out.resolve(file));
            }
        }
        calendars = parseCalendars();
        messages = new TreeMap<>();
        Session session = Session.getInstance(new Properties());
        try (Stream<Path> files = Files.walk(out.resolve("mail"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    messages.put(file, new MimeMessage(session, in));
                }
            }
        }
    }

    /** The indented lines of a section of the summary. */
    private static List<String> section(String title) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String line : summary.split("\n")) {
            if (line.startsWith(title)) {
                in = true;
            } else if (in && line.startsWith("  ")) {
                lines.add(line.trim());
            } else if (in) {
                break;
            }
        }
        return lines;
    }

    private static List<Map<String, String>> rows(String file) {
        return crm.get(file).rows;
    }

    private static Map<Path, byte[]> contents(Path dir) throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(f), Files.readAllBytes(f));
            }
        }
        return files;
    }

    @Test
    void theSameSeedAndDayWriteTheSameBytesAndAnotherSeedDoesNot(@TempDir Path again, @TempDir Path other) throws Exception {
        DemoCompany.write(again, 42, TODAY);
        Map<Path, byte[]> first = contents(out);
        Map<Path, byte[]> second = contents(again);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        for (Path p : first.keySet()) {
            assertThat(second.get(p)).as("%s", p).isEqualTo(first.get(p));
        }
        DemoCompany.write(other, 7, TODAY);
        assertThat(Files.readAllBytes(other.resolve("crm/Opportunity.csv")))
                .isNotEqualTo(Files.readAllBytes(out.resolve("crm/Opportunity.csv")));
        assertThat(Files.readAllBytes(other.resolve("truth.csv"))).isNotEqualTo(Files.readAllBytes(out.resolve("truth.csv")));
    }

    @Test
    void theCrmHasTheTeamAccountsContactsAndDealsInTheStatedNumbers() {
        assertThat(crm.get("Opportunity").header).containsExactly("Id", "Name", "AccountId", "OwnerId", "StageName",
                "Amount", "CurrencyIsoCode", "CloseDate", "CreatedDate", "IsClosed", "IsWon", "LastModifiedDate");
        List<Map<String, String>> users = rows("User");
        assertThat(users).hasSize(16);
        assertThat(users).filteredOn(u -> u.get("ManagerId").isEmpty()).hasSize(1);
        assertThat(users).filteredOn(u -> u.get("Title").startsWith("Sales Manager")).hasSize(3);
        Map<String, Long> repsPerManager = users.stream().filter(u -> u.get("Title").endsWith("Account Executive"))
                .collect(Collectors.groupingBy(u -> u.get("ManagerId"), Collectors.counting()));
        assertThat(repsPerManager.values()).containsExactly(4L, 4L, 4L);
        assertThat(rows("Account")).hasSize(200);
        assertThat(rows("Contact").size()).isBetween(560, 640);
        List<Map<String, String>> deals = rows("Opportunity");
        assertThat(deals.size()).isBetween(380, 420);
        long open = deals.stream().filter(o -> o.get("IsClosed").equals("false")).count();
        long won = deals.stream().filter(o -> o.get("IsWon").equals("true")).count();
        assertThat(open).isBetween(100L, 130L);
        assertThat((double) won / (deals.size() - open)).isBetween(0.25, 0.35);
        for (Map<String, String> o : deals) {
            assertThat(STAGES).contains(o.get("StageName"));
            assertThat(o.get("IsClosed")).isEqualTo(String.valueOf(o.get("StageName").startsWith("Closed")));
            assertThat(o.get("IsWon")).isEqualTo(String.valueOf(o.get("StageName").equals("Closed Won")));
            assertThat(o.get("Amount")).matches("\\d+\\.\\d\\d");
            assertThat(Double.parseDouble(o.get("Amount"))).isBetween(5_000.0, 250_000.0);
            assertThat(o.get("CurrencyIsoCode")).isIn("USD", "EUR");
            assertThat(o.get("CreatedDate")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000Z");
            assertThat(LocalDate.parse(o.get("CreatedDate").substring(0, 10))).isBetween(TODAY.minusMonths(18), TODAY);
        }
        assertThat(deals).filteredOn(o -> o.get("CurrencyIsoCode").equals("EUR")).hasSizeBetween(20, 120);
    }

    @Test
    void everyReferenceInTheCrmResolves() {
        Set<String> users = rows("User").stream().map(u -> u.get("Id")).collect(Collectors.toSet());
        Set<String> accounts = rows("Account").stream().map(a -> a.get("Id")).collect(Collectors.toSet());
        Set<String> deals = rows("Opportunity").stream().map(o -> o.get("Id")).collect(Collectors.toSet());
        rows("User").forEach(u -> assertThat(u.get("ManagerId")).isIn(union(users, Set.of(""))));
        rows("Account").forEach(a -> assertThat(a.get("OwnerId")).isIn(users));
        rows("Contact").forEach(c -> assertThat(c.get("AccountId")).isIn(accounts));
        rows("Opportunity").forEach(o -> assertThat(o.get("AccountId")).isIn(accounts));
        rows("Opportunity").forEach(o -> assertThat(o.get("OwnerId")).isIn(users));
        rows("OpportunityHistory").forEach(h -> assertThat(h.get("OpportunityId")).isIn(deals));
        truth.values().stream().filter(v -> !v.isEmpty()).forEach(v -> assertThat(v).isIn(deals));
        Map<String, String> prefixes = Map.of("User", "005", "Account", "001", "Contact", "003", "Opportunity", "006",
                "OpportunityHistory", "008");
        prefixes.forEach((file, prefix) -> rows(file).forEach(r -> assertThat(r.get("Id")).hasSize(18).startsWith(prefix)));
        for (Map<String, String> a : rows("Account")) {
            assertThat(a.get("Website")).matches("https://www\\.[a-z0-9-]+\\.example");
        }
    }

    @Test
    void historyHasARowPerStageOldestFirstWithClosedLastAndPushedCloseDates() {
        Map<String, List<Map<String, String>>> byDeal = rows("OpportunityHistory").stream()
                .collect(Collectors.groupingBy(h -> h.get("OpportunityId")));
        int pushedTwice = 0;
        for (Map<String, String> o : rows("Opportunity")) {
            List<Map<String, String>> history = byDeal.get(o.get("Id"));
            assertThat(history).isNotEmpty();
            List<String> times = history.stream().map(h -> h.get("CreatedDate")).toList();
            assertThat(times).isSorted().doesNotHaveDuplicates();
            assertThat(times.get(0)).isEqualTo(o.get("CreatedDate"));
            Map<String, String> last = history.get(history.size() - 1);
            assertThat(last.get("StageName")).isEqualTo(o.get("StageName"));
            assertThat(last.get("Amount")).isEqualTo(o.get("Amount"));
            assertThat(last.get("CloseDate")).isEqualTo(o.get("CloseDate"));
            assertThat(last.get("CreatedDate")).isEqualTo(o.get("LastModifiedDate"));
            List<String> stages = new ArrayList<>(STAGES_IN_ORDER);
            int previous = -1;
            for (Map<String, String> h : history) {
                int stage = stages.indexOf(h.get("StageName"));
                assertThat(stage).as("stages only move forward in %s", o.get("Id")).isGreaterThanOrEqualTo(previous);
                previous = Math.min(stage, 8);
            }
            long closeChanges = history.stream().map(h -> h.get("CloseDate")).distinct().count() - 1;
            if (closeChanges >= 2 && o.get("IsClosed").equals("false")) {
                pushedTwice++;
            }
        }
        assertThat(pushedTwice).as("open deals whose close date moved at least twice").isGreaterThan(10);
    }

    private static final List<String> STAGES_IN_ORDER = List.of("Prospecting", "Qualification", "Needs Analysis",
            "Value Proposition", "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote",
            "Negotiation/Review", "Closed Won", "Closed Lost");

    @Test
    void someAccountsHaveTwoOpenDealsSometimesWithDifferentOwners() {
        Map<String, List<Map<String, String>>> open = rows("Opportunity").stream()
                .filter(o -> o.get("IsClosed").equals("false")).collect(Collectors.groupingBy(o -> o.get("AccountId")));
        List<List<Map<String, String>>> pairs = open.values().stream().filter(l -> l.size() > 1).toList();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(5);
        assertThat(pairs).anySatisfy(l -> assertThat(l.get(0).get("OwnerId")).isNotEqualTo(l.get(1).get("OwnerId")));
        assertThat(section("accounts with two open opportunities")).hasSize(pairs.size());
    }

    @Test
    void someContactsHavePersonalAddressesAndSomeMovedBetweenAccounts() {
        List<Map<String, String>> contacts = rows("Contact");
        assertThat(contacts).filteredOn(c -> c.get("Email").matches(".*@(gmail|outlook)\\.com")).hasSizeBetween(3, 12);
        Map<String, Set<String>> accountsByName = contacts.stream().collect(Collectors.groupingBy(
                c -> c.get("FirstName") + " " + c.get("LastName"), Collectors.mapping(c -> c.get("AccountId"), Collectors.toSet())));
        assertThat(accountsByName.values()).filteredOn(s -> s.size() > 1).hasSizeBetween(2, 6);
        Map<String, String> accountOfDomain = new HashMap<>();
        rows("Account").forEach(a -> accountOfDomain.put(a.get("Website").substring("https://www.".length()), a.get("Id")));
        for (Map<String, String> c : contacts) {
            String domain = c.get("Email").substring(c.get("Email").indexOf('@') + 1);
            if (accountOfDomain.containsKey(domain)) {
                assertThat(accountOfDomain.get(domain)).as("%s", c.get("Email")).isEqualTo(c.get("AccountId"));
            }
        }
    }

    @Test
    void everyMessageParsesAndHasTheRequiredHeadersExceptTheListedBrokenOnes() throws Exception {
        assertThat(messages.size()).isGreaterThan(5_000);
        assertThat(malformed).hasSizeGreaterThanOrEqualTo(3).allSatisfy(p -> assertThat(messages).containsKey(p));
        for (Map.Entry<Path, MimeMessage> e : messages.entrySet()) {
            MimeMessage m = e.getValue();
            byte[] raw = Files.readAllBytes(e.getKey());
            assertThat(new String(raw, StandardCharsets.ISO_8859_1)).as("CRLF only in %s", e.getKey())
                    .doesNotContainPattern("[^\r]\n");
            if (malformed.contains(e.getKey())) {
                continue;
            }
            assertThat(m.getMessageID()).matches("<[^<>@\\s]+@[^<>@\\s]+>");
            assertThat(m.getSentDate()).as("Date of %s", e.getKey()).isNotNull();
            assertThat(m.getHeader("Date")[0]).matches("\\w{3}, \\d{1,2} \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}");
            InternetAddress from = (InternetAddress) m.getFrom()[0];
            from.validate();
            assertThat(m.getRecipients(Message.RecipientType.TO)).isNotEmpty();
            for (jakarta.mail.Address a : m.getAllRecipients()) {
                ((InternetAddress) a).validate();
            }
            assertThat(m.getSubject()).isNotBlank();
            assertThat(text(m)).isNotBlank();
        }
    }

    @Test
    void theBrokenMessagesAreBrokenTheWayTheSummarySays() throws Exception {
        for (String line : section("malformed messages")) {
            Path file = out.resolve(line.substring(line.indexOf(": ") + 2).split(", ")[0]);
            MimeMessage m = messages.get(file);
            assertThat(truth).doesNotContainKey("email " + m.getMessageID());
            if (line.startsWith("From header cut off")) {
                assertThatThrownBy(() -> ((InternetAddress) m.getFrom()[0]).validate()).isInstanceOf(Exception.class);
            } else {
                assertThat(m.getSentDate()).isNull();
            }
        }
    }

    @Test
    void repliesPointToMessagesThatExistAndQuoteThem() throws Exception {
        Map<String, MimeMessage> byId = new HashMap<>();
        for (MimeMessage m : messages.values()) {
            byId.put(m.getMessageID(), m);
        }
        int replies = 0;
        int quoting = 0;
        for (MimeMessage m : messages.values()) {
            String[] inReplyTo = m.getHeader("In-Reply-To");
            if (inReplyTo == null) {
                continue;
            }
            replies++;
            MimeMessage parent = byId.get(inReplyTo[0]);
            assertThat(parent).as("parent of %s", m.getMessageID()).isNotNull();
            assertThat(m.getSubject()).matches("(?i)re: .*").endsWith(parent.getSubject().replaceFirst("^(?i)re: ", ""));
            String references = m.getHeader("References")[0].replaceAll("\\s+", " ");
            assertThat(references).endsWith(inReplyTo[0]);
            assertThat(m.getSentDate()).isAfter(parent.getSentDate());
            if (text(m).contains(" wrote:\r\n> ")) {
                quoting++;
            }
        }
        assertThat(replies).isGreaterThan(2_000);
        assertThat(quoting).isGreaterThan(replies / 2);
    }

    @Test
    void eachMessageIsInEveryTeamMailboxThatHoldsIt() throws Exception {
        Set<String> team = rows("User").stream().map(u -> u.get("Email")).collect(Collectors.toSet());
        Map<String, Set<String>> foldersById = new HashMap<>();
        Map<String, MimeMessage> byId = new HashMap<>();
        for (Map.Entry<Path, MimeMessage> e : messages.entrySet()) {
            Path rel = out.resolve("mail").relativize(e.getKey());
            assertThat(rel.getFileName().toString()).matches("\\d{5}\\.eml");
            foldersById.computeIfAbsent(e.getValue().getMessageID(), k -> new HashSet<>())
                    .add(rel.getName(0) + "/" + rel.getName(1));
            byId.put(e.getValue().getMessageID(), e.getValue());
        }
        for (Map.Entry<String, MimeMessage> e : byId.entrySet()) {
            if (malformed.stream().anyMatch(p -> messages.get(p) == e.getValue())) {
                continue;
            }
            MimeMessage m = e.getValue();
            Set<String> expected = new HashSet<>();
            String from = ((InternetAddress) m.getFrom()[0]).getAddress();
            if (team.contains(from)) {
                expected.add(from + "/Sent");
            }
            for (jakarta.mail.Address a : m.getAllRecipients()) {
                String to = ((InternetAddress) a).getAddress();
                if (team.contains(to) && !to.equals(from)) {
                    expected.add(to + "/INBOX");
                }
            }
            assertThat(foldersById.get(e.getKey())).as(e.getKey()).isEqualTo(expected);
        }
    }

    @Test
    void tonesListEachCustomerMessageOnceAndNoRepMessage() throws Exception {
        Map<String, String> sender = new HashMap<>();
        for (Map.Entry<Path, MimeMessage> e : messages.entrySet()) {
            if (!malformed.contains(e.getKey())) {
                sender.put(e.getValue().getMessageID(), ((InternetAddress) e.getValue().getFrom()[0]).getAddress());
            }
        }
        Map<String, String> tones = new HashMap<>();
        for (Map<String, String> row : new CsvFile(out.resolve("tones.csv")).rows) {
            assertThat(tones.put(row.get("message_id"), row.get("tone"))).as("one row per message").isNull();
        }
        long customerMessages = sender.entrySet().stream()
                .filter(e -> truth.containsKey("email " + e.getKey()) && !e.getValue().endsWith("@northwind.example")).count();
        assertThat(tones).hasSize((int) customerMessages);
        tones.keySet().forEach(id -> assertThat(sender.get(id)).as(id).doesNotEndWith("@northwind.example"));
        assertThat(Set.copyOf(tones.values())).contains("ENTHUSIASTIC", "NEUTRAL", "WORRIED", "FRUSTRATED");
    }

    @Test
    void mailIsWrittenInOfficeHoursOfTheSender() throws Exception {
        DateTimeFormatter hour = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", java.util.Locale.US);
        int checked = 0;
        for (Map.Entry<Path, MimeMessage> e : messages.entrySet()) {
            String opportunity = truth.get("email " + e.getValue().getMessageID());
            if (opportunity == null || opportunity.isEmpty()) {
                continue;
            }
            ZonedDateTime t = ZonedDateTime.parse(e.getValue().getHeader("Date")[0], hour);
            assertThat(t.getHour()).as("%s", e.getKey()).isBetween(8, 19);
            assertThat(t.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
            assertThat(t.toLocalDate()).isBefore(TODAY.plusDays(1)).isAfter(TODAY.minusMonths(19));
            checked++;
        }
        assertThat(checked).isGreaterThan(3_000);
    }

    @Test
    void bodiesRarelyRepeatAndEveryToneIsThere() throws Exception {
        Set<String> bodies = new HashSet<>();
        int count = 0;
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : messages.values()) {
            String opportunity = truth.get("email " + m.getMessageID());
            if (opportunity != null && !opportunity.isEmpty() && ids.add(m.getMessageID())) {
                String own = text(m).split("\r\n\r\nOn ")[0];
                bodies.add(own);
                count++;
            }
        }
        assertThat((double) bodies.size() / count).as("distinct bodies").isGreaterThan(0.97);
        DemoReport report = DemoCompany.generate(42, TODAY);
        assertThat(report.tones().keySet()).containsExactlyInAnyOrder(Tone.values());
        assertThat(report.tones().get(Tone.NEUTRAL)).isGreaterThan(report.mails.size() / 3);
        assertThat(summary).contains("ENTHUSIASTIC=", "WORRIED=", "FRUSTRATED=", "GOING_QUIET=");
    }

    @Test
    void mailCountsAreWhatTheSummarySays() {
        Set<String> ids = new HashSet<>();
        messages.values().forEach(m -> {
            try {
                ids.add(m.getMessageID());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(ids.size()).isBetween(4_500, 5_500);
        assertThat(summary).contains("mail: " + ids.size() + " messages", messages.size() + " files");
    }

    // ---- calendars ---------------------------------------------------------------------------------------

    private static Map<String, Calendar> calendars() {
        return calendars;
    }

    private static Map<String, Calendar> parseCalendars() throws Exception {
        Map<String, Calendar> calendars = new TreeMap<>();
        for (Map<String, String> u : rows("User")) {
            String local = u.get("Email").substring(0, u.get("Email").indexOf('@'));
            Path file = out.resolve("calendar/" + local + ".ics");
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).doesNotContainPattern("[^\r]\n");
            for (String line : text.split("\r\n")) {
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            }
            try (InputStream in = Files.newInputStream(file)) {
                calendars.put(local, new CalendarBuilder().build(in));
            }
        }
        return calendars;
    }

    private static String value(VEvent e, String property) {
        return e.<Property>getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void everyCalendarParsesAndASharedMeetingIsTheSameInEach() throws Exception {
        Map<String, Calendar> calendars = calendars();
        assertThat(calendars).hasSize(16);
        Map<String, String> eventByUid = new HashMap<>();
        Map<String, Set<String>> holders = new HashMap<>();
        for (Map.Entry<String, Calendar> c : calendars.entrySet()) {
            c.getValue().validate();
            for (VEvent e : c.getValue().<VEvent>getComponents(Component.VEVENT)) {
                String uid = value(e, Property.UID);
                for (String p : List.of(Property.DTSTART, Property.DTEND, Property.SUMMARY, Property.ORGANIZER, Property.SEQUENCE,
                        Property.DTSTAMP)) {
                    assertThat(value(e, p)).as("%s of %s", p, uid).isNotNull();
                }
                List<Property> attendees = e.getProperties(Property.ATTENDEE);
                assertThat(attendees).isNotEmpty().allSatisfy(a -> assertThat(a.getParameter("PARTSTAT")).isPresent());
                if (e.getProperty(Property.RRULE).isEmpty()) {
                    LocalDate day = LocalDate.parse(value(e, Property.DTSTART).substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
                    assertThat(day).as("start of %s", uid).isBetween(TODAY.minusMonths(18), TODAY.plusDays(30));
                }
                String before = eventByUid.putIfAbsent(uid, e.toString());
                if (before != null) {
                    assertThat(e.toString()).isEqualTo(before);
                }
                holders.computeIfAbsent(uid, k -> new HashSet<>()).add(c.getKey());
            }
        }
        assertThat(holders.values()).filteredOn(h -> h.size() > 1).hasSizeGreaterThan(50);
        String all = String.join("\n", eventByUid.values());
        assertThat(all).contains("STATUS:CANCELLED", "RRULE:FREQ=WEEKLY", "EXDATE;TZID=", "UNTIL=", "TZID=Europe/Berlin");
    }

    @Test
    void truthCoversEveryMessageAndEveryMeetingOccurrence() throws Exception {
        Set<String> expected = new HashSet<>();
        for (Map.Entry<Path, MimeMessage> e : messages.entrySet()) {
            if (!malformed.contains(e.getKey())) {
                expected.add("email " + e.getValue().getMessageID());
            }
        }
        ZonedDateTime from = TODAY.minusMonths(19).atStartOfDay(ZoneOffset.UTC);
        ZonedDateTime to = TODAY.plusDays(31).atStartOfDay(ZoneOffset.UTC);
        DateTimeFormatter basic = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
        int occurrences = 0;
        for (Calendar c : calendars().values()) {
            for (VEvent e : c.<VEvent>getComponents(Component.VEVENT)) {
                String uid = value(e, Property.UID);
                if (e.getProperty(Property.RRULE).isEmpty()) {
                    expected.add("meeting " + uid);
                    continue;
                }
                // ical4j expands the series independently of the generator; truth must list the same starts.
                for (Period<Temporal> p : e.<Temporal>calculateRecurrenceSet(new Period<>(from, to))) {
                    ZonedDateTime start = ZonedDateTime.from(p.getStart()).withZoneSameInstant(ZoneOffset.UTC);
                    if (!start.toLocalDate().isAfter(TODAY.plusDays(30))) {
                        expected.add("meeting " + uid + "/" + basic.format(start));
                    }
                }
            }
        }
        for (String key : expected) {
            if (key.startsWith("meeting ")) {
                occurrences++;
            }
        }
        assertThat(truth.keySet()).isEqualTo(expected);
        assertThat(occurrences).isBetween(1_800, 2_400);
    }

    @Test
    void someOpenDealsHadACallAndHaveNothingBookedAfterIt() throws Exception {
        Map<String, List<VEvent>> byDeal = new HashMap<>();
        for (Calendar c : calendars().values()) {
            for (VEvent e : c.<VEvent>getComponents(Component.VEVENT)) {
                String deal = truth.get("meeting " + value(e, Property.UID));
                if (deal != null && !deal.isEmpty() && !"CANCELLED".equals(value(e, Property.STATUS))) {
                    byDeal.computeIfAbsent(deal, k -> new ArrayList<>()).add(e);
                }
            }
        }
        String today = DateTimeFormatter.BASIC_ISO_DATE.format(TODAY);
        Set<String> gaps = new HashSet<>();
        Set<String> booked = new HashSet<>();
        for (Map<String, String> o : rows("Opportunity")) {
            List<VEvent> held = byDeal.getOrDefault(o.get("Id"), List.of());
            if (o.get("IsClosed").equals("true") || held.isEmpty()) {
                continue;
            }
            boolean ahead = held.stream().anyMatch(e -> value(e, Property.DTSTART).substring(0, 8).compareTo(today) > 0);
            (ahead ? booked : gaps).add(o.get("Id"));
        }
        Set<String> listed = section("follow-up gaps").stream().map(l -> l.split("\\s+")[0]).collect(Collectors.toSet());
        assertThat(gaps).hasSizeGreaterThanOrEqualTo(15).isEqualTo(listed);
        assertThat(booked).hasSizeGreaterThanOrEqualTo(40);
        List<String> talking = section("follow-up gaps").stream().filter(l -> l.contains("follow_up_gap")).toList();
        assertThat(talking).hasSizeGreaterThanOrEqualTo(10).allSatisfy(l -> assertThat(
                LocalDate.parse(l.split("\\s+")[3])).as("a gap's last call is a week old or more").isBefore(TODAY.minusDays(6)));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static String text(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof MimeMultipart parts) {
            return (String) parts.getBodyPart(0).getContent();
        }
        return (String) content;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
