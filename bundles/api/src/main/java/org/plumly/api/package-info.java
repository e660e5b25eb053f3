/**
 * Plumly's domain: tenant-scoped records for people, accounts, opportunities, activities and insights.
 */
@Version("0.1.0")
@Export
package org.plumly.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
