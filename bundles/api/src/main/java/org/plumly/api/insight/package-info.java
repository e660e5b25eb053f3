/**
 * Insight algorithms: each one its own bundle, registered as an {@link
 * org.plumly.api.insight.InsightAlgorithm} service. The insight engine evaluates an opportunity when
 * something about it changes (an activity stored, a stage moved, a tone classified: {@link
 * org.plumly.api.events.ToneClassified}) and once a day, and turns findings into {@link
 * org.plumly.api.Insight}s with a lifecycle.
 */
@Version("0.1.0")
@Export
package org.plumly.api.insight;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
