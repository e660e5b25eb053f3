package org.plumly.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What the generator wrote, counted, and the deliberate anomalies an importer or an insight should find. */
final class DemoReport {
    final Crm crm;
    final List<Meeting> meetings;
    final List<Mail> mails;
    final ZonedDateTime horizon;
    final LocalDate today;

    DemoReport(Crm crm, List<Meeting> meetings, List<Mail> mails, LocalDate today, ZonedDateTime horizon) {
        this.crm = crm;
        this.meetings = meetings;
        this.mails = mails;
        this.today = today;
        this.horizon = horizon;
    }

    /** Open deals that had a call, all of them past, and nothing booked after the last one. */
    List<Opportunity> followUpGaps() {
        List<Opportunity> gaps = new ArrayList<>();
        for (Opportunity o : crm.opportunities) {
            if (o.isClosed()) {
                continue;
            }
            Instant startOfToday = today.atStartOfDay(crm.user(o.ownerId()).zone()).toInstant();
            List<Meeting> held = meetings.stream().filter(m -> m.opportunityId().equals(o.id()) && !m.cancelled()).toList();
            if (!held.isEmpty() && held.stream().allMatch(m -> m.start().toInstant().isBefore(startOfToday))) {
                gaps.add(o);
            }
        }
        return gaps;
    }

    ZonedDateTime lastCall(Opportunity o) {
        return meetings.stream().filter(m -> m.opportunityId().equals(o.id()) && !m.cancelled())
                .map(Meeting::start).max(ZonedDateTime::compareTo).orElseThrow();
    }

    /** Accounts with more than one open deal, each with its open deals. */
    Map<Account, List<Opportunity>> twoOpen() {
        Map<String, List<Opportunity>> byAccount = new TreeMap<>();
        for (Opportunity o : crm.opportunities) {
            if (!o.isClosed()) {
                byAccount.computeIfAbsent(o.accountId(), k -> new ArrayList<>()).add(o);
            }
        }
        Map<Account, List<Opportunity>> result = new java.util.LinkedHashMap<>();
        for (Account a : crm.accounts) {
            List<Opportunity> open = byAccount.get(a.id());
            if (open != null && open.size() > 1) {
                result.put(a, open);
            }
        }
        return result;
    }

    List<Contact> personalAddresses() {
        return crm.contacts.stream().filter(c -> !c.email().endsWith(".example")).toList();
    }

    /** People the CRM lists at two accounts. */
    Map<String, List<Contact>> movers() {
        Map<String, List<Contact>> byName = crm.contacts.stream()
                .collect(Collectors.groupingBy(Contact::name, TreeMap::new, Collectors.toList()));
        byName.values().removeIf(l -> l.stream().map(Contact::accountId).distinct().count() < 2);
        return byName;
    }

    Map<Tone, Long> tones() {
        Map<Tone, Long> counts = new EnumMap<>(Tone.class);
        for (Mail m : mails) {
            if (!m.opportunityId().isEmpty()) {
                counts.merge(m.tone(), 1L, Long::sum);
            }
        }
        return counts;
    }

    long occurrences() {
        return meetings.stream().mapToLong(m -> m.occurrences(horizon).size()).sum();
    }

    String text(long seed, Map<String, List<String>> files, long millis) {
        StringBuilder s = new StringBuilder();
        s.append("Northwind Tools, the Plumly demo company (written by org.plumly.demo.DemoCompany)\n");
        s.append("seed: ").append(seed).append("\ntoday: ").append(today).append("\n\n");
        long open = crm.opportunities.stream().filter(o -> !o.isClosed()).count();
        long won = crm.opportunities.stream().filter(Opportunity::isWon).count();
        s.append(String.format("crm: %d users, %d accounts, %d contacts, %d opportunities (%d open, %d won, %d lost), %d history rows%n",
                crm.users.size(), crm.accounts.size(), crm.contacts.size(), crm.opportunities.size(), open, won,
                crm.opportunities.size() - open - won, crm.opportunities.stream().mapToInt(o -> o.history().size()).sum()));
        long dealMail = mails.stream().filter(m -> !m.opportunityId().isEmpty()).count();
        long copies = files.values().stream().mapToLong(List::size).sum();
        s.append(String.format("mail: %d messages (%d about deals, %d other), %d files in %d mailboxes%n", mails.size(),
                dealMail, mails.size() - dealMail, copies, crm.users.size()));
        s.append("tones of deal mail: ").append(tones()).append('\n');
        long recurring = meetings.stream().filter(m -> m.recurrence() != null).count();
        long cancelled = meetings.stream().filter(Meeting::cancelled).count();
        long future = meetings.stream().filter(m -> m.recurrence() == null && m.start().toLocalDate().isAfter(today)).count();
        s.append(String.format("calendar: %d events (%d recurring series, %d cancelled, %d single meetings after today), %d occurrences%n",
                meetings.size(), recurring, cancelled, future, occurrences()));
        if (millis >= 0) {
            s.append("generated in ").append(millis).append(" ms\n");
        }
        s.append("\nmalformed messages (the importer must reject them; not in truth.csv):\n");
        for (Mail m : mails) {
            if (!m.defect().isEmpty()) {
                s.append("  ").append(m.defect()).append(": ").append(String.join(", ", files.get(m.messageId()))).append('\n');
            }
        }
        s.append("\nfollow-up gaps (open opportunities whose last call is past, nothing booked after it):\n");
        for (Opportunity o : followUpGaps()) {
            s.append("  ").append(o.id()).append("  last call ").append(lastCall(o).toLocalDate()).append("  ")
                    .append(o.fate().name().toLowerCase(java.util.Locale.ROOT)).append("  ").append(o.name()).append('\n');
        }
        s.append("\naccounts with two open opportunities:\n");
        twoOpen().forEach((a, list) -> s.append("  ").append(a.id()).append(' ').append(a.name()).append(": ")
                .append(list.stream().map(o -> o.id() + " (" + crm.user(o.ownerId()).name() + ")").collect(Collectors.joining(", ")))
                .append('\n'));
        s.append("\ncontacts listed with a personal address:\n");
        for (Contact c : personalAddresses()) {
            s.append("  ").append(c.id()).append(' ').append(c.name()).append(" <").append(c.email()).append("> at ")
                    .append(crm.account(c.accountId()).name()).append('\n');
        }
        s.append("\ncontacts listed at two accounts (they moved):\n");
        movers().forEach((name, list) -> s.append("  ").append(name).append(": ").append(list.stream()
                .map(c -> c.id() + " <" + c.email() + "> at " + crm.account(c.accountId()).name())
                .collect(Collectors.joining(", then "))).append('\n'));
        s.append("\nmail from a personal address the CRM does not know (truth names the deal):\n");
        for (Mail m : mails) {
            if (!m.opportunityId().isEmpty() && m.from().email().endsWith("@gmail.com")
                    && crm.contacts.stream().noneMatch(c -> c.email().equals(m.from().email()))) {
                s.append("  ").append(m.messageId()).append(" from ").append(m.from().email()).append(" -> ")
                        .append(m.opportunityId()).append('\n');
            }
        }
        s.append("\nstalled and going-quiet open opportunities:\n");
        for (Opportunity o : crm.opportunities) {
            if (o.fate() == Fate.STALLED || o.fate() == Fate.GOING_QUIET) {
                s.append("  ").append(o.id()).append("  ").append(o.fate().name().toLowerCase(java.util.Locale.ROOT))
                        .append("  in ").append(o.stage().label).append(" since ")
                        .append(o.history().stream().filter(h -> h.stage() == o.stage()).findFirst().orElseThrow().at()
                                .toString(), 0, 10).append('\n');
            }
        }
        return s.toString();
    }
}
