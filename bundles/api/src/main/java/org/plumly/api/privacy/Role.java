package org.plumly.api.privacy;

/** What a person does in Plumly. One person may have several roles. */
public enum Role {
    /** Works their own opportunities. */
    REP,
    /** Leads reps; sees what their reports create. */
    MANAGER,
    /** Administers a company (tenant): integrations, users, data-subject requests. */
    COMPANY_ADMIN,
    /** Runs the hub: sees its operation, never customer content. */
    PLATFORM_OPERATOR
}
