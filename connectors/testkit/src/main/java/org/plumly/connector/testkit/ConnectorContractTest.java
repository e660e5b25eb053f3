package org.plumly.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.plumly.api.Account;
import org.plumly.api.Activity;
import org.plumly.api.Contact;
import org.plumly.api.CustomerRecord;
import org.plumly.api.Opportunity;
import org.plumly.api.SourceRef;
import org.plumly.api.SourcedRecord;
import org.plumly.api.TenantId;
import org.plumly.api.User;
import org.plumly.api.connector.AuthorizationKind;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.ConfigField;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.RecordKind;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.api.connector.StreamState;

/**
 * The certification suite of a Plumly connector: extend it beside the connector, once per connector,
 * and it checks the rules every connector keeps.
 *
 * <ul>
 *   <li>the spec is valid: a name, labelled fields, every field whose key looks like a password, secret,
 *       token or API key marked secret, OAuth2 endpoints exactly for {@link AuthorizationKind#OAUTH2};</li>
 *   <li>{@code check} passes with working settings and fails cleanly with bad credentials: no exception,
 *       a reason that does not repeat a secret;</li>
 *   <li>{@code discover} returns the same streams every time;</li>
 *   <li>a full read emits records of the integration's tenant and of the stream's kind, each with a
 *       {@link SourceRef} of this integration and stream (its id derived from it), and ends with a checkpoint;</li>
 *   <li>an incremental stream read again from the saved state returns only what changed, also by a new
 *       connector instance (a restart); a garbage, unknown or oversized state is refused with
 *       {@link ConnectorException.Kind#INVALID_STATE} (or {@code MISCONFIGURED}), never read from a guess;</li>
 *   <li>every call goes through the {@link org.plumly.api.connector.Egress} to a host the spec allows;</li>
 *   <li>a read asked to stop returns soon, without emitting more, and resumes from its last checkpoint
 *       without losing a record.</li>
 * </ul>
 *
 * <p>The subclass runs a source it controls (a local HTTP server, a temporary folder) for each test,
 * usually started in its own {@code @BeforeEach}. For the kit to tell an incremental read from a full
 * one, that source holds at least two records of every stream, modified at different times, and more
 * than one batch (page) of at least one stream.
 *
 * <pre>{@code
 * class AcmeCrmConnectorTest extends ConnectorContractTest {
 *     private AcmeCrmApi api;                                 // a local HTTP server with a few contacts
 *
 *     @BeforeEach
 *     void startApi() throws IOException { api = AcmeCrmApi.start("the-key"); }
 *
 *     @AfterEach
 *     void stopApi() { api.stop(); }
 *
 *     protected Connector newConnector() { return new AcmeCrmConnector(); }
 *     protected Map<String, String> workingSettings() { return Map.of("baseUrl", api.url(), "apiKey", "the-key"); }
 *     protected Map<String, String> badCredentialSettings() { return Map.of("baseUrl", api.url(), "apiKey", "wrong"); }
 *     protected Set<String> changeSource(StreamDescriptor stream) { return Set.of(api.rename("c-2", "Lee Park-Kim")); }
 * }
 * }</pre>
 */
@Timeout(120)
public abstract class ConnectorContractTest {
    /** The tenant of the kit's integration: every record must carry it. */
    protected static final TenantId TENANT = TenantId.of("kit-tenant");
    /** The id of the kit's integration: the first part of every record's {@link SourceRef}. */
    protected static final String INTEGRATION = "kit-integration";

    private static final Pattern SECRET_LOOKING_KEY =
            Pattern.compile("(?i).*(password|passwd|passphrase|secret|token|api[-_.]?key|credential|private[-_.]?key).*");
    private static final Set<String> OAUTH2_OVERRIDES = Set.of("oauth2.authorizationUrl", "oauth2.tokenUrl");
    private static final String GARBAGE = "\u0000kit: not a cursor {%}";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final List<RecordingEgress> egresses = new ArrayList<>();
    private BypassRecorder bypasses;

    /** A new instance of the connector, as the OSGi runtime would make one; a new one on every call. */
    protected abstract Connector newConnector();

    /** Settings that work against the source this test controls, secrets included. */
    protected abstract Map<String, String> workingSettings();

    /**
     * The working settings with credentials the source refuses; for a connector without credentials (files),
     * settings its {@code check} refuses, such as a folder that is not there.
     */
    protected abstract Map<String, String> badCredentialSettings();

    /**
     * Changes the source between two reads of an incremental stream: adds or modifies at least one of
     * its records, modified after everything in it so far.
     *
     * @return the source ids of the records that changed
     */
    protected abstract Set<String> changeSource(StreamDescriptor stream) throws Exception;

    /** The access token an OAuth2 connector gets with the working settings; null (no grant) unless overridden. */
    protected String workingAccessToken() {
        return null;
    }

    /** The access token an OAuth2 connector gets with the bad credentials: one the source refuses. */
    protected String badAccessToken() {
        return workingAccessToken() == null ? null : "kit-revoked-token";
    }

    /**
     * The tenant's import folder for a connector that reads files ({@link org.plumly.api.connector.SourceFiles}),
     * usually a {@code @TempDir} the test fills; null (no files) unless overridden.
     */
    protected Path importFolder() {
        return null;
    }

    @BeforeEach
    final void watchForConnectionsAroundTheEgress() {
        bypasses = BypassRecorder.install();
    }

    @AfterEach
    final void stopWatching() {
        bypasses.close();
    }

    // --- the rules ---------------------------------------------------------------------------------

    @Test
    void specIsValidAndMarksItsSecrets() {
        Connector connector = newConnector();
        ConnectorSpec spec = connector.spec();
        assertThat(spec).as("spec()").isNotNull();
        assertThat(newConnector().spec()).as("spec of another instance: a spec is constant for a bundle version").isEqualTo(spec);
        assertThat(spec.name()).as("name of connector %s", spec.type()).isNotBlank();
        for (ConfigField field : spec.fields()) {
            assertThat(field.label()).as("label of setting %s", field.key()).isNotBlank();
            boolean address = field.type() == ConfigField.Type.URL || field.type() == ConfigField.Type.HOST;
            if (!address && SECRET_LOOKING_KEY.matcher(field.key()).matches()) {
                assertThat(field.secret()).as("setting %s looks like a credential: mark it secret", field.key()).isTrue();
            }
        }
        assertThat(spec.oauth2() != null)
                .as("connector %s has OAuth2 endpoints exactly when it is authorized by OAuth2 (it is %s)", spec.type(), spec.authorization())
                .isEqualTo(spec.authorization() == AuthorizationKind.OAUTH2);
        if (spec.authorization() != AuthorizationKind.OAUTH2) {
            assertThat(spec.scopes()).as("OAuth2 scopes of a connector authorized by %s", spec.authorization()).isEmpty();
        }
        if (spec.authorization() == AuthorizationKind.API_KEY) {
            assertThat(spec.secretKeys()).as("secret settings of an API_KEY connector: its key is one").isNotEmpty();
        }
        Set<String> keys = spec.fields().stream().map(ConfigField::key).collect(Collectors.toSet());
        for (Map<String, String> settings : List.of(workingSettings(), badCredentialSettings())) {
            assertThat(settings.keySet()).as("settings the test gives that the spec does not declare")
                    .allMatch(key -> keys.contains(key) || OAUTH2_OVERRIDES.contains(key));
        }
        spec.fields().stream().filter(ConfigField::required).forEach(field -> assertThat(workingSettings())
                .as("the working settings give the required setting %s", field.key()).containsKey(field.key()));
    }

    @Test
    void checkPassesWithWorkingSettings() {
        Connector connector = newConnector();
        CheckResult result = check(connector, workingSettings(), workingAccessToken());
        assertThat(result).as("check with the working settings").isNotNull();
        assertThat(result.passed()).as("check with the working settings passes; it said: %s", result.reason()).isTrue();
    }

    @Test
    void checkFailsCleanlyOnBadCredentials() {
        Connector connector = newConnector();
        CheckResult result = check(connector, badCredentialSettings(), badAccessToken());
        assertThat(result).as("check with bad credentials").isNotNull();
        assertThat(result.passed()).as("check with bad credentials passes").isFalse();
        assertThat(result.reason()).as("reason of a failed check").isNotBlank();
        assertNoSecretIn(connector, result.reason(), "the reason of a failed check");
    }

    @Test
    void discoverReturnsTheSameStreamsTwice() throws ConnectorException {
        Connector connector = newConnector();
        List<StreamDescriptor> first = streams(connector);
        assertThat(first).as("streams of connector %s", connector.spec().type()).isNotEmpty();
        assertThat(first.stream().map(StreamDescriptor::name)).as("stream names").doesNotHaveDuplicates();
        assertThat(streams(connector)).as("streams discovered a second time").isEqualTo(first);
        assertThat(streams(newConnector())).as("streams discovered by another instance").isEqualTo(first);
    }

    @Test
    void fullReadEmitsValidRecordsAndEndsWithACheckpoint() throws ConnectorException {
        Connector connector = newConnector();
        for (StreamDescriptor stream : streams(connector)) {
            RecordingSink full = readOrFail(connector, stream, StreamState.initial(stream.name()), "a full read");
            assertThat(full.records()).as("records of a full read of stream %s: the test source should hold some", stream.name())
                    .isNotEmpty();
            assertThat(full.rejections()).as("records of stream %s the connector rejected", stream.name()).isEmpty();
            for (CustomerRecord record : full.records()) {
                assertThat(record.tenant()).as("tenant of %s", record).isEqualTo(TENANT);
                assertThat(RecordKind.of(record).orElse(null)).as("kind of %s of stream %s", record, stream.name()).isEqualTo(stream.kind());
                SourceRef source = sourceOf(record);
                assertThat(source).as("source of %s", record).isNotNull();
                assertThat(source.integration()).as("integration of the source of %s", record).isEqualTo(INTEGRATION);
                assertThat(source.stream()).as("stream of the source of %s", record).isEqualTo(stream.name());
            }
            assertThat(full.endsWithCheckpoint()).as("a full read of stream %s ends with a checkpoint", stream.name()).isTrue();
            assertThat(full.checkpoints()).as("checkpoints of stream %s", stream.name())
                    .allMatch(state -> state.stream().equals(stream.name()));
        }
    }

    @Test
    void everyRecordCarriesItsSourceId() throws ConnectorException {
        Connector connector = newConnector();
        for (StreamDescriptor stream : streams(connector)) {
            RecordingSink full = readOrFail(connector, stream, StreamState.initial(stream.name()), "a full read");
            for (CustomerRecord record : full.records()) {
                SourceRef source = sourceOf(record);
                assertThat(source).as("the SourceRef of %s of stream %s", record, stream.name()).isNotNull();
                String id = idOf(record);
                if (id != null) {
                    assertThat(id).as("id of %s: derived from its source (SourceRef.entityId()) so a re-sync updates it", record)
                            .isEqualTo(source.entityId());
                }
            }
        }
    }

    @Test
    void secondReadReturnsOnlyWhatChanged() throws Exception {
        Connector connector = newConnector();
        for (StreamDescriptor stream : incrementalStreams(connector)) {
            RecordingSink full = readOrFail(connector, stream, StreamState.initial(stream.name()), "a full read");
            assertEnoughToTellIncrementalFromFull(stream, full);
            StreamState saved = savedState(stream, full);

            RecordingSink unchanged = readOrFail(connector, stream, saved, "the saved state, nothing changed");
            assertOnlyChanges("nothing changed", stream, unchanged, Set.of(), full);

            Set<String> changed = changeSource(stream);
            RecordingSink next = readOrFail(connector, stream, unchanged.lastCheckpoint().orElse(saved), "the saved state after a change");
            assertOnlyChanges("after changing " + changed, stream, next, changed, full);
        }
    }

    @Test
    void stateSurvivesARestart() throws Exception {
        for (StreamDescriptor stream : incrementalStreams(newConnector())) {
            Connector before = newConnector();
            RecordingSink full = readOrFail(before, stream, StreamState.initial(stream.name()), "a full read");
            assertEnoughToTellIncrementalFromFull(stream, full);
            StreamState saved = savedState(stream, full);
            StreamState stored = new StreamState(saved.stream(), new HashMap<>(saved.cursor())); // as the engine loads it

            Set<String> changed = changeSource(stream);
            Connector after = newConnector();
            assertThat(after).as("newConnector() makes a new instance every time").isNotSameAs(before);
            RecordingSink resumed = readOrFail(after, stream, stored, "the saved state, by a new instance");
            assertOnlyChanges("after a restart and changing " + changed, stream, resumed, changed, full);
        }
    }

    @Test
    void garbageStateIsRefusedAsInvalid() throws ConnectorException {
        Connector connector = newConnector();
        for (StreamDescriptor stream : incrementalStreams(connector)) {
            StreamState saved = savedState(stream, readOrFail(connector, stream, StreamState.initial(stream.name()), "a full read"));
            Map<String, String> garbage = new HashMap<>();
            saved.cursor().keySet().forEach(key -> garbage.put(key, GARBAGE));
            assertRefused(connector, stream, new StreamState(stream.name(), garbage), "a state whose values do not parse");
            assertRefused(connector, stream, new StreamState(stream.name(), Map.of("kit-unknown-key", "42")),
                    "a state of keys it never wrote");
        }
    }

    @Test
    void oversizedStateIsRefused() throws ConnectorException {
        Connector connector = newConnector();
        for (StreamDescriptor stream : incrementalStreams(connector)) {
            assertThatThrownBy(() -> new StreamState(stream.name(), Map.of("cursor", "x".repeat(StreamState.MAX_CHARS))))
                    .as("a state over StreamState.MAX_CHARS").isInstanceOf(IllegalArgumentException.class);
            StreamState saved = savedState(stream, readOrFail(connector, stream, StreamState.initial(stream.name()), "a full read"));
            assertRefused(connector, stream, paddedToTheLimit(saved),
                    "its own state padded to StreamState.MAX_CHARS characters, which no checkpoint of a cursor reaches");
        }
    }

    @Test
    void noCallLeavesTheDeclaredHosts() throws ConnectorException {
        Connector connector = newConnector();
        ConnectorSpec spec = connector.spec();
        checkWhateverItAnswers(connector, workingSettings(), workingAccessToken());
        checkWhateverItAnswers(connector, badCredentialSettings(), badAccessToken());
        List<String> failedReads = new ArrayList<>();
        for (StreamDescriptor stream : streams(connector)) {
            try {
                read(connector, stream, StreamState.initial(stream.name()), new RecordingSink());
            } catch (ConnectorException failed) {
                failedReads.add(stream.name() + ": " + failed.kind() + " " + failed.getMessage());
            }
        }
        assertThat(egresses.stream().flatMap(egress -> egress.refusedHosts().stream()).distinct())
                .as("hosts connector %s called that its spec does not allow (it allows %s and the hosts of its URL and HOST settings)",
                        spec.type(), spec.allowedHosts())
                .isEmpty();
        assertThat(bypasses.bypasses()).as("connections connector %s opened without its Egress", spec.type()).isEmpty();
        assertThat(failedReads).as("reads that failed").isEmpty();
    }

    @Test
    void readReturnsSoonOnceAStopIsRequested() throws ConnectorException {
        Connector connector = newConnector();
        boolean sawSeveralBatches = false;
        for (StreamDescriptor stream : streams(connector)) {
            StreamState initial = StreamState.initial(stream.name());
            RecordingSink full = readOrFail(connector, stream, initial, "a full read");
            if (full.checkpoints().size() < 2) {
                continue; // one batch: nothing to stop between
            }
            sawSeveralBatches = true;
            RecordingSink stopping = RecordingSink.stoppingAfterCheckpoints(1);
            try {
                assertTimeoutPreemptively(STOP_GRACE, () -> read(connector, stream, initial, stopping),
                        () -> "read of stream " + stream.name() + " still running " + STOP_GRACE + " after a stop was requested");
            } catch (CancellationException refused) {
                fail("read of stream %s went on after a stop was requested until the sink refused a record; "
                        + "return once RecordSink.stopRequested() says so", stream.name());
            }
            assertThat(stopping.stopWasSeen()).as("read of stream %s asked stopRequested() after its first batch", stream.name())
                    .isTrue();
            assertThat(stopping.refusedAfterStop()).as("records and checkpoints of stream %s after a stop was requested", stream.name())
                    .isZero();
            if (stream.incremental()) {
                RecordingSink rest = readOrFail(connector, stream, stopping.lastCheckpoint().orElseThrow(),
                        "the checkpoint of a stopped read");
                Set<String> delivered = sourceIds(Stream.concat(stopping.records().stream(), rest.records().stream()).toList());
                assertThat(delivered).as("records of stream %s read before the stop and after resuming from its checkpoint", stream.name())
                        .containsAll(sourceIds(full.records()));
            }
        }
        assertThat(sawSeveralBatches).as("the test source holds more than one batch (page) of some stream, so a read can stop early")
                .isTrue();
    }

    // --- how the kit calls the connector -------------------------------------------------------------

    /** A context for the kit's integration, with a {@link RecordingEgress} the kit watches. */
    protected final TestConnectorContext context(Connector connector, Map<String, String> settings, String accessToken) {
        ConnectorSpec spec = connector.spec();
        ConnectorConfig config = new ConnectorConfig(TENANT, INTEGRATION, spec.withDefaults(settings), spec.secretKeys());
        RecordingEgress egress = new RecordingEgress(spec, config);
        egresses.add(egress);
        TestConnectorContext context = new TestConnectorContext(config, egress, accessToken);
        Path files = importFolder();
        return files == null ? context : context.withFiles(files);
    }

    private CheckResult check(Connector connector, Map<String, String> settings, String accessToken) {
        TestConnectorContext context = context(connector, settings, accessToken);
        try {
            return watched(() -> connector.check(context));
        } catch (ConnectorException | RuntimeException thrown) {
            throw new AssertionError("check threw " + thrown + "; it returns CheckResult.failed instead", thrown);
        }
    }

    /** Only where the check calls: whether it throws is the business of the check rules. */
    private void checkWhateverItAnswers(Connector connector, Map<String, String> settings, String accessToken) {
        try {
            check(connector, settings, accessToken);
        } catch (AssertionError reportedByTheCheckRules) {
            // checkFailsCleanlyOnBadCredentials and checkPassesWithWorkingSettings report it
        }
    }

    private List<StreamDescriptor> streams(Connector connector) throws ConnectorException {
        TestConnectorContext context = context(connector, workingSettings(), workingAccessToken());
        return watched(() -> connector.discover(context));
    }

    private List<StreamDescriptor> incrementalStreams(Connector connector) throws ConnectorException {
        List<StreamDescriptor> incremental = streams(connector).stream().filter(StreamDescriptor::incremental).toList();
        assumeFalse(incremental.isEmpty(), "connector " + connector.spec().type() + " offers no incremental stream");
        return incremental;
    }

    private void read(Connector connector, StreamDescriptor stream, StreamState state, RecordingSink sink)
            throws ConnectorException {
        TestConnectorContext context = context(connector, workingSettings(), workingAccessToken());
        watched(() -> {
            connector.read(context, state, sink);
            return null;
        });
    }

    private RecordingSink readOrFail(Connector connector, StreamDescriptor stream, StreamState state, String from) {
        RecordingSink sink = new RecordingSink();
        try {
            read(connector, stream, state, sink);
        } catch (ConnectorException failed) {
            throw new AssertionError("reading stream " + stream.name() + " from " + from + " failed: "
                    + failed.kind() + " " + failed.getMessage(), failed);
        }
        return sink;
    }

    private <T> T watched(ConnectorCall<T> call) throws ConnectorException {
        bypasses.watching(true);
        try {
            return call.run();
        } finally {
            bypasses.watching(false);
        }
    }

    @FunctionalInterface
    private interface ConnectorCall<T> {
        T run() throws ConnectorException;
    }

    // --- what the rules compare -----------------------------------------------------------------------

    private static void assertEnoughToTellIncrementalFromFull(StreamDescriptor stream, RecordingSink full) {
        assertThat(sourceIds(full.records()))
                .as("records of stream %s in the test source: at least two, modified at different times, "
                        + "so the kit can tell an incremental read from a full one", stream.name())
                .hasSizeGreaterThanOrEqualTo(2);
    }

    private static StreamState savedState(StreamDescriptor stream, RecordingSink read) {
        assertThat(read.endsWithCheckpoint()).as("read of stream %s ends with a checkpoint", stream.name()).isTrue();
        StreamState saved = read.lastCheckpoint().orElseThrow();
        assertThat(saved.stream()).as("stream of the checkpoint").isEqualTo(stream.name());
        assertThat(saved.isInitial()).as("checkpoint of incremental stream %s holds a cursor", stream.name()).isFalse();
        return saved;
    }

    /**
     * Cursors are inclusive, so records at the cursor may come again, unchanged; anything else that did
     * not change is a sign the saved state was not used.
     */
    private static void assertOnlyChanges(String when, StreamDescriptor stream, RecordingSink read, Set<String> changed,
            RecordingSink full) {
        String name = stream.name();
        assertThat(sourceIds(read.records())).as("%s: source ids read again from the saved state of stream %s", when, name)
                .containsAll(changed);
        List<CustomerRecord> repeated = read.records().stream().filter(r -> !changed.contains(sourceIdOf(r))).toList();
        assertThat(repeated).as("%s: records of stream %s that did not change yet came different from how they were read", when, name)
                .allMatch(full.records()::contains);
        long unchanged = full.records().stream().filter(r -> !changed.contains(sourceIdOf(r))).count();
        assertThat((long) repeated.size())
                .as("%s: records of stream %s that did not change yet were read again, of %s such records; "
                        + "only those at the inclusive cursor may come again", when, name, unchanged)
                .isLessThan(unchanged);
    }

    private void assertRefused(Connector connector, StreamDescriptor stream, StreamState state, String what) {
        RecordingSink sink = new RecordingSink();
        try {
            read(connector, stream, state, sink);
        } catch (ConnectorException refused) {
            assertThat(refused.kind()).as("kind of the refusal of %s (%s)", what, refused.getMessage())
                    .isIn(ConnectorException.Kind.INVALID_STATE, ConnectorException.Kind.MISCONFIGURED);
            assertThat(refused.getMessage()).as("message of the refusal of %s", what).isNotBlank();
            assertNoSecretIn(connector, refused.getMessage(), "the refusal of " + what);
            assertThat(sink.records()).as("records emitted from %s before refusing it", what).isEmpty();
            return;
        } catch (RuntimeException crash) {
            throw new AssertionError("reading stream " + stream.name() + " from " + what + " crashed with " + crash
                    + "; refuse it with ConnectorException.invalidState", crash);
        }
        fail("reading stream %s from %s went on (%d records) instead of refusing it with ConnectorException.invalidState",
                stream.name(), what, sink.records().size());
    }

    private void assertNoSecretIn(Connector connector, String text, String what) {
        Set<String> secretKeys = connector.spec().secretKeys();
        Set<String> secrets = new HashSet<>();
        for (Map<String, String> settings : List.of(workingSettings(), badCredentialSettings())) {
            settings.forEach((key, value) -> {
                if (secretKeys.contains(key)) {
                    secrets.add(value);
                }
            });
        }
        Stream.of(workingAccessToken(), badAccessToken()).filter(Objects::nonNull).forEach(secrets::add);
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                assertThat(text).as("%s repeats a secret", what).doesNotContain(secret);
            }
        }
    }

    private static StreamState paddedToTheLimit(StreamState saved) {
        TreeMap<String, String> cursor = new TreeMap<>(saved.cursor());
        int chars = cursor.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
        String first = cursor.firstKey();
        cursor.put(first, cursor.get(first) + "x".repeat(StreamState.MAX_CHARS - chars));
        return new StreamState(saved.stream(), cursor);
    }

    private static Set<String> sourceIds(List<CustomerRecord> records) {
        return records.stream().map(ConnectorContractTest::sourceIdOf).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static String sourceIdOf(CustomerRecord record) {
        SourceRef source = sourceOf(record);
        return source == null ? null : source.sourceId();
    }

    private static SourceRef sourceOf(CustomerRecord record) {
        return record instanceof SourcedRecord sourced ? sourced.source() : null;
    }

    private static String idOf(CustomerRecord record) {
        if (record instanceof User user) {
            return user.id().value();
        } else if (record instanceof Account account) {
            return account.id().value();
        } else if (record instanceof Contact contact) {
            return contact.id().value();
        } else if (record instanceof Opportunity opportunity) {
            return opportunity.id().value();
        } else if (record instanceof Activity activity) {
            return activity.id().value();
        }
        return null; // a reporting line is known by its user and dates
    }
}
