package org.plumly.connector.imap;

import java.util.Map;

import org.plumly.api.TenantId;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.StreamState;
import org.plumly.connector.testkit.RecordingEgress;
import org.plumly.connector.testkit.RecordingSink;
import org.plumly.connector.testkit.TestConnectorContext;

/**
 * Measures how many small messages a read takes per second from a local GreenMail over IMAPS; a tool to
 * run by hand, not a test: {@code mvn -f connectors/imap/pom.xml test-compile exec:java
 * -Dexec.mainClass=org.plumly.connector.imap.ReadThroughput -Dexec.classpathScope=test}.
 */
public final class ReadThroughput {
    private ReadThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        try (MailServer server = MailServer.imaps()) {
            for (int i = 0; i < messages; i++) {
                server.append("INBOX", MailServer.message("bench-" + i + "@globex.example", "Lee <lee@globex.example>",
                        MailServer.USER, "Benchmark " + i));
            }
            ImapConnector connector = new ImapConnector();
            ConnectorSpec spec = connector.spec();
            Map<String, String> settings = server.settings();
            settings.put("folders", "INBOX");
            ConnectorConfig config = new ConnectorConfig(TenantId.of("bench"), "bench-mail", spec.withDefaults(settings), spec.secretKeys());
            for (int run = 1; run <= 3; run++) {
                RecordingSink sink = new RecordingSink();
                long start = System.nanoTime();
                connector.read(new TestConnectorContext(config, new RecordingEgress(spec, config)), StreamState.initial("inbox"), sink);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("run %d: %d messages in %.2f s = %.0f messages/s (%d checkpoints)%n", run, sink.records().size(),
                        seconds, sink.records().size() / seconds, sink.checkpoints().size());
            }
        }
    }
}
