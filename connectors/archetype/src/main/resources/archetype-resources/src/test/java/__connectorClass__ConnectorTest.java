package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.api.connector.StreamState;
import org.plumly.connector.testkit.ConnectorContractTest;
import org.plumly.connector.testkit.RecordingSink;

/** Certifies the connector with the Plumly test kit against a local {@link ${connectorClass}Api}. */
class ${connectorClass}ConnectorTest extends ConnectorContractTest {
    private static final String API_KEY = "test-key-5d41402a";

    private ${connectorClass}Api api;

    @BeforeEach
    void startApi() throws IOException {
        api = ${connectorClass}Api.start(API_KEY);
    }

    @AfterEach
    void stopApi() {
        api.stop();
    }

    @Override
    protected Connector newConnector() {
        return new ${connectorClass}Connector();
    }

    @Override
    protected Map<String, String> workingSettings() {
        return Map.of("baseUrl", api.url(), "apiKey", API_KEY);
    }

    @Override
    protected Map<String, String> badCredentialSettings() {
        return Map.of("baseUrl", api.url(), "apiKey", "revoked-key-0000");
    }

    @Override
    protected Set<String> changeSource(StreamDescriptor stream) {
        return Set.of(api.put("c-2", "Dana Ruiz-Okafor", "dana@globex.example"),
                api.put("c-6", "Mo Jensen", "mo@globex.example"));
    }

    // Tests of the connector's own behaviour sit beside the kit's, with its sink and context.

    @Test
    void contactsKeepTheirEmailAddress() throws Exception {
        Connector connector = newConnector();
        RecordingSink sink = new RecordingSink();
        connector.read(context(connector, workingSettings(), null), StreamState.initial(${connectorClass}Connector.CONTACTS), sink);
        assertThat(sink.records()).hasSize(5).first().hasFieldOrPropertyWithValue("emails", List.of("lee@globex.example"));
    }
}
