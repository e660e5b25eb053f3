/**
 * Where the hub keeps its data. Every call takes the tenant, and every list is a {@link
 * org.plumly.api.store.Page} behind an opaque cursor: there is no call that reads across tenants and
 * none that scans a whole table.
 */
@Version("0.2.0")
@Export
package org.plumly.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
