/**
 * Turning raw content (MIME messages, Outlook files, attachments) into the text a person wrote, for
 * tone and for people to read.
 */
@Version("0.1.0")
@Export
package org.plumly.api.content;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
