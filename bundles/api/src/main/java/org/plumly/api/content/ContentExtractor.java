package org.plumly.api.content;

import org.osgi.annotation.versioning.ConsumerType;
import org.plumly.api.RawContent;

/**
 * Extracts text from raw content. Register one as an OSGi service; the pipeline calls it from a worker
 * thread. It must guard itself against hostile input (size, nesting depth, zip bombs, time) and answer
 * with a {@link ContentException}, never by running out of memory or hanging.
 *
 * <pre>{@code
 * ExtractedContent mail = extractor.extract(new RawContent("message/rfc822", bytes));
 * ToneVerdict tone = classifier.classify(mail.authoredText());
 * }</pre>
 */
@ConsumerType
public interface ContentExtractor {

    ExtractedContent extract(RawContent content) throws ContentException;
}
