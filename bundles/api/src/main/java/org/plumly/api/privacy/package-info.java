/**
 * Who may see what. Each {@link org.plumly.api.privacy.PrivacyPolicy} is its own bundle; the hub asks
 * every registered policy about every access and allows it only when one permits and none denies.
 */
@Version("0.1.0")
@Export
package org.plumly.api.privacy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
