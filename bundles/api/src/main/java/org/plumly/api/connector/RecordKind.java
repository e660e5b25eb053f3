package org.plumly.api.connector;

import java.util.Optional;

import org.plumly.api.Account;
import org.plumly.api.Activity;
import org.plumly.api.Contact;
import org.plumly.api.CustomerRecord;
import org.plumly.api.Opportunity;
import org.plumly.api.ReportingLine;
import org.plumly.api.User;

/** The domain record a stream carries. */
public enum RecordKind {
    USER(User.class), REPORTING_LINE(ReportingLine.class), ACCOUNT(Account.class), CONTACT(Contact.class),
    OPPORTUNITY(Opportunity.class), ACTIVITY(Activity.class);

    private final Class<? extends CustomerRecord> type;

    RecordKind(Class<? extends CustomerRecord> type) {
        this.type = type;
    }

    /** The kind of a record; empty for a record no stream carries, such as an audit entry. */
    public static Optional<RecordKind> of(CustomerRecord record) {
        for (RecordKind kind : values()) {
            if (kind.type.isInstance(record)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
