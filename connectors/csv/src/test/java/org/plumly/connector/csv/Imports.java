package org.plumly.connector.csv;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.plumly.api.TenantId;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.StreamState;
import org.plumly.connector.testkit.RecordingEgress;
import org.plumly.connector.testkit.RecordingSink;
import org.plumly.connector.testkit.TestConnectorContext;

/** An import folder and the settings of an integration that reads it, as the hub would call the connector. */
final class Imports {
    static final TenantId TENANT = TenantId.of("acme");
    static final String INTEGRATION = "acme-crm";

    private final Path root;
    private final Map<String, String> settings = new HashMap<>();

    Imports(Path root, String folder) {
        this.root = root;
        settings.put("folder", folder);
    }

    /** A {@link SalesforceExport} with {@code opportunities} in folder {@code crm} of {@code root}, and settings that read it. */
    static Imports salesforceExport(Path root, int opportunities) {
        SalesforceExport.write(root.resolve("crm"), opportunities);
        return new Imports(root, "crm");
    }

    /** The folder of the export, to change its files. */
    Path folder() {
        return root.resolve(settings.get("folder"));
    }

    /** These imports with one more setting. */
    Imports with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    TestConnectorContext context() {
        CsvConnector connector = new CsvConnector();
        ConnectorSpec spec = connector.spec();
        ConnectorConfig config = new ConnectorConfig(TENANT, INTEGRATION, spec.withDefaults(settings), spec.secretKeys());
        return new TestConnectorContext(config, new RecordingEgress(spec, config)).withFiles(root);
    }

    /** A full read of {@code stream}. */
    RecordingSink read(String stream) throws ConnectorException {
        return read(StreamState.initial(stream));
    }

    /** A read of a stream from {@code state}. */
    RecordingSink read(StreamState state) throws ConnectorException {
        return read(state, new RecordingSink());
    }

    RecordingSink read(StreamState state, RecordingSink sink) throws ConnectorException {
        new CsvConnector().read(context(), state, sink);
        return sink;
    }

    CheckResult check() {
        return new CsvConnector().check(context());
    }

    /** The records of a read of the given type, in order. */
    static <T> List<T> records(RecordingSink sink, Class<T> type) {
        return sink.records().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
