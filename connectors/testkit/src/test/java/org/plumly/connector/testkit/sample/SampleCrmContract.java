package org.plumly.connector.testkit.sample;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.connector.testkit.ConnectorContractTest;

/** The kit against {@link SampleCrm}; subclasses choose the connector, sound or broken. */
abstract class SampleCrmContract extends ConnectorContractTest {
    static final String API_KEY = "sample-key-7f3a9c";

    SampleCrm crm;

    @BeforeEach
    void startCrm() throws IOException {
        crm = SampleCrm.start(API_KEY);
    }

    @AfterEach
    void stopCrm() {
        crm.stop();
    }

    @Override
    protected Connector newConnector() {
        return new SampleContactsConnector();
    }

    @Override
    protected Map<String, String> workingSettings() {
        return Map.of("baseUrl", crm.url(), "apiKey", API_KEY);
    }

    @Override
    protected Map<String, String> badCredentialSettings() {
        return Map.of("baseUrl", crm.url(), "apiKey", "wrong-key-0000");
    }

    @Override
    protected Set<String> changeSource(StreamDescriptor stream) {
        return Set.of(crm.put("c-2", "Dana Ruiz-Okafor"), crm.put("c-6", "Mo Jensen"));
    }
}
