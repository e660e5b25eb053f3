package org.plumly.connector.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumly.api.Account;
import org.plumly.api.Opportunity;
import org.plumly.api.StageChange;
import org.plumly.api.connector.ConnectorException;
import org.plumly.connector.testkit.RecordingSink;
import org.plumly.connector.testkit.RecordingSink.Rejected;

/** Files as spreadsheets and CRMs write them: a byte-order mark, quoted commas, quotes and line breaks, any line ends. */
class CsvFormatTest {
    private static final String OWNER = SalesforceExport.REP;

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
    void aByteOrderMarkIsNotPartOfTheFirstHeader() throws Exception {
        Csv.writeText(folder, "Account.csv", "\uFEFFId,Name,Website,OwnerId\r\n001000000000000001,Bluefin,bluefin.example," + OWNER + "\r\n");

        List<Account> accounts = Imports.records(imports.read("accounts"), Account.class);

        assertThat(accounts).extracting(account -> account.source().sourceId()).containsExactly("001000000000000001");
        assertThat(imports.check().passed()).isTrue();
    }

    @Test
    void quotedValuesKeepTheirCommasQuotesAndLineBreaks() throws Exception {
        Csv.writeText(folder, "Account.csv", "Id,Name,Website,OwnerId\n"
                + "001000000000000001,\"Globex \"\"West\"\", Inc.\r\nBranch office\",globex.example," + OWNER + "\n"
                + "001000000000000002,Initech,,\r\n"
                + "001000000000000003,\"Umbrella\nCorp\",umbrella.example,\n"
                + "001000000000000004,Broken,,,extra\n");

        RecordingSink read = imports.read("accounts");

        assertThat(Imports.records(read, Account.class)).extracting(Account::name)
                .containsExactly("Globex \"West\", Inc.\r\nBranch office", "Initech", "Umbrella\nCorp");
        assertThat(read.rejections()).as("rows are counted as records, whatever line breaks they hold")
                .containsExactly(new Rejected("Account.csv row 5", "the row has 5 columns, the header 4"));
    }

    @Test
    void headersAreFoundWhateverTheirCaseAndSurroundingSpaces() throws Exception {
        Csv.writeText(folder, "Account.csv", " id ,NAME, website ,ownerid\n001000000000000001,Bluefin,https://WWW.Bluefin.example/x," + OWNER + "\n");

        Account bluefin = Imports.records(imports.read("accounts"), Account.class).get(0);

        assertThat(bluefin.name()).isEqualTo("Bluefin");
        assertThat(bluefin.domains()).containsExactly("bluefin.example");
        assertThat(bluefin.owner()).isNotNull();
    }

    @Test
    void datesWithATimeZoneOffsetOrNoneAreRead() throws Exception {
        Csv.write(folder, "OpportunityHistory.csv", SalesforceExport.HISTORY, List.of(
                List.of("008000000000000001", SalesforceExport.opportunityId(1), "A", "", "2026-06-30", "2025-01-01T10:00:00.000+0100"),
                List.of("008000000000000002", SalesforceExport.opportunityId(1), "B", "", "2026-06-30 00:00", "2025-01-02 10:00"),
                List.of("008000000000000003", SalesforceExport.opportunityId(1), "C", "", "", "2025-01-03T10:00:00+02:00"),
                List.of("008000000000000004", SalesforceExport.opportunityId(1), "D", "", "", "2025-01-04")));

        List<StageChange> history = Imports.records(imports.read("opportunities"), Opportunity.class).get(0).stageHistory();

        assertThat(history).extracting(change -> change.enteredAt().toString())
                .containsExactly("2025-01-01T09:00:00Z", "2025-01-02T10:00:00Z", "2025-01-03T08:00:00Z", "2025-01-04T00:00:00Z");
        assertThat(history.get(1).closeDate()).hasToString("2026-06-30");
    }

    @Test
    void aFileThatIsNotUtf8IsAMisconfigurationNamingIt() throws Exception {
        Files.write(folder.resolve("Account.csv"), ("Id,Name,Website,OwnerId\n001000000000000001,Caf\u00e9 Ol\u00e9,,\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> imports.read("accounts")).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(ConnectorException.Kind.MISCONFIGURED);
            assertThat(e.getMessage()).isEqualTo("Account.csv near row 2 is not UTF-8 text; export it as UTF-8");
        });
    }

    @Test
    void anEmptyFileIsAMisconfigurationNamingIt() {
        Csv.writeText(folder, "Account.csv", "");

        assertThatThrownBy(() -> imports.read("accounts")).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.getMessage()).isEqualTo("Account.csv is empty: it needs a header row"));
    }

    @Test
    void aFileWithOnlyItsHeaderHasNoRecordsAndIsReadInFull() throws Exception {
        Csv.writeText(folder, "Account.csv", "Id,Name,Website,OwnerId\n");

        RecordingSink read = imports.read("accounts");

        assertThat(read.records()).isEmpty();
        assertThat(read.lastCheckpoint().orElseThrow().cursor()).containsEntry("complete", "true").containsEntry("rows", "0");
    }
}
