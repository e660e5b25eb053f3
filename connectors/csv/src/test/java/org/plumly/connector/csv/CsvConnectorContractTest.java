package org.plumly.connector.csv;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.connector.testkit.ConnectorContractTest;

/** Certifies the CSV connector with the test kit, on a Salesforce export of more than two batches of opportunities. */
class CsvConnectorContractTest extends ConnectorContractTest {
    @TempDir
    Path imports;

    @BeforeEach
    void writeExport() {
        SalesforceExport.write(imports.resolve("crm"), 2 * BatchedRead.BATCH + 200);
    }

    @Override
    protected Path importFolder() {
        return imports;
    }

    @Override
    protected Connector newConnector() {
        return new CsvConnector();
    }

    @Override
    protected Map<String, String> workingSettings() {
        return Map.of("folder", "crm");
    }

    @Override
    protected Map<String, String> badCredentialSettings() {
        return Map.of("folder", "no-such-export");
    }

    @Override
    protected Set<String> changeSource(StreamDescriptor stream) {
        throw new UnsupportedOperationException("every stream of an export is a full refresh: the kit changes none");
    }
}
