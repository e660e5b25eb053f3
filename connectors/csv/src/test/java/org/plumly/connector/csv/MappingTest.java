package org.plumly.connector.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumly.api.Opportunity;
import org.plumly.api.OpportunityStatus;
import org.plumly.api.User;
import org.plumly.api.connector.ConfigField;
import org.plumly.api.connector.ConnectorException;

/** {@code mapping.<file>.<field>} reads a field from another column, {@code mapping.<file>.file} another file. */
class MappingTest {
    @TempDir
    Path root;
    Imports imports;
    Path folder;

    @BeforeEach
    void writeExport() {
        imports = Imports.salesforceExport(root, 2);
        folder = imports.folder();
    }

    @Test
    void aMappedColumnReplacesTheLayoutsColumn() throws Exception {
        Csv.write(folder, "Opportunity.csv", List.of("Id", "Name", "OwnerId", "StageName", "Phase", "Opened", "CreatedDate"),
                List.of(List.of("006000000000000001", "Renewal", SalesforceExport.REP, "Ignored", "Closed Won", "2025-02-01",
                        "not a date, and not read")));

        Opportunity renewal = Imports.records(imports.with("mapping.opportunities.stage", "Phase")
                .with("mapping.opportunities.createdAt", "opened").read("opportunities"), Opportunity.class).get(0);

        assertThat(renewal.stage()).isEqualTo("Closed Won");
        assertThat(renewal.status()).as("without IsClosed and IsWon, the stage's name tells").isEqualTo(OpportunityStatus.WON);
        assertThat(renewal.createdAt()).hasToString("2025-02-01T00:00:00Z");
    }

    @Test
    void aMappedFileNameReplacesTheLayoutsFileName() throws Exception {
        Csv.write(folder, "hubspot-crm-exports-all-users-2026-11-25.csv", List.of("User ID", "Full Name", "Email"),
                List.of(List.of("9001", "Sam Okafor", "sam@northwind.example")));

        List<User> users = Imports.records(imports.with("layout", "hubspot")
                .with("mapping.users.file", "hubspot-crm-exports-all-users-2026-11-25.csv")
                .with("mapping.users.name", "Full Name").read("users"), User.class);

        assertThat(users).extracting(User::name).containsExactly("Sam Okafor");
    }

    @Test
    void aMappingToAColumnTheFileLacksIsAMisconfigurationNamingBoth() {
        imports.with("mapping.contacts.phone", "Mobile");

        assertThatThrownBy(() -> imports.read("contacts")).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(ConnectorException.Kind.MISCONFIGURED);
            assertThat(e.getMessage()).isEqualTo("Contact.csv has no column 'Mobile', which setting mapping.contacts.phone names");
        });
        assertThat(imports.check().reason()).contains("'Mobile'", "mapping.contacts.phone");
    }

    @Test
    void theSpecOffersEveryMappingWithTheColumnsOfBothLayouts() {
        Map<String, ConfigField> fields = new CsvConnector().spec().fields().stream()
                .collect(Collectors.toMap(ConfigField::key, Function.identity()));

        assertThat(fields.get("mapping.opportunities.stage").label()).contains("salesforce: 'StageName'", "hubspot: 'Deal Stage'");
        assertThat(fields.get("mapping.opportunities.history.createdAt").label()).contains("salesforce: 'CreatedDate'", "hubspot: none");
        assertThat(fields.get("mapping.users.file").label()).contains("'User.csv'", "'owners.csv'");
        assertThat(fields.keySet()).containsAll(ExportSettings.mappingSettings());
        assertThat(fields.get("folder").required()).isTrue();
        assertThat(fields.get("layout").defaultValue()).isEqualTo("salesforce");
        assertThat(fields.get("currency").defaultValue()).isEqualTo("USD");
        assertThat(fields.values()).noneMatch(ConfigField::secret);
    }

    @Test
    void anUnknownLayoutOrCurrencyIsAMisconfiguration() {
        assertThatThrownBy(() -> new Imports(root, "crm").with("layout", "pipedrive").read("users"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.getMessage()).contains("salesforce or hubspot"));
        assertThatThrownBy(() -> new Imports(root, "crm").with("currency", "dollars").read("users"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.getMessage()).contains("ISO 4217"));
    }
}
