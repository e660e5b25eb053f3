package org.plumly.connector.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumly.api.connector.CheckResult;

/** {@code check} passes only for a folder that holds the layout's files with their columns, and never throws. */
class CheckTest {
    @TempDir
    Path root;
    Path folder;

    @BeforeEach
    void writeExport() {
        folder = root.resolve("crm");
        SalesforceExport.write(folder, 2);
    }

    @Test
    void aCompleteExportPasses() {
        assertThat(new Imports(root, "crm").check()).isEqualTo(CheckResult.ok());
    }

    @Test
    void aFolderThatIsNotThereFails() {
        assertThat(new Imports(root, "exports/2026").check().reason()).isEqualTo("no folder 'exports/2026' in the import folder");
    }

    @Test
    void aFolderOutsideTheImportFolderFails() {
        CheckResult result = new Imports(root.resolve("crm"), "..").check();

        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).contains("not within the import folder");
    }

    @Test
    void aMissingFileFailsNamingIt() throws Exception {
        Files.delete(folder.resolve("OpportunityHistory.csv"));

        assertThat(new Imports(root, "crm").check().reason()).startsWith("folder 'crm' holds no OpportunityHistory.csv");
    }

    @Test
    void aMissingColumnFailsNamingIt() {
        Csv.writeText(folder, "User.csv", "Id,Name,ManagerId\n");

        assertThat(new Imports(root, "crm").check().reason()).startsWith("User.csv has no column 'Email'");
    }

    @Test
    void aFileWithoutAnyColumnOfTheNameFailsNamingThem() {
        Csv.writeText(folder, "Contact.csv", "Id,AccountId,Email\n");

        assertThat(new Imports(root, "crm").check().reason()).isEqualTo("Contact.csv has no column of the name: 'Name', 'FirstName', "
                + "'LastName'; name the column that holds it in setting mapping.contacts.name");
    }

    @Test
    void theHubSpotLayoutWantsItsOwnFiles() {
        assertThat(new Imports(root, "crm").with("layout", "hubspot").check().reason()).startsWith("folder 'crm' holds no owners.csv");
    }

    @Test
    void aFileThatCannotBeParsedFailsWithoutThrowing() throws Exception {
        Files.write(folder.resolve("Contact.csv"), new byte[] {'I', 'd', ',', (byte) 0xC3, (byte) 0x28, '\n'});

        assertThat(new Imports(root, "crm").check().reason()).contains("Contact.csv", "not UTF-8");
    }
}
