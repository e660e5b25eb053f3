/**
 * Tone of messages: a {@link org.plumly.api.tone.ToneClassifier} service scores the text a person
 * wrote (quoted replies and signatures already stripped) as positive, neutral or negative, sentence
 * by sentence, so insights can quote the sentences behind a verdict.
 */
@Version("0.1.0")
@Export
package org.plumly.api.tone;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
