package org.plumly.api.connector;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads one kind of source (Salesforce, an IMAP mailbox, a CSV export …) for the sync engine.
 * Register it as an OSGi service: installing the bundle makes the connector available to admins,
 * uninstalling it withdraws it. A connector holds no state between calls; everything it needs is in
 * the {@link ConnectorContext} and the {@link StreamState} it is given. It reaches the network only
 * through {@link ConnectorContext#egress()}.
 *
 * <p>{@link #read} delivers at least once: after a crash or a bundle update the engine resumes from
 * the last checkpoint, so records after it may come again. Cursors are inclusive (records updated at
 * the cursor's instant are read again); the engine drops the repeats by their {@link org.plumly.api.SourceRef}.
 *
 * <pre>{@code
 * @Component
 * public class CsvConnector implements Connector {
 *     public ConnectorSpec spec() {
 *         return new ConnectorSpec("csv", "CRM export (CSV)", AuthorizationKind.NONE, Set.of(),
 *                 List.of(ConfigField.text("folder", "Folder with the export", true)));
 *     }
 *     public CheckResult check(ConnectorContext context) {
 *         String folder = context.config().get("folder");
 *         return Files.isDirectory(Path.of(folder)) ? CheckResult.ok() : CheckResult.failed("no folder " + folder);
 *     }
 *     public List<StreamDescriptor> discover(ConnectorContext context) {
 *         return List.of(StreamDescriptor.fullRefresh("accounts", RecordKind.ACCOUNT));
 *     }
 *     public void read(ConnectorContext context, StreamState state, RecordSink sink) throws ConnectorException {
 *         for (CSVRecord row : rows(context.config())) {
 *             sink.emit(toAccount(context.config(), row));
 *         }
 *         sink.checkpoint(state.with("file", "accounts.csv"));
 *     }
 * }
 * }</pre>
 */
@ConsumerType
public interface Connector {

    /** What the connector is and what configuration it takes. Constant for a given bundle version. */
    ConnectorSpec spec();

    /** Whether the configuration works: the source answers and the credentials are accepted. Never throws. */
    CheckResult check(ConnectorContext context);

    /** The streams this configuration offers; the same list every time for the same configuration. */
    List<StreamDescriptor> discover(ConnectorContext context) throws ConnectorException;

    /**
     * Reads one stream from {@code state} on, emitting records and checkpoints to {@code sink} until the
     * source has nothing newer or {@link RecordSink#stopRequested()} says to stop. Emit a checkpoint after
     * every batch: everything emitted before a checkpoint counts as delivered once it is stored.
     *
     * @param state where the last run stopped; {@link StreamState#isInitial()} on the first run
     * @throws ConnectorException when the source fails; the run stops at its last checkpoint
     */
    void read(ConnectorContext context, StreamState state, RecordSink sink) throws ConnectorException;
}
