package org.plumly.api;

/**
 * A record holding a customer's data. It always says whose it is: stores partition by the tenant,
 * policies check it, and the sync engine rejects a record a connector emits for another tenant
 * than the one it syncs.
 */
public interface CustomerRecord {
    TenantId tenant();
}
