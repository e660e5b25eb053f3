package org.plumly.connector.ical;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.plumly.api.Activity;
import org.plumly.api.TenantId;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.StreamState;
import org.plumly.connector.testkit.RecordingEgress;
import org.plumly.connector.testkit.RecordingSink;
import org.plumly.connector.testkit.TestConnectorContext;

/** Runs the connector as the sync engine would, with the test kit's context, egress and sink. */
final class Runs {
    static final TenantId TENANT = TenantId.of("northwind");
    static final String INTEGRATION = "dana-calendar";

    private final Map<String, String> settings;
    private final Path importFolder;

    Runs(Map<String, String> settings, Path importFolder) {
        this.settings = settings;
        this.importFolder = importFolder;
    }

    static Runs of(Map<String, String> settings) {
        return new Runs(settings, null);
    }

    Runs withFiles(Path folder) {
        return new Runs(settings, folder);
    }

    static IcalConnector connector(Instant now) {
        return new IcalConnector(Clock.fixed(now, ZoneOffset.UTC));
    }

    TestConnectorContext context(IcalConnector connector) {
        ConnectorSpec spec = connector.spec();
        ConnectorConfig config = new ConnectorConfig(TENANT, INTEGRATION, spec.withDefaults(settings), spec.secretKeys());
        TestConnectorContext context = new TestConnectorContext(config, new RecordingEgress(spec, config));
        return importFolder == null ? context : context.withFiles(importFolder);
    }

    RecordingSink read(StreamState state) throws ConnectorException {
        return read(Ics.NOW, state);
    }

    RecordingSink read(Instant now, StreamState state) throws ConnectorException {
        IcalConnector connector = connector(now);
        RecordingSink sink = new RecordingSink();
        connector.read(context(connector), state, sink);
        return sink;
    }

    RecordingSink readAll() throws ConnectorException {
        return read(StreamState.initial(IcalConnector.EVENTS));
    }

    static List<Activity> meetings(RecordingSink sink) {
        return sink.records().stream().map(Activity.class::cast).toList();
    }

    static Activity meeting(RecordingSink sink, String sourceId) {
        return only(sink, activity -> activity.source().sourceId().equals(sourceId));
    }

    static Activity only(RecordingSink sink, Predicate<Activity> which) {
        List<Activity> found = meetings(sink).stream().filter(which).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one such meeting, found " + found.size() + " among "
                    + meetings(sink).stream().map(a -> a.source().sourceId()).toList());
        }
        return Objects.requireNonNull(found.get(0));
    }

    static List<String> sourceIds(RecordingSink sink) {
        return meetings(sink).stream().map(activity -> activity.source().sourceId()).toList();
    }
}
