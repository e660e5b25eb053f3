package org.plumly.api.connector;

import org.osgi.annotation.versioning.ProviderType;
import org.plumly.api.Activity;
import org.plumly.api.CustomerRecord;
import org.plumly.api.RawContent;

/**
 * Where a connector's {@link Connector#read} puts what it reads. The sync engine implements it.
 *
 * <pre>{@code
 * for (Message message : batch) {
 *     if (sink.stopRequested()) return;
 *     try {
 *         sink.emit(toActivity(config, message));
 *     } catch (IllegalArgumentException malformed) {
 *         sink.reject("uid " + uid, malformed.getMessage());
 *     }
 * }
 * sink.checkpoint(state.with("uid", Long.toString(lastUid)));
 * }</pre>
 */
@ProviderType
public interface RecordSink {

    /**
     * Takes one record: a {@link org.plumly.api.User}, {@link org.plumly.api.ReportingLine},
     * {@link org.plumly.api.Account}, {@link org.plumly.api.Contact}, {@link org.plumly.api.Opportunity}
     * or {@link org.plumly.api.Activity} of the configuration's tenant.
     *
     * @throws IllegalArgumentException when the record is of another tenant or kind
     */
    void emit(CustomerRecord record);

    /** Takes an activity with its raw content (a MIME message), which is stored apart from the time line. */
    void emit(Activity activity, RawContent content);

    /**
     * Reports a source record that could not be read (a broken CSV row, a malformed mail) without
     * stopping: the run goes on and the rejection is listed in its history.
     *
     * @param location where it is, such as {@code "accounts.csv row 17"} or {@code "INBOX uid 4411"}
     * @param reason   what is wrong, without personal data
     */
    void reject(String location, String reason);

    /** Everything emitted so far is delivered; a later run resumes from {@code state}. */
    void checkpoint(StreamState state);

    /**
     * True when the engine wants the read to end (connector bundle stopping or updated, integration
     * revoked, hub stopping): return. Records emitted since the last checkpoint are not stored; the next
     * run reads them again from that checkpoint. Once stop is requested, {@link #emit} and
     * {@link #checkpoint} throw {@link java.util.concurrent.CancellationException}, so a read that does
     * not look still ends.
     */
    boolean stopRequested();
}
