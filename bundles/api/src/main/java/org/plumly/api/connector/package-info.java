/**
 * The connector SPI: how Plumly reads a CRM, a mailbox or a calendar. A connector is an OSGi service
 * in its own bundle; the sync engine calls {@code spec}, {@code check}, {@code discover} and
 * {@code read}, persists the checkpoints the connector emits, and resumes from the last one. Modelled
 * on the Airbyte protocol: streams, incremental cursors, state messages, at-least-once delivery.
 */
@Version("0.2.0")
@Export
package org.plumly.api.connector;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
