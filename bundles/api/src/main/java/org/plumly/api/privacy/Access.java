package org.plumly.api.privacy;

import java.time.LocalDate;
import java.util.Objects;

import org.plumly.api.TenantId;
import org.plumly.api.UserId;

/**
 * One access to decide: what kind of data, whose, and what the caller wants to do with it.
 *
 * <pre>{@code
 * new Access(acme, DataKind.OPPORTUNITY, dana, Action.READ, LocalDate.now())
 * }</pre>
 *
 * @param tenant the tenant the data belongs to
 * @param owner  the user who owns the data (an opportunity's owner), or null for tenant-wide data
 * @param asOf   the day the data is about, for effective-dated rules such as reporting lines
 */
public record Access(TenantId tenant, DataKind kind, UserId owner, Action action, LocalDate asOf) {
    public Access {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(asOf, "as of");
    }

    /** What kind of data is accessed. */
    public enum DataKind {
        OPPORTUNITY, ACTIVITY, MESSAGE_CONTENT, INSIGHT, CONTACT, ACCOUNT, USER, INTEGRATION,
        DATA_SUBJECT_REQUEST, AUDIT_LOG, OPERATIONS
    }

    /** What is done with it. */
    public enum Action {
        READ, WRITE, DELETE
    }
}
