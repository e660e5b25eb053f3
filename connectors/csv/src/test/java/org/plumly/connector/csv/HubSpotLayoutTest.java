package org.plumly.connector.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumly.api.Account;
import org.plumly.api.Contact;
import org.plumly.api.Opportunity;
import org.plumly.api.OpportunityStatus;
import org.plumly.api.ReportingLine;
import org.plumly.api.SourceRef;
import org.plumly.api.StageChange;
import org.plumly.api.User;
import org.plumly.connector.testkit.RecordingSink;

/** HubSpot's exports: owners named in deals and companies, stage history in the Date entered columns. */
class HubSpotLayoutTest {
    private static final String ENTERED_APPOINTMENT = "Date entered \"Appointment Scheduled (Sales Pipeline)\"";
    private static final String EXITED_APPOINTMENT = "Date exited \"Appointment Scheduled (Sales Pipeline)\"";
    private static final String ENTERED_WON = "Date entered \"Closed Won (Sales Pipeline)\"";

    @TempDir
    Path root;
    Imports imports;

    @BeforeEach
    void writeExport() {
        Path folder = root.resolve("hubspot");
        Csv.write(folder, "owners.csv", List.of("User ID", "First Name", "Last Name", "Email", "Last login", "Assigned teams", "Manager"),
                List.of(List.of("9001", "Sam", "Okafor", "sam@northwind.example", "2026-11-20 08:00", "Sales", ""),
                        List.of("9002", "Dana", "Reyes", "dana@northwind.example", "", "Sales", "sam@northwind.example"),
                        List.of("9003", "Lee", "Park", "lee@northwind.example", "", "Sales", "Sam Okafor")));
        Csv.write(folder, "companies.csv", List.of("Record ID", "Company name", "Company owner", "Create Date", "Company Domain Name",
                        "Website URL"),
                List.of(List.of("5101", "Bluefin Logistics", "Dana Reyes", "2024-02-01 10:00", "bluefin-logistics.example", ""),
                        List.of("5102", "Globex", "Someone Who Left", "2024-02-02 10:00", "", "https://www.globex.example")));
        Csv.write(folder, "contacts.csv", List.of("Record ID", "First Name", "Last Name", "Email", "Phone Number", "Job Title",
                        "Contact owner", "Associated Company IDs", "Associated Company"),
                List.of(List.of("701", "Ada", "Quinn", "ada@bluefin-logistics.example", "+1 555 0100", "CFO", "Dana Reyes", "5101", "Bluefin Logistics"),
                        List.of("702", "Ben", "", "", "", "", "", "5102;5101", "Globex;Bluefin Logistics")));
        Csv.write(folder, "deals.csv", List.of("Record ID", "Deal Name", "Deal Stage", "Pipeline", "Amount", "Close Date", "Create Date",
                        "Deal owner", "Associated Company IDs (Primary)", "Associated Company (Primary)", ENTERED_APPOINTMENT,
                        EXITED_APPOINTMENT, ENTERED_WON, "Date entered current stage"),
                List.of(List.of("8801", "Bluefin renewal", "Closed Won", "Sales Pipeline", "48000", "2026-06-30 00:00", "2025-04-01 09:15",
                                "Dana Reyes", "5101", "Bluefin Logistics", "2025-04-01 09:15", "2025-05-02 10:00", "2025-05-02 10:00",
                                "2025-05-02 10:00"),
                        List.of("8802", "Globex pilot", "Appointment Scheduled", "Sales Pipeline", "", "2026-09-30", "2025-06-01 12:00",
                                "Lee Park (lee@northwind.example)", "5102", "Globex", "2025-06-01 12:00", "", "", "2025-06-01 12:00"),
                        List.of("8803", "Orphan deal", "Appointment Scheduled", "Sales Pipeline", "10", "", "2025-06-02 12:00",
                                "Pat Unknown", "", "", "", "", "", ""),
                        List.of("8804", "Direct mail", "Appointment Scheduled", "Sales Pipeline", "10", "", "2025-06-03 12:00",
                                "dana@northwind.example", "", "", "", "", "", "")));
        imports = new Imports(root, "hubspot").with("layout", "hubspot").with("currency", "EUR");
    }

    @Test
    void ownersBecomeActiveUsersNamedByFirstAndLastName() throws Exception {
        List<User> users = Imports.records(imports.read("users"), User.class);

        assertThat(users).extracting(User::name).containsExactly("Sam Okafor", "Dana Reyes", "Lee Park");
        assertThat(users).allMatch(User::active);
        assertThat(users.get(1).source()).isEqualTo(new SourceRef(Imports.INTEGRATION, "users", "9002"));
    }

    @Test
    void managersAreFoundByEmailOrName() throws Exception {
        List<ReportingLine> lines = Imports.records(imports.read("reporting-lines"), ReportingLine.class);

        assertThat(lines).extracting(line -> line.user().value()).containsExactly(userId("9002"), userId("9003"));
        assertThat(lines).extracting(line -> line.manager().value()).containsOnly(userId("9001"));
        assertThat(lines).extracting(ReportingLine::validFrom).containsOnly(LocalDate.EPOCH); // the export has no creation date
    }

    @Test
    void dealOwnersNamedByNameByNameAndAddressOrByEmailAreTheirUsersIds() throws Exception {
        RecordingSink read = imports.read("opportunities");
        List<Opportunity> deals = Imports.records(read, Opportunity.class);

        assertThat(deals).extracting(deal -> deal.source().sourceId()).containsExactly("8801", "8802", "8804");
        assertThat(deals).extracting(deal -> deal.owner().value()).containsExactly(userId("9002"), userId("9003"), userId("9002"));
        assertThat(read.rejections()).singleElement().satisfies(rejected -> {
            assertThat(rejected.location()).isEqualTo("deals.csv row 4");
            assertThat(rejected.reason()).isEqualTo("column Deal owner names no user of owners.csv").doesNotContain("Pat");
        });
    }

    @Test
    void dealsTakeStatusFromTheStageAndHistoryFromTheDateEnteredColumns() throws Exception {
        List<Opportunity> deals = Imports.records(imports.read("opportunities"), Opportunity.class);

        Opportunity won = deals.get(0);
        assertThat(won.status()).isEqualTo(OpportunityStatus.WON);
        assertThat(won.amount().amount()).isEqualByComparingTo(new BigDecimal("48000"));
        assertThat(won.amount().currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(won.closeDate()).isEqualTo(LocalDate.parse("2026-06-30"));
        assertThat(won.createdAt()).isEqualTo(Instant.parse("2025-04-01T09:15:00Z"));
        assertThat(won.account().value()).isEqualTo(accountId("5101"));
        assertThat(won.stageHistory()).containsExactly(
                new StageChange("Appointment Scheduled", Instant.parse("2025-04-01T09:15:00Z"), null),
                new StageChange("Closed Won", Instant.parse("2025-05-02T10:00:00Z"), null));
        Opportunity open = deals.get(1);
        assertThat(open.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(open.amount()).isNull();
        assertThat(open.stageHistory()).extracting(StageChange::stage).containsExactly("Appointment Scheduled");
    }

    @Test
    void companiesTakeTheirDomainAndKeepAnUnknownOwnerAsNone() throws Exception {
        RecordingSink read = imports.read("accounts");
        List<Account> companies = Imports.records(read, Account.class);

        assertThat(companies).extracting(Account::domains).containsExactly(Set.of("bluefin-logistics.example"), Set.of("globex.example"));
        assertThat(companies.get(0).owner().value()).isEqualTo(userId("9002"));
        assertThat(companies.get(1).owner()).isNull();
        assertThat(read.rejections()).isEmpty();
    }

    @Test
    void contactsBelongToTheFirstAssociatedCompany() throws Exception {
        List<Contact> contacts = Imports.records(imports.read("contacts"), Contact.class);

        assertThat(contacts).extracting(contact -> contact.account().value()).containsExactly(accountId("5101"), accountId("5102"));
        assertThat(contacts.get(0).title()).isEqualTo("CFO");
        assertThat(contacts.get(0).phone()).isEqualTo("+1 555 0100");
        assertThat(contacts.get(1).name()).isEqualTo("Ben");
    }

    @Test
    void aNameTwoOwnersShareIsNoOwner() throws Exception {
        Csv.write(root.resolve("hubspot"), "owners.csv", List.of("User ID", "First Name", "Last Name", "Email"),
                List.of(List.of("9002", "Dana", "Reyes", "dana@northwind.example"),
                        List.of("9004", "Dana", "Reyes", "dana.r@northwind.example"),
                        List.of("9003", "Lee", "Park", "lee@northwind.example")));

        RecordingSink read = imports.read("opportunities");

        assertThat(Imports.records(read, Opportunity.class)).extracting(deal -> deal.source().sourceId())
                .containsExactly("8802", "8804");
        assertThat(read.rejections()).extracting(RecordingSink.Rejected::location).containsExactly("deals.csv row 2", "deals.csv row 4");
    }

    private static String userId(String rowId) {
        return new SourceRef(Imports.INTEGRATION, "users", rowId).entityId();
    }

    private static String accountId(String rowId) {
        return new SourceRef(Imports.INTEGRATION, "accounts", rowId).entityId();
    }
}
