package org.plumly.connector.csv;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A small Salesforce Data Loader export as {@code demo/README.md} describes it: three users (the head
 * of sales and two reps, one inactive), three accounts, three contacts and as many opportunities as
 * asked, each with two or three rows of stage history.
 */
final class SalesforceExport {
    static final List<String> USER = List.of("Id", "Name", "Email", "ManagerId", "IsActive", "Title", "CreatedDate");
    static final List<String> ACCOUNT = List.of("Id", "Name", "Website", "Industry", "OwnerId", "CreatedDate");
    static final List<String> CONTACT = List.of("Id", "AccountId", "FirstName", "LastName", "Email", "Phone", "Title");
    static final List<String> OPPORTUNITY = List.of("Id", "Name", "AccountId", "OwnerId", "StageName", "Amount", "CurrencyIsoCode",
            "CloseDate", "CreatedDate", "IsClosed", "IsWon", "LastModifiedDate");
    static final List<String> HISTORY = List.of("Id", "OpportunityId", "StageName", "Amount", "CloseDate", "CreatedDate");

    static final String HEAD = "005000000000000001";
    static final String REP = "005000000000000002";
    static final String FORMER_REP = "005000000000000003";
    static final String BLUEFIN = "001000000000000001";
    static final String GLOBEX = "001000000000000002";
    static final String INITECH = "001000000000000003";

    private SalesforceExport() {
    }

    static String opportunityId(int n) {
        return String.format("006%015d", n);
    }

    /** Writes the export into {@code folder}. */
    static void write(Path folder, int opportunities) {
        Csv.write(folder, "User.csv", USER, List.of(
                List.of(HEAD, "Sam Okafor", "Sam.Okafor@northwind.example", "", "true", "Head of Sales", "2024-01-08T09:00:00.000Z"),
                List.of(REP, "Dana Reyes", "dana.reyes@northwind.example", HEAD, "true", "Account Executive", "2025-03-17T08:30:00.000Z"),
                List.of(FORMER_REP, "Lee Park", "lee.park@northwind.example", HEAD, "false", "Account Executive", "2024-06-03T10:00:00.000Z")));
        Csv.write(folder, "Account.csv", ACCOUNT, List.of(
                List.of(BLUEFIN, "Bluefin Logistics", "https://www.bluefin-logistics.example", "Transport", REP, "2024-02-01T10:00:00.000Z"),
                List.of(GLOBEX, "Globex, Inc.", "http://globex.example/about", "Manufacturing", FORMER_REP, "2024-02-02T10:00:00.000Z"),
                List.of(INITECH, "Initech", "", "Software", "", "2024-02-03T10:00:00.000Z")));
        Csv.write(folder, "Contact.csv", CONTACT, List.of(
                List.of("003000000000000001", BLUEFIN, "Ada", "Quinn", "Ada.Quinn@bluefin-logistics.example", "+1 555 0100", "CFO"),
                List.of("003000000000000002", GLOBEX, "Ben", "O'Neil", "ben@globex.example", "", ""),
                List.of("003000000000000003", "", "Cy", "Doe", "", "", "Buyer")));
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> history = new ArrayList<>();
        String[] accounts = {BLUEFIN, GLOBEX, INITECH};
        for (int n = 1; n <= opportunities; n++) {
            String id = opportunityId(n);
            Instant created = Instant.parse("2025-01-01T09:00:00Z").plusSeconds(3600L * n);
            LocalDate close = LocalDate.parse("2026-06-30").plusDays(n % 90);
            String stage = switch (n % 4) {
                case 0 -> "Closed Won";
                case 1 -> "Closed Lost";
                default -> "Negotiation/Review";
            };
            boolean closed = n % 4 < 2;
            rows.add(List.of(id, "Deal " + n, accounts[n % 3], n % 2 == 0 ? REP : FORMER_REP, stage, (1000 + n) + ".50",
                    n % 5 == 0 ? "EUR" : "USD", close.toString(), created.toString().replace("Z", ".000Z"),
                    Boolean.toString(closed), Boolean.toString(n % 4 == 0), created.plusSeconds(60).toString()));
            history.add(List.of(String.format("008%015d", 3 * n), id, "Prospecting", "", close.minusDays(30).toString(),
                    created.toString()));
            history.add(List.of(String.format("008%015d", 3 * n + 1), id, "Negotiation/Review", "", close.toString(),
                    created.plusSeconds(86_400).toString()));
            if (closed) {
                history.add(List.of(String.format("008%015d", 3 * n + 2), id, stage, "", close.toString(),
                        created.plusSeconds(2 * 86_400).toString()));
            }
        }
        Csv.write(folder, "Opportunity.csv", OPPORTUNITY, rows);
        Csv.write(folder, "OpportunityHistory.csv", HISTORY, history);
    }
}
