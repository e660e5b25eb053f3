/**
 * Plumly's domain: tenant-scoped records for people and their reporting lines, accounts, contacts,
 * opportunities, activities and insights. Every record holding customer data is a {@link
 * org.plumly.api.CustomerRecord} and carries its {@link org.plumly.api.TenantId}; ids of synced records
 * derive from their {@link org.plumly.api.SourceRef}, so a re-sync updates instead of duplicating.
 */
@Version("0.1.0")
@Export
package org.plumly.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
