package org.plumly.connector.testkit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.plumly.api.Activity;
import org.plumly.api.Contact;
import org.plumly.api.CustomerRecord;
import org.plumly.api.RawContent;
import org.plumly.api.TenantId;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.ConfigField;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.RecordSink;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.api.connector.StreamState;

/**
 * The kit fails a connector that breaks a rule, in the test of that rule. Each nested contract runs
 * the kit against the sample connector with one flaw; surefire skips nested classes, the
 * {@link EngineTestKit} runs them here.
 */
class ConnectorContractTestFailsBrokenConnectorsTest {

    @Test
    void soundSampleConnectorPassesEveryRule() {
        assertThat(failures(SampleContactsConnectorTest.class)).isEmpty();
    }

    @Test
    void callingAnUndeclaredHostFailsTheHostRule() {
        Map<String, String> failures = failures(CallsAnUndeclaredHost.class);
        assertThat(failures).containsOnlyKeys("noCallLeavesTheDeclaredHosts");
        assertThat(failures.get("noCallLeavesTheDeclaredHosts")).contains("telemetry.undeclared.example");
    }

    @Test
    void connectingAroundTheEgressFailsTheHostRule() {
        Map<String, String> failures = failures(ConnectsAroundTheEgress.class);
        assertThat(failures).containsOnlyKeys("noCallLeavesTheDeclaredHosts");
        assertThat(failures.get("noCallLeavesTheDeclaredHosts")).contains("without its Egress", "/v1/contacts");
    }

    @Test
    void recordsWithoutSourceIdsFailTheSourceIdRule() {
        Map<String, String> failures = failures(EmitsNoSourceIds.class);
        assertThat(failures).containsKeys("everyRecordCarriesItsSourceId", "fullReadEmitsValidRecordsAndEndsWithACheckpoint");
        assertThat(failures.get("everyRecordCarriesItsSourceId")).contains("SourceRef");
    }

    @Test
    void recordsOfAnotherTenantFailTheFullRead() {
        Map<String, String> failures = failures(EmitsAnotherTenant.class);
        assertThat(failures).containsOnlyKeys("fullReadEmitsValidRecordsAndEndsWithACheckpoint");
        assertThat(failures.get("fullReadEmitsValidRecordsAndEndsWithACheckpoint")).contains("tenant", "other-tenant");
    }

    @Test
    void ignoringTheSavedStateFailsTheIncrementalRules() {
        assertThat(failures(IgnoresTheSavedState.class)).containsOnlyKeys("secondReadReturnsOnlyWhatChanged",
                "stateSurvivesARestart", "garbageStateIsRefusedAsInvalid", "oversizedStateIsRefused");
    }

    @Test
    void crashingOnAGarbageStateFailsTheStateRules() {
        Map<String, String> failures = failures(CrashesOnAGarbageState.class);
        assertThat(failures).containsOnlyKeys("garbageStateIsRefusedAsInvalid", "oversizedStateIsRefused");
        assertThat(failures.get("garbageStateIsRefusedAsInvalid")).contains("crashed", "DateTimeParseException");
    }

    @Test
    void aCheckThatRepeatsTheKeyFailsTheCheckRule() {
        Map<String, String> failures = failures(RepeatsTheKeyInItsCheck.class);
        assertThat(failures).containsOnlyKeys("checkFailsCleanlyOnBadCredentials");
        assertThat(failures.get("checkFailsCleanlyOnBadCredentials")).contains("repeats a secret");
    }

    @Test
    void aCheckThatThrowsFailsTheCheckRule() {
        assertThat(failures(ThrowsInItsCheck.class)).containsOnlyKeys("checkFailsCleanlyOnBadCredentials");
    }

    @Test
    void anUnmarkedApiKeyFailsTheSpecRule() {
        Map<String, String> failures = failures(LeavesItsKeyUnmarked.class);
        assertThat(failures).containsOnlyKeys("specIsValidAndMarksItsSecrets");
        assertThat(failures.get("specIsValidAndMarksItsSecrets")).contains("apiKey", "mark it secret");
    }

    @Test
    void ignoringAStopFailsTheStopRule() {
        assertThat(failures(IgnoresStop.class)).containsOnlyKeys("readReturnsSoonOnceAStopIsRequested");
    }

    /** The failed tests of a contract class, by method name, with their failure messages. */
    private static Map<String, String> failures(Class<?> contract) {
        Map<String, String> failures = new TreeMap<>();
        List<Event> finished = EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute()
                .testEvents().finished().list();
        assertThat(finished).as("tests of %s that ran", contract.getSimpleName()).hasSizeGreaterThanOrEqualTo(12);
        for (Event event : finished) {
            TestExecutionResult result = event.getPayload(TestExecutionResult.class).orElseThrow();
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                String method = ((MethodSource) event.getTestDescriptor().getSource().orElseThrow()).getMethodName();
                failures.put(method, result.getThrowable().map(String::valueOf).orElse(""));
            }
        }
        return failures;
    }

    // --- the flawed connectors, each the sample with one rule broken -----------------------------------

    static class CallsAnUndeclaredHost extends SampleCrmContract {
        @Override
        protected Connector newConnector() {
            return new Flawed() {
                @Override
                public void read(ConnectorContext context, StreamState state, RecordSink sink) throws ConnectorException {
                    try {
                        context.egress().send(HttpRequest.newBuilder(URI.create("https://telemetry.undeclared.example/ping")).build(),
                                HttpResponse.BodyHandlers.discarding());
                    } catch (ConnectorException refused) {
                        // goes on quietly, as a careless connector would
                    }
                    super.read(context, state, sink);
                }
            };
        }
    }

    static class ConnectsAroundTheEgress extends SampleCrmContract {
        @Override
        protected Connector newConnector() {
            return new Flawed() {
                @Override
                public void read(ConnectorContext context, StreamState state, RecordSink sink) throws ConnectorException {
                    try {
                        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(crm.url() + "/v1/contacts")).build(),
                                HttpResponse.BodyHandlers.discarding());
                    } catch (IOException | InterruptedException ignored) {
                        // the answer does not matter, the connection does
                    }
                    super.read(context, state, sink);
                }
            };
        }
    }

    static class EmitsNoSourceIds extends SampleCrmContract {
        @Override
        protected Connector newConnector() {
            return new Flawed() {
                @Override
                public void read(ConnectorContext context, StreamState state, RecordSink sink) throws ConnectorException {
                    super.read(context, state, new Rewriting(sink) {
                        @Override
                        CustomerRecord rewrite(Contact c) {
                            return new Contact(c.tenant(), c.id(), c.account(), c.name(), c.emails(), c.phone(), c.title(), null);
                        }
                    });
                }
            };
        }
    }

    static class EmitsAnotherTenant extends SampleCrmContract {
        @Override
        protected Connector newConnector() {
            return new Flawed() {
                @Override
                public void read(ConnectorContext context, StreamState state, RecordSink sink) throws ConnectorException {
                    super.read(context, state, new Rewriting(sink) {
                        @Override
                        CustomerRecord rewrite(Contact c) {
                            return new Contact(TenantId.of("other-tenant"), c.id(), c.account(), c.name(), c.emails(), c.phone(),
                                    c.title(), c.source());
                        }
                    });
                }
            };
        }
    }

    static class IgnoresTheSavedState extends SampleCrmContract {
        @Override
        protected Connector newConnector() {
            return new Flawed() {
                @Override
                public void read(ConnectorContext context, StreamState state, RecordSink sink) throws ConnectorException {
                    super.read(context, StreamState.initial(state.stream()), sink);
                }
            };
        }
    }

    static class CrashesOnAGarbageState extends SampleCrmContract {
        @Override
        protected Connector newConnector() {
            return new Flawed() {
                @Override
                public void read(ConnectorContext context, StreamState state, RecordSink sink) throws ConnectorException {
                    state.cursor().values().forEach(Instant::parse);
                    super.read(context, state, sink);
                }
            };
        }
    }

    static class RepeatsTheKeyInItsCheck extends SampleCrmContract {
        @Override
        protected Connector newConnector() {
            return new Flawed() {
                @Override
                public CheckResult check(ConnectorContext context) {
                    CheckResult result = super.check(context);
                    return result.passed() ? result : CheckResult.failed("key " + context.config().get("apiKey") + " refused");
                }
            };
        }
    }

    static class ThrowsInItsCheck extends SampleCrmContract {
        @Override
        protected Connector newConnector() {
            return new Flawed() {
                @Override
                public CheckResult check(ConnectorContext context) {
                    CheckResult result = super.check(context);
                    if (!result.passed()) {
                        throw new IllegalStateException(result.reason());
                    }
                    return result;
                }
            };
        }
    }

    static class LeavesItsKeyUnmarked extends SampleCrmContract {
        @Override
        protected Connector newConnector() {
            return new Flawed() {
                @Override
                public ConnectorSpec spec() {
                    ConnectorSpec spec = super.spec();
                    return new ConnectorSpec(spec.type(), spec.name(), spec.authorization(), spec.allowedHosts(),
                            spec.fields().stream().map(f -> new ConfigField(f.key(), f.label(), f.type(), f.required(), false,
                                    f.defaultValue())).toList());
                }
            };
        }
    }

    static class IgnoresStop extends SampleCrmContract {
        @Override
        protected Connector newConnector() {
            return new Flawed() {
                @Override
                public void read(ConnectorContext context, StreamState state, RecordSink sink) throws ConnectorException {
                    super.read(context, state, new Rewriting(sink) {
                        @Override
                        public boolean stopRequested() {
                            return false;
                        }
                    });
                }
            };
        }
    }

    /** The sample connector, for a flaw to override one method of. */
    private static class Flawed extends SampleContactsConnector {
        @Override
        public List<StreamDescriptor> discover(ConnectorContext context) {
            return super.discover(context);
        }
    }

    /** A sink that hands the connector's contacts on changed. */
    private static class Rewriting implements RecordSink {
        private final RecordSink sink;

        Rewriting(RecordSink sink) {
            this.sink = sink;
        }

        CustomerRecord rewrite(Contact contact) {
            return contact;
        }

        @Override
        public void emit(CustomerRecord record) {
            sink.emit(record instanceof Contact contact ? rewrite(contact) : record);
        }

        @Override
        public void emit(Activity activity, RawContent content) {
            sink.emit(activity, content);
        }

        @Override
        public void reject(String location, String reason) {
            sink.reject(location, reason);
        }

        @Override
        public void checkpoint(StreamState state) {
            sink.checkpoint(state);
        }

        @Override
        public boolean stopRequested() {
            return sink.stopRequested();
        }
    }
}
