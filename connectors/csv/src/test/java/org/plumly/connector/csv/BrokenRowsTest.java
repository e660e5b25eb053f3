package org.plumly.connector.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumly.api.Contact;
import org.plumly.api.Opportunity;
import org.plumly.api.User;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.StreamState;
import org.plumly.connector.testkit.RecordingSink;
import org.plumly.connector.testkit.RecordingSink.Rejected;

/** A broken row is rejected where a person finds it, for a reason without its values, and the others are imported. */
class BrokenRowsTest {
    private static final String HEADER = String.join(",", SalesforceExport.OPPORTUNITY) + "\n";
    private static final String REP = SalesforceExport.REP;

    @TempDir
    Path root;
    Imports imports;
    Path folder;

    @BeforeEach
    void writeExport() {
        imports = Imports.salesforceExport(root, 1);
        folder = imports.folder();
    }

    @Test
    void eachBrokenRowIsRejectedWithItsRowNumberAndTheOthersAreImported() throws Exception {
        Csv.writeText(folder, "Opportunity.csv", HEADER
                + deal("006000000000000001", "Good one", "2026-06-30", "100.00", "USD", "false") // row 2
                + "006000000000000002,Too short," + REP + "\n" // row 3
                + deal("006000000000000003", "Bad date", "30/06/2026", "100.00", "USD", "false") // row 4
                + deal("006000000000000004", "Bad amount", "2026-06-30", "\"48,000\"", "USD", "false") // row 5
                + deal("006000000000000005", "", "2026-06-30", "1", "USD", "false") // row 6: no name
                + deal("006000000000000006", "\"Two\nlines\"", "2026-06-30", "1", "USD", "false") // row 7, over two lines
                + deal("006000000000000007", "Bad currency", "2026-06-30", "1", "EURO", "false") // row 8
                + deal("006000000000000008", "Bad flag", "2026-06-30", "1", "USD", "maybe") // row 9
                + "\n" // row 10: an empty line
                + deal("006000000000000010", "Last good one", "2026-06-30", "-5", "USD", "false")); // row 11: negative

        RecordingSink read = imports.read("opportunities");

        assertThat(Imports.records(read, Opportunity.class)).extracting(Opportunity::name).containsExactly("Good one", "Two\nlines");
        assertThat(read.rejections()).containsExactly(
                new Rejected("Opportunity.csv row 3", "the row has 3 columns, the header 12"),
                new Rejected("Opportunity.csv row 4", "column CloseDate is not a date (yyyy-MM-dd, with a time or not)"),
                new Rejected("Opportunity.csv row 5", "column Amount is not a plain decimal number"),
                new Rejected("Opportunity.csv row 6", "column Name is empty"),
                new Rejected("Opportunity.csv row 8", "column CurrencyIsoCode is not an ISO 4217 currency code"),
                new Rejected("Opportunity.csv row 9", "column IsClosed is not true or false"),
                new Rejected("Opportunity.csv row 11", "column Amount is negative"));
        assertThat(read.endsWithCheckpoint()).isTrue();
    }

    @Test
    void reasonsNameTheColumnButNeverTheValue() throws Exception {
        Csv.write(folder, "Contact.csv", SalesforceExport.CONTACT, List.of(
                List.of("003000000000000001", "", "Ada", "Quinn", "ada.quinn(at)bluefin.example", "", ""),
                List.of("003000000000000002", "", "", "", "ben@globex.example", "", ""),
                List.of("003000000000000003", "", "Cy", "Doe", "cy@initech.example", "", "")));
        Csv.write(folder, "User.csv", SalesforceExport.USER, List.of(
                List.of(SalesforceExport.HEAD, "Sam Okafor", "", "", "true", "", "2024-01-08T09:00:00.000Z"),
                List.of(REP, "Dana Reyes", "dana@northwind.example", REP, "true", "", "2025-03-17T08:30:00.000Z")));

        RecordingSink contacts = imports.read("contacts");
        RecordingSink users = imports.read("users");
        RecordingSink lines = imports.read("reporting-lines");

        assertThat(Imports.records(contacts, Contact.class)).extracting(Contact::name).containsExactly("Cy Doe");
        assertThat(contacts.rejections()).containsExactly(
                new Rejected("Contact.csv row 2", "column Email is not an e-mail address"),
                new Rejected("Contact.csv row 3", "the name columns are empty"));
        assertThat(Imports.records(users, User.class)).extracting(User::name).containsExactly("Dana Reyes");
        assertThat(users.rejections()).containsExactly(new Rejected("User.csv row 2", "column Email is empty"));
        assertThat(lines.records()).isEmpty();
        assertThat(lines.rejections()).containsExactly(new Rejected("User.csv row 3", "column ManagerId names the user as their own manager"));
        for (RecordingSink read : List.of(contacts, users, lines)) {
            assertThat(read.rejections()).extracting(Rejected::reason)
                    .noneMatch(reason -> reason.contains("@") || reason.contains("Ada") || reason.contains("Dana") || reason.contains("Sam"));
        }
    }

    @Test
    void aMissingFileIsAMisconfigurationNamingIt() throws Exception {
        Files.delete(folder.resolve("Contact.csv"));

        assertThatThrownBy(() -> imports.read("contacts")).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(ConnectorException.Kind.MISCONFIGURED);
            assertThat(e.getMessage()).contains("Contact.csv", "'crm'", "mapping.contacts.file");
        });
        assertThat(imports.read("accounts").records()).hasSize(3);
    }

    @Test
    void aMissingHistoryFileFailsTheOpportunitiesNotTheOtherStreams() throws Exception {
        Files.delete(folder.resolve("OpportunityHistory.csv"));

        assertThatThrownBy(() -> imports.read("opportunities")).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.getMessage()).contains("OpportunityHistory.csv"));
        assertThat(imports.read("users").records()).hasSize(3);
    }

    @Test
    void aFileWithoutARequiredColumnIsAMisconfigurationNamingTheColumnAndItsSetting() {
        Csv.writeText(folder, "Opportunity.csv", HEADER.replace("StageName", "Stage") + deal("006000000000000001", "A", "", "", "", "false"));

        assertThatThrownBy(() -> imports.read("opportunities")).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(ConnectorException.Kind.MISCONFIGURED);
            assertThat(e.getMessage()).isEqualTo("Opportunity.csv has no column 'StageName' (current stage); "
                    + "if another column holds it, name that column in setting mapping.opportunities.stage");
        });
    }

    @Test
    void aFileWithoutAnOptionalColumnLeavesItsValueEmpty() throws Exception {
        Csv.write(folder, "Contact.csv", List.of("Id", "AccountId", "FirstName", "LastName", "Email"),
                List.of(List.of("003000000000000001", SalesforceExport.BLUEFIN, "Ada", "Quinn", "ada@bluefin.example")));

        Contact ada = Imports.records(imports.read("contacts"), Contact.class).get(0);

        assertThat(ada.phone()).isNull();
        assertThat(ada.title()).isNull();
        assertThat(ada.emails()).containsExactly("ada@bluefin.example");
    }

    @Test
    void aBrokenQuoteStopsTheFileAtItsRowAfterTheRowsBeforeIt() {
        Csv.writeText(folder, "Opportunity.csv", HEADER
                + deal("006000000000000001", "Good one", "2026-06-30", "1", "USD", "false")
                + deal("006000000000000002", "\"Unclosed, quote", "2026-06-30", "1", "USD", "false")
                + deal("006000000000000003", "Never read", "2026-06-30", "1", "USD", "false"));
        RecordingSink sink = new RecordingSink();

        assertThatThrownBy(() -> imports.read(StreamState.initial("opportunities"), sink))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ConnectorException.Kind.MISCONFIGURED);
                    assertThat(e.getMessage()).startsWith("Opportunity.csv row 3: a quoted value is not closed");
                });
        assertThat(Imports.records(sink, Opportunity.class)).extracting(Opportunity::name).containsExactly("Good one");
        assertThat(sink.endsWithCheckpoint()).as("the row before the broken one is delivered").isTrue();
        assertThat(sink.lastCheckpoint().orElseThrow().cursor()).containsEntry("rows", "1").containsEntry("complete", "false");
    }

    /** A line of Opportunity.csv; {@code name} and {@code amount} go in as they are, quoted or not. */
    private static String deal(String id, String name, String closeDate, String amount, String currency, String closed) {
        return String.join(",", id, name, SalesforceExport.BLUEFIN, REP, "Prospecting", amount, currency, closeDate,
                "2025-01-01T09:00:00.000Z", closed, "false", "2025-01-02T09:00:00.000Z") + "\n";
    }
}
