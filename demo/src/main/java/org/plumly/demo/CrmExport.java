package org.plumly.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Writes the CRM as a Salesforce Data Loader export: one file per object, API field names as headers. */
final class CrmExport {
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private CrmExport() {
    }

    static void write(Crm crm, Path dir) throws IOException {
        List<List<String>> users = new ArrayList<>();
        for (SalesUser u : crm.users) {
            users.add(List.of(u.id(), u.name(), u.email(), u.managerId(), "true", u.title(), dateTime(u.created())));
        }
        Csv.write(dir.resolve("User.csv"), List.of("Id", "Name", "Email", "ManagerId", "IsActive", "Title", "CreatedDate"), users);

        List<List<String>> accounts = new ArrayList<>();
        for (Account a : crm.accounts) {
            accounts.add(List.of(a.id(), a.name(), a.website(), a.industry(), a.ownerId(), dateTime(a.created())));
        }
        Csv.write(dir.resolve("Account.csv"), List.of("Id", "Name", "Website", "Industry", "OwnerId", "CreatedDate"), accounts);

        List<List<String>> contacts = new ArrayList<>();
        for (Contact c : crm.contacts) {
            contacts.add(List.of(c.id(), c.accountId(), c.firstName(), c.lastName(), c.email(), c.phone(), c.title()));
        }
        Csv.write(dir.resolve("Contact.csv"), List.of("Id", "AccountId", "FirstName", "LastName", "Email", "Phone", "Title"), contacts);

        List<List<String>> opportunities = new ArrayList<>();
        List<List<String>> history = new ArrayList<>();
        for (Opportunity o : crm.opportunities) {
            opportunities.add(List.of(o.id(), o.name(), o.accountId(), o.ownerId(), o.stage().label,
                    o.amount().toPlainString(), o.currency(), o.closeDate().toString(), dateTime(o.created()),
                    String.valueOf(o.isClosed()), String.valueOf(o.isWon()), dateTime(o.last().at())));
            for (HistoryRow h : o.history()) {
                history.add(List.of(h.id(), o.id(), h.stage().label, h.amount().toPlainString(), h.closeDate().toString(),
                        dateTime(h.at())));
            }
        }
        Csv.write(dir.resolve("Opportunity.csv"), List.of("Id", "Name", "AccountId", "OwnerId", "StageName", "Amount",
                "CurrencyIsoCode", "CloseDate", "CreatedDate", "IsClosed", "IsWon", "LastModifiedDate"), opportunities);
        Csv.write(dir.resolve("OpportunityHistory.csv"),
                List.of("Id", "OpportunityId", "StageName", "Amount", "CloseDate", "CreatedDate"), history);
    }

    static String dateTime(Instant t) {
        return DATE_TIME.format(t);
    }
}
