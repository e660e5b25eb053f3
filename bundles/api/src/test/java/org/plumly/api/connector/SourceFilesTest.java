package org.plumly.api.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFilesTest {
    @TempDir
    Path imports;
    private Path acme;
    private SourceFiles files;

    @BeforeEach
    void twoTenants() throws IOException {
        acme = Files.createDirectories(imports.resolve("acme"));
        Files.createDirectories(acme.resolve("crm/nested"));
        Files.writeString(acme.resolve("crm/User.csv"), "Id,Name\n");
        Files.writeString(acme.resolve("crm/Account.csv"), "Id,Name\nA1,Acme\n");
        Files.createDirectories(imports.resolve("globex"));
        Files.writeString(imports.resolve("globex/secret.csv"), "globex data");
        files = SourceFiles.in(acme);
    }

    @Test
    void listsTheFilesOfAFolderByNameAndOpensThem() throws Exception {
        assertThat(files.list("crm")).extracting(SourceFiles.SourceFile::path)
                .containsExactly("crm/Account.csv", "crm/User.csv");
        assertThat(files.list("crm").get(0).name()).isEqualTo("Account.csv");
        assertThat(files.list("crm").get(0).size()).isEqualTo(16);
        try (InputStream in = files.open("crm/Account.csv")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("A1,Acme");
        }
        assertThat(files.exists("crm/User.csv")).isTrue();
        assertThat(files.exists("crm/nested")).isFalse();
    }

    @Test
    void anotherTenantsFilesAndTheHubsOwnAreOutOfReach() throws Exception {
        assertThatThrownBy(() -> files.open("../globex/secret.csv"))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("not within the import folder");
        assertThatThrownBy(() -> files.list("crm/../.."))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("not within the import folder");
        assertThatThrownBy(() -> files.open(imports.resolve("globex/secret.csv").toString()))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("not within the import folder");
        assertThat(files.exists("../globex/secret.csv")).isFalse();

        Files.createSymbolicLink(acme.resolve("crm/linked.csv"), imports.resolve("globex/secret.csv"));
        Files.createSymbolicLink(acme.resolve("elsewhere"), imports.resolve("globex"));
        assertThatThrownBy(() -> files.open("crm/linked.csv"))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("links out of the import folder");
        assertThatThrownBy(() -> files.list("elsewhere"))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("links out of the import folder");
        assertThat(files.list("crm")).extracting(SourceFiles.SourceFile::name).doesNotContain("linked.csv");
    }

    @Test
    void aMissingFileOrFolderIsAConfigurationError() {
        assertThatThrownBy(() -> files.open("crm/Opportunity.csv"))
                .isInstanceOf(ConnectorException.class)
                .satisfies(e -> assertThat(((ConnectorException) e).kind()).isEqualTo(ConnectorException.Kind.MISCONFIGURED))
                .hasMessageContaining("no file 'crm/Opportunity.csv'");
        assertThatThrownBy(() -> files.list("hubspot"))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("no folder 'hubspot'");
    }
}
