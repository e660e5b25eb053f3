package org.plumly.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Makes up Northwind Tools' CRM: its sales team, 200 customer accounts, their contacts and 400 deals with history. */
final class CrmGenerator {
    static final String DOMAIN = "northwind.example";
    static final int ACCOUNTS = 200;
    /** How many deals end each way; exact, so every seed tells the same kind of story. */
    static final int WON = 86, LOST = 198, HEALTHY = 60, FOLLOW_UP_GAP = 20, STALLED = 18, GOING_QUIET = 18;
    static final int TWO_OPEN_ACCOUNTS = 10;

    static final List<String> PRODUCTS = List.of("Torque Manager", "Calibration Cloud", "ToolCrib Inventory",
            "Shopfloor Analytics", "Gauge Tracker", "Field Service Kit");

    private static final String[][] TEAM = {
        // first, last, title, team, zone, phone
        {"Morgan", "Ellis", "VP of Sales", "", "America/New_York", "+1 212-555-0100"},
        {"Priya", "Raman", "Sales Manager, East", "East", "America/New_York", "+1 212-555-0110"},
        {"Greg", "Tanaka", "Sales Manager, West", "West", "America/Los_Angeles", "+1 415-555-0120"},
        {"Katrin", "Vogel", "Sales Manager, EMEA", "EMEA", "Europe/Berlin", "+49 30 5550 1130"},
        {"Dana", "Whitfield", "Senior Account Executive", "East", "America/New_York", "+1 212-555-0111"},
        {"Marcus", "Cole", "Account Executive", "East", "America/New_York", "+1 212-555-0112"},
        {"Sofia", "Alvarez", "Account Executive", "East", "America/New_York", "+1 212-555-0113"},
        {"Ethan", "Brooks", "Account Executive", "East", "America/New_York", "+1 212-555-0114"},
        {"Olivia", "Chen", "Senior Account Executive", "West", "America/Los_Angeles", "+1 415-555-0121"},
        {"Ryan", "Mitchell", "Account Executive", "West", "America/Los_Angeles", "+1 415-555-0122"},
        {"Aisha", "Okafor", "Account Executive", "West", "America/Los_Angeles", "+1 415-555-0123"},
        {"Lucas", "Ferreira", "Account Executive", "West", "America/Los_Angeles", "+1 415-555-0124"},
        {"Jürgen", "Brandt", "Senior Account Executive", "EMEA", "Europe/Berlin", "+49 30 5550 1131"},
        {"Inès", "Moreau", "Account Executive", "EMEA", "Europe/Berlin", "+49 30 5550 1132"},
        {"Tom", "Hendriks", "Account Executive", "EMEA", "Europe/Berlin", "+49 30 5550 1133"},
        {"Sara", "Lindqvist", "Account Executive", "EMEA", "Europe/Berlin", "+49 30 5550 1134"},
    };

    private static final List<String> NAME_WORDS = List.of("Bluefin", "Cedar", "Granite", "Harbor", "Ironwood",
            "Juniper", "Keystone", "Lakeside", "Maple", "Northgate", "Oakridge", "Pinecrest", "Quarry", "Redwood",
            "Summit", "Tidewater", "Upland", "Vanguard", "Westbrook", "Alder", "Birchfield", "Copperline",
            "Driftwood", "Ember", "Falcon", "Glacier", "Heron", "Indigo", "Jasper", "Kestrel", "Lumen", "Meridian",
            "Nimbus", "Orchard", "Pioneer", "Riverbend", "Sable", "Timberline", "Vertex", "Willow", "Zephyr",
            "Atlas", "Beacon", "Cobalt", "Crestview", "Eastfield", "Foxglove", "Greystone", "Highland", "Larkspur",
            "Millstream", "Osprey", "Prairie", "Silverline", "Stonebridge", "Thornbury", "Whitewater", "Brightwater");

    private static final String[][] INDUSTRIES = {
        {"Manufacturing", "Manufacturing", "Fabrication", "Industries", "Works", "Components"},
        {"Machinery", "Machine Co", "Machinery", "Tooling", "Precision"},
        {"Construction", "Builders", "Construction", "Contractors"},
        {"Transportation", "Logistics", "Freight", "Transport"},
        {"Shipping", "Shipping", "Marine", "Shipyards"},
        {"Energy", "Energy", "Power", "Renewables"},
        {"Utilities", "Utilities", "Water", "Grid Services"},
        {"Engineering", "Engineering", "Technical Services"},
        {"Electronics", "Electronics", "Circuits"},
        {"Chemicals", "Chemicals", "Coatings"},
        {"Agriculture", "Farm Equipment", "Agri Systems"},
        {"Food & Beverage", "Foods", "Bottling", "Dairy"},
    };

    private static final String[][] SITES = {
        {"East", "Dayton", "America/New_York"}, {"East", "Pittsburgh", "America/New_York"},
        {"East", "Hartford", "America/New_York"}, {"East", "Charlotte", "America/New_York"},
        {"East", "Milwaukee", "America/Chicago"}, {"East", "Toledo", "America/Detroit"},
        {"East", "Hamilton", "America/Toronto"}, {"East", "Memphis", "America/Chicago"},
        {"West", "Fresno", "America/Los_Angeles"}, {"West", "Tacoma", "America/Los_Angeles"},
        {"West", "Boise", "America/Boise"}, {"West", "Denver", "America/Denver"},
        {"West", "Tucson", "America/Phoenix"}, {"West", "Reno", "America/Los_Angeles"},
        {"West", "Surrey", "America/Vancouver"},
        {"EMEA", "Stuttgart", "Europe/Berlin"}, {"EMEA", "Lyon", "Europe/Paris"},
        {"EMEA", "Rotterdam", "Europe/Amsterdam"}, {"EMEA", "Bilbao", "Europe/Madrid"},
        {"EMEA", "Gothenburg", "Europe/Stockholm"}, {"EMEA", "Cork", "Europe/Dublin"},
        {"EMEA", "Graz", "Europe/Vienna"}, {"EMEA", "Turin", "Europe/Rome"},
    };

    private static final List<String> US_FIRST = List.of("James", "Mary", "Robert", "Patricia", "John", "Jennifer",
            "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica",
            "Thomas", "Sarah", "Chris", "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty", "Mark",
            "Sandra", "Steven", "Ashley", "Paul", "Kimberly", "Andrew", "Emily", "Joshua", "Donna", "Kevin",
            "Michelle", "Brian", "Carol", "George", "Amanda", "Tim", "Melissa", "Jason", "Deborah", "Jeff", "Rachel",
            "Ryan", "Laura", "Gary", "Megan", "Eric", "Heather", "Jorge", "Rosa", "Wei", "Mei", "Raj", "Anita",
            "DeShawn", "Keisha", "Tyler", "Brooke", "Hector", "Lucia", "Nolan", "Grace", "Trevor", "Holly");
    private static final List<String> US_LAST = List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia",
            "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas",
            "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
            "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres",
            "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
            "Mitchell", "Carter", "Roberts", "Patel", "Kowalski", "O'Brien", "Sullivan", "Murphy", "Price",
            "Bennett", "Wood", "Barnes", "Ross", "Henderson", "Coleman", "Jenkins", "Perry", "Powell", "Long",
            "Hughes", "Washington", "Butler", "Simmons", "Foster", "Bryant", "Alexander", "Russell", "Griffin");
    private static final List<String> EU_FIRST = List.of("Anna", "Lukas", "Sophie", "Jonas", "Marie", "Felix",
            "Léa", "Hugo", "Chloé", "Louis", "Emma", "Noah", "Lotte", "Daan", "Sanne", "Bram", "Lucía", "Javier",
            "Carmen", "Pablo", "Elin", "Björn", "Ingrid", "Oskar", "Siobhán", "Ciarán", "Aoife", "Niamh", "Giulia",
            "Marco", "Francesca", "Matteo", "Zoë", "Stefan", "Katharina", "Jörg", "Renée", "François", "Magnus",
            "Agnieszka");
    private static final List<String> EU_LAST = List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber",
            "Becker", "Hoffmann", "Schäfer", "Dubois", "Lefèvre", "Martin", "Bernard", "Girard", "de Vries",
            "van Dijk", "Jansen", "Bakker", "Visser", "García", "Fernández", "López", "Martínez", "Núñez",
            "Lindberg", "Johansson", "Sjöberg", "Nyström", "Ó Briain", "Kelly", "Byrne", "Rossi", "Bianchi",
            "Esposito", "Ricci", "Gruber", "Huber", "Wagner", "Novak", "Sørensen", "Kowalczyk");
    private static final List<String> CONTACT_TITLES = List.of("Operations Manager", "Plant Manager",
            "VP Operations", "Procurement Lead", "Maintenance Supervisor", "IT Director", "CFO",
            "Engineering Manager", "Head of Procurement", "Buyer", "Quality Manager", "COO", "Tooling Engineer",
            "Director of Manufacturing", "Continuous Improvement Lead", "Facilities Manager", "Controller");

    private final Dice dice;
    private final LocalDate today;
    private final LocalDate start;
    private final SalesforceIds accountIds = new SalesforceIds("001", 17_000_003L);
    private final SalesforceIds contactIds = new SalesforceIds("003", 29_000_011L);
    private final SalesforceIds opportunityIds = new SalesforceIds("006", 41_000_017L);
    private final SalesforceIds historyIds = new SalesforceIds("008", 53_000_029L);
    private final List<Contact> contacts = new ArrayList<>();
    /** Names are unique across the CRM, so that only the people who moved appear twice. */
    private final Set<String> contactNames = new LinkedHashSet<>();
    /** Each account's mail convention: 0 first.last, 1 flast, 2 first_last, 3 first. */
    private final List<Integer> conventions = new ArrayList<>();

    CrmGenerator(long seed, LocalDate today) {
        this.dice = new Dice(seed, "crm");
        this.today = today;
        this.start = today.minusMonths(18);
    }

    Crm generate() {
        List<SalesUser> users = team();
        List<Account> accounts = accounts(users);
        for (int i = 0; i < accounts.size(); i++) {
            addContacts(accounts.get(i), conventions.get(i));
        }
        List<Opportunity> opportunities = opportunities(users, accounts);
        Crm crm = new Crm(users, accounts, contacts, opportunities);
        opportunities = new Movers(crm).move();
        givePersonalAddresses(opportunities);
        return new Crm(users, accounts, contacts, opportunities);
    }

    private List<SalesUser> team() {
        SalesforceIds ids = new SalesforceIds("005", 5_000_001L);
        List<SalesUser> users = new ArrayList<>();
        String head = null;
        List<String> managers = new ArrayList<>();
        for (String[] t : TEAM) {
            String id = ids.next();
            String manager;
            if (head == null) {
                head = id;
                manager = "";
            } else if (t[2].startsWith("Sales Manager")) {
                managers.add(id);
                manager = head;
            } else {
                manager = users.stream().filter(u -> u.team().equals(t[3]) && u.title().startsWith("Sales Manager"))
                        .findFirst().orElseThrow().id();
            }
            String email = asciiLocal(t[0]) + "." + asciiLocal(t[1]) + "@" + DOMAIN;
            Instant created = start.minusDays(dice.between(100, 1200)).atTime(9, dice.between(0, 59))
                    .atZone(ZoneId.of(t[4])).toInstant();
            users.add(new SalesUser(id, t[0], t[1], t[2], email, manager, ZoneId.of(t[4]), t[3], t[5], created));
        }
        return users;
    }

    private List<Account> accounts(List<SalesUser> users) {
        record Draft(String name, String slug, String industry, String team, String[] site, Instant created) {
        }
        List<Draft> drafts = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String team = i < 80 ? "East" : i < 150 ? "West" : "EMEA";
            String[] industry;
            String name;
            do {
                industry = dice.pickOf(INDUSTRIES);
                name = dice.pick(NAME_WORDS) + " " + industry[dice.between(1, industry.length - 1)];
            } while (!names.add(name));
            List<String[]> sites = java.util.Arrays.stream(SITES).filter(s -> s[0].equals(team)).toList();
            String[] site = dice.pick(sites);
            Instant created = start.minusDays(dice.between(-420, 900)).atTime(dice.between(8, 17), dice.between(0, 59))
                    .atZone(ZoneId.of(site[2])).toInstant();
            String slug = name.toLowerCase(java.util.Locale.ROOT).replace("&", "and").replaceAll("[^a-z0-9]+", "-");
            drafts.add(new Draft(name, slug, industry[0], team, site, created));
        }
        drafts.sort(Comparator.comparing(Draft::created));
        List<Account> accounts = new ArrayList<>();
        for (Draft d : drafts) {
            List<SalesUser> reps = users.stream().filter(u -> u.isRep() && u.team().equals(d.team())).toList();
            List<String> domains = new ArrayList<>(List.of(d.slug() + ".example"));
            if (dice.chance(0.06)) {
                String first = d.slug().substring(0, d.slug().indexOf('-'));
                domains.add(d.team().equals("EMEA") ? d.slug() + "-eu.example" : first + "-group.example");
            }
            accounts.add(new Account(accountIds.next(), d.name(), domains, d.industry(), dice.pick(reps).id(),
                    ZoneId.of(d.site()[2]), d.team(), d.site()[1], d.created()));
            conventions.add(dice.weighted(6, 2, 1, 1));
        }
        return accounts;
    }

    private void addContacts(Account account, int convention) {
        int count = 2 + dice.weighted(30, 45, 25);
        for (int i = 0; i < count; i++) {
            String first;
            String last;
            do {
                first = dice.pick(account.european() ? EU_FIRST : US_FIRST);
                last = dice.pick(account.european() ? EU_LAST : US_LAST);
            } while (!contactNames.add(first + " " + last));
            String domain = account.domains().size() > 1 && i % 2 == 1 ? account.domains().get(1) : account.domains().get(0);
            contacts.add(newContact(account, first, last, workAddress(first, last, convention, domain),
                    dice.pick(CONTACT_TITLES)));
        }
    }

    Contact newContact(Account account, String first, String last, String email, String title) {
        return new Contact(contactIds.next(), account.id(), first, last, email, phone(account), title);
    }

    int convention(Account account, List<Account> accounts) {
        return conventions.get(accounts.indexOf(account));
    }

    static String workAddress(String first, String last, int convention, String domain) {
        String f = asciiLocal(first);
        String l = asciiLocal(last);
        String local = switch (convention) {
            case 1 -> f.charAt(0) + l;
            case 2 -> f + "_" + l;
            case 3 -> f;
            default -> f + "." + l;
        };
        return local + "@" + domain;
    }

    private String phone(Account account) {
        String four = String.valueOf(dice.between(1000, 9999));
        return switch (account.zone().getId()) {
            case "Europe/Berlin" -> "+49 711 " + four + "-" + dice.between(100, 999);
            case "Europe/Paris" -> "+33 4 72 " + four.substring(0, 2) + " " + four.substring(2);
            case "Europe/Amsterdam" -> "+31 10 " + four + " " + dice.between(100, 999);
            case "Europe/Madrid" -> "+34 944 " + four.substring(0, 2) + " " + four.substring(2);
            case "Europe/Stockholm" -> "+46 31 " + dice.between(100, 999) + " " + four;
            case "Europe/Dublin" -> "+353 21 " + dice.between(100, 999) + " " + four;
            case "Europe/Vienna" -> "+43 316 " + four + dice.between(10, 99);
            case "Europe/Rome" -> "+39 011 " + four + dice.between(100, 999);
            default -> "+1 " + dice.between(201, 989) + "-555-01" + dice.between(10, 99);
        };
    }

    /** Lower-case ASCII for an address: accents dropped, apostrophes and spaces gone. */
    static String asciiLocal(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replace("ø", "o").replace("ß", "ss").replace("æ", "ae");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.replaceAll("[^a-z0-9]", "");
    }

    // ---- opportunities ------------------------------------------------------------------------------------

    private record Plan(Fate fate, Account account, SalesUser owner, boolean expansion) {
    }

    private List<Opportunity> opportunities(List<SalesUser> users, List<Account> accounts) {
        List<Fate> open = new ArrayList<>();
        addTimes(open, Fate.HEALTHY, HEALTHY);
        addTimes(open, Fate.FOLLOW_UP_GAP, FOLLOW_UP_GAP);
        addTimes(open, Fate.STALLED, STALLED);
        addTimes(open, Fate.GOING_QUIET, GOING_QUIET);
        dice.shuffle(open);
        // Put the fates that suit two simultaneous deals first; these 20 are the pairs.
        open.sort(Comparator.comparing(f -> f == Fate.HEALTHY || f == Fate.FOLLOW_UP_GAP ? 0 : 1));
        List<Account> shuffled = new ArrayList<>(accounts);
        dice.shuffle(shuffled);
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            if (i < 2 * TWO_OPEN_ACCOUNTS) {
                Account account = shuffled.get(i / 2);
                SalesUser owner = owner(users, account);
                if (i % 2 == 1 && i % 4 == 3) {
                    SalesUser other = owner;
                    while (other.id().equals(owner.id())) {
                        other = dice.pick(users.stream().filter(u -> u.isRep() && u.team().equals(account.team())).toList());
                    }
                    owner = other;
                }
                plans.add(new Plan(open.get(i), account, owner, i % 2 == 1));
            } else {
                Account account = shuffled.get(i - TWO_OPEN_ACCOUNTS);
                plans.add(new Plan(open.get(i), account, owner(users, account), dice.chance(0.25)));
            }
        }
        List<Fate> closed = new ArrayList<>();
        addTimes(closed, Fate.WON, WON);
        addTimes(closed, Fate.LOST, LOST);
        dice.shuffle(closed);
        for (Fate fate : closed) {
            Account account = dice.pick(accounts);
            plans.add(new Plan(fate, account, owner(users, account), dice.chance(0.3)));
        }
        record Draft(Plan plan, List<HistoryRow> history, String product) {
        }
        List<Draft> drafts = new ArrayList<>();
        for (Plan plan : plans) {
            drafts.add(new Draft(plan, history(plan), dice.pick(PRODUCTS)));
        }
        drafts.sort(Comparator.comparing((Draft d) -> d.history().get(0).at()));
        List<Opportunity> result = new ArrayList<>();
        for (Draft d : drafts) {
            Plan p = d.plan();
            List<HistoryRow> rows = d.history().stream()
                    .map(r -> new HistoryRow(historyIds.next(), r.stage(), r.amount(), r.closeDate(), r.at())).toList();
            String currency = p.account().european() && dice.chance(0.85) ? "EUR" : "USD";
            result.add(new Opportunity(opportunityIds.next(), name(p, d.product()), p.account().id(), p.owner().id(),
                    d.product(), p.expansion(), p.fate(), currency, rows, dealContacts(p.account())));
        }
        return result;
    }

    private static void addTimes(List<Fate> list, Fate fate, int times) {
        for (int i = 0; i < times; i++) {
            list.add(fate);
        }
    }

    private SalesUser owner(List<SalesUser> users, Account account) {
        return users.stream().filter(u -> u.id().equals(account.ownerId())).findFirst().orElseThrow();
    }

    private String name(Plan p, String product) {
        String account = p.account().name();
        if (p.expansion()) {
            return dice.pickOf(account + " - " + product + " expansion", account + " - " + product + " add-on seats",
                    account + " - " + product + " (" + p.account().site() + " rollout)");
        }
        return dice.pickOf(account + " - " + product, account + " - " + product + " " + dice.between(2, 40) * 5 + " seats",
                account + " - " + product + " pilot to rollout", account + " - New business " + product);
    }

    private List<String> dealContacts(Account account) {
        List<String> ids = new ArrayList<>(contacts.stream().filter(c -> c.accountId().equals(account.id()))
                .map(Contact::id).toList());
        dice.shuffle(ids);
        return List.copyOf(ids.subList(0, Math.min(ids.size(), 1 + dice.weighted(35, 45, 20))));
    }

    /** A deal's OpportunityHistory without ids: one row per stage entered and per close-date change, oldest first. */
    private List<HistoryRow> history(Plan plan) {
        Fate fate = plan.fate();
        ZoneId zone = plan.owner().zone();
        int first = dice.chance(0.3) ? 1 : 0;
        int top = switch (fate) {
            case WON -> 7;
            case LOST -> dice.weighted(3, 8, 10, 12, 8, 6, 12, 10);
            case HEALTHY, FOLLOW_UP_GAP -> 1 + dice.weighted(8, 10, 12, 8, 6, 12, 10);
            case STALLED -> 1 + dice.weighted(6, 10, 12, 6, 6, 10);
            case GOING_QUIET -> 2 + dice.weighted(10, 12, 6, 6, 12, 10);
        };
        first = Math.min(first, top);
        List<Stage> path = new ArrayList<>();
        Stage[] stages = Stage.values();
        for (int i = first; i <= top; i++) {
            Stage s = stages[i];
            boolean skippable = (s == Stage.DECISION_MAKERS && dice.chance(0.3)) || (s == Stage.PERCEPTION_ANALYSIS && dice.chance(0.4));
            if (i == first || i == top || !skippable) {
                path.add(s);
            }
        }
        LocalDate created;
        LocalDate lastChange;
        switch (fate) {
            case WON, LOST -> {
                int cycle = fate == Fate.WON ? dice.between(45, 170) : dice.between(15, 40 + 15 * top);
                long room = ChronoUnit.DAYS.between(start, today.minusDays(2));
                cycle = (int) Math.min(cycle, room - 1);
                LocalDate close = WorkingHours.weekdayOnOrBefore(today.minusDays(2).minusDays(dice.between(0, (int) (room - cycle))));
                created = close.minusDays(cycle);
                lastChange = close;
                path.add(fate == Fate.WON ? Stage.CLOSED_WON : Stage.CLOSED_LOST);
            }
            case STALLED -> {
                created = today.minusDays(dice.between(150, 400));
                lastChange = today.minusDays(dice.between(60, 140));
            }
            case GOING_QUIET -> {
                created = today.minusDays(dice.between(70, 230));
                lastChange = today.minusDays(dice.between(28, 60));
            }
            default -> {
                int age = dice.between(25, 220);
                created = today.minusDays(age);
                lastChange = today.minusDays(dice.between(3, Math.min(30, age / 2)));
            }
        }
        created = WorkingHours.weekday(created.isBefore(start) ? start : created);
        List<Instant> times = stageTimes(path.size(), created, lastChange, zone);

        List<HistoryRow> rows = new ArrayList<>();
        BigDecimal amount = initialAmount(plan.expansion());
        LocalDate closeDate = plannedClose(created.plusDays(dice.between(30, 100)));
        for (int i = 0; i < path.size(); i++) {
            Stage stage = path.get(i);
            Instant at = times.get(i);
            LocalDate day = at.atZone(zone).toLocalDate();
            if (i > 0) {
                closeDate = pushes(rows, closeDate, at, zone);
                if (!stage.isClosed() && dice.chance(0.08)) {
                    closeDate = plannedClose(closeDate.plusDays(dice.between(14, 45)));
                }
            }
            if (stage == Stage.PROPOSAL && dice.chance(0.35)) {
                amount = round(amount.doubleValue() * (0.8 + 0.45 * dice.unit()));
            } else if (stage == Stage.NEGOTIATION && dice.chance(0.45)) {
                amount = round(amount.doubleValue() * (0.85 + 0.12 * dice.unit()));
            }
            if (stage.isClosed()) {
                closeDate = day;
            }
            rows.add(new HistoryRow(null, stage, amount, closeDate, at));
        }
        if (fate == Fate.HEALTHY || fate == Fate.FOLLOW_UP_GAP || fate == Fate.GOING_QUIET) {
            pushes(rows, closeDate, today.atStartOfDay(zone).toInstant(), zone);
        }
        return rows;
    }

    /**
     * Adds a history row each time the close date has passed while the deal is still open, before {@code next}
     * (the next stage change, or today); returns the close date then.
     */
    private LocalDate pushes(List<HistoryRow> rows, LocalDate closeDate, Instant next, ZoneId zone) {
        HistoryRow last = rows.get(rows.size() - 1);
        while (closeDate.isBefore(next.atZone(zone).toLocalDate())) {
            LocalDate lastDay = last.at().atZone(zone).toLocalDate();
            LocalDate day = closeDate.plusDays(dice.between(0, 4));
            if (!day.isAfter(lastDay)) {
                day = lastDay.plusDays(1);
            }
            Instant at = WorkingHours.mailTime(day, zone, dice).toInstant();
            if (!at.isAfter(last.at()) || !at.isBefore(next)) {
                // Between the last change and the next one, when the close date had no room to pass on its own.
                at = last.at().plusSeconds(ChronoUnit.SECONDS.between(last.at(), next) / 2);
            }
            closeDate = plannedClose(day.plusDays(dice.between(14, 60)));
            last = new HistoryRow(null, last.stage(), last.amount(), closeDate, at);
            rows.add(last);
        }
        return closeDate;
    }

    private LocalDate plannedClose(LocalDate day) {
        return dice.chance(0.5) ? day.with(TemporalAdjusters.lastDayOfMonth()) : day;
    }

    private List<Instant> stageTimes(int count, LocalDate from, LocalDate to, ZoneId zone) {
        long span = Math.max(1, ChronoUnit.DAYS.between(from, to));
        List<Long> offsets = new ArrayList<>();
        offsets.add(0L);
        for (int i = 1; i < count - 1; i++) {
            offsets.add(1 + (long) (dice.unit() * (span - 1)));
        }
        if (count > 1) {
            offsets.add(span);
        }
        offsets.sort(null);
        List<Instant> times = new ArrayList<>();
        Instant previous = Instant.MIN;
        for (long offset : offsets) {
            Instant t = WorkingHours.mailTime(from.plusDays(offset), zone, dice).toInstant();
            if (!t.isAfter(previous)) {
                t = previous.plus(dice.between(15, 200), ChronoUnit.MINUTES);
            }
            times.add(t);
            previous = t;
        }
        return times;
    }

    private BigDecimal initialAmount(boolean expansion) {
        double amount = switch (dice.weighted(45, 35, 20)) {
            case 0 -> dice.between(5_000, 25_000);
            case 1 -> dice.between(25_000, 75_000);
            default -> dice.between(75_000, 250_000);
        };
        return round(expansion ? Math.max(5_000, amount * 0.6) : amount);
    }

    private static BigDecimal round(double amount) {
        double step = amount < 20_000 ? 250 : 500;
        double rounded = Math.min(250_000, Math.max(5_000, Math.round(amount / step) * step));
        return BigDecimal.valueOf(rounded).setScale(2, RoundingMode.UNNECESSARY);
    }

    // ---- contacts who moved, personal addresses -----------------------------------------------------------

    /** A few people leave a customer for another one, and the CRM holds them at both. */
    private final class Movers {
        private final Crm crm;

        Movers(Crm crm) {
            this.crm = crm;
        }

        List<Opportunity> move() {
            List<Opportunity> opportunities = new ArrayList<>(crm.opportunities);
            int moved = 0;
            for (int attempt = 0; attempt < 500 && moved < 4; attempt++) {
                Opportunity before = dice.pick(opportunities);
                Opportunity after = dice.pick(opportunities);
                if (!before.isClosed() || before.accountId().equals(after.accountId())
                        || !after.created().isAfter(before.last().at().plus(30, ChronoUnit.DAYS))
                        || crm.account(before.accountId()).european() != crm.account(after.accountId()).european()) {
                    continue;
                }
                Contact person = crm.contact(before.contactIds().get(0));
                Account to = crm.account(after.accountId());
                boolean sameName = contacts.stream().anyMatch(c -> c.accountId().equals(to.id())
                        && c.name().equals(person.name()));
                if (sameName || contacts.stream().anyMatch(c -> c != person && c.name().equals(person.name()))) {
                    continue;
                }
                // The last mover took a personal address along, and both accounts list it.
                String email = moved == 3
                        ? asciiLocal(person.firstName()) + "." + asciiLocal(person.lastName()) + dice.between(10, 99) + "@gmail.com"
                        : workAddress(person.firstName(), person.lastName(), convention(to, crm.accounts), to.domains().get(0));
                if (moved == 3) {
                    contacts.set(contacts.indexOf(person), new Contact(person.id(), person.accountId(), person.firstName(),
                            person.lastName(), email, person.phone(), person.title()));
                }
                Contact again = newContact(to, person.firstName(), person.lastName(), email, dice.pick(CONTACT_TITLES));
                contacts.add(again);
                List<String> ids = new ArrayList<>(after.contactIds());
                ids.add(0, again.id());
                opportunities.set(opportunities.indexOf(after), withContacts(after, ids));
                moved++;
            }
            return opportunities;
        }
    }

    private static Opportunity withContacts(Opportunity o, List<String> contactIds) {
        return new Opportunity(o.id(), o.name(), o.accountId(), o.ownerId(), o.product(), o.expansion(), o.fate(),
                o.currency(), o.history(), List.copyOf(contactIds));
    }

    /** Six contacts whom the CRM knows by a personal address only, each the main contact of a deal. */
    private void givePersonalAddresses(List<Opportunity> opportunities) {
        int given = 0;
        for (Opportunity o : opportunities) {
            if (given == 6) {
                break;
            }
            if (!dice.chance(0.05)) {
                continue;
            }
            String id = o.contactIds().get(0);
            int index = -1;
            for (int i = 0; i < contacts.size(); i++) {
                if (contacts.get(i).id().equals(id)) {
                    index = i;
                }
            }
            Contact c = contacts.get(index);
            if (!c.email().endsWith(".example") || contacts.stream().anyMatch(x -> x != c && x.name().equals(c.name()))) {
                continue;
            }
            String email = asciiLocal(c.firstName()) + "." + asciiLocal(c.lastName()) + dice.between(10, 99)
                    + (given % 2 == 0 ? "@gmail.com" : "@outlook.com");
            contacts.set(index, new Contact(c.id(), c.accountId(), c.firstName(), c.lastName(), email, c.phone(), c.title()));
            given++;
        }
    }

}
