package org.plumly.extract.tika;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.parser.ParseContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.plumly.api.RawContent;
import org.plumly.api.content.ContentException;
import org.plumly.api.content.ContentExtractor;
import org.plumly.api.content.ExtractedContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts mail and documents with Apache Tika: {@code .eml}, Outlook {@code .msg}, mbox, and every attachment
 * Tika's standard parsers read. Configured by {@code etc/org.plumly.extract.tika.cfg}.
 *
 * <p>Each extraction runs on a worker of a fixed pool owned by this component, for at most
 * {@code timeLimitMillis} from the call (a wait for a free worker included). On time-out the caller gets a
 * {@link ContentException} at once and the worker is interrupted; the parse then stops at its next read or
 * its next piece of text. A parser stuck without reading or writing keeps its worker until it returns, but
 * the pool never grows: while every worker is stuck, calls wait in a bounded queue and time out, and calls
 * beyond the queue are refused at once, so a hostile message cannot make threads pile up.
 *
 * <p>Nothing of the content is logged: only sizes, media types and kinds of error.
 */
// immediate: Tika loads its parsers (about a second) when the hub starts, not during the first extraction
@Component(service = ContentExtractor.class, immediate = true, configurationPid = "org.plumly.extract.tika",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TikaContentExtractor.Config.class)
public final class TikaContentExtractor implements ContentExtractor {

    @ObjectClassDefinition(name = "Plumly content extraction (Apache Tika)",
            description = "Mail, Outlook messages, mailboxes and attachments to text, with guards against hostile input")
    public @interface Config {
        @AttributeDefinition(description = "Largest content accepted, in bytes (25 MB)")
        long maxInputBytes() default 26_214_400L;

        @AttributeDefinition(description = "How deep attachments, messages in messages and documents in documents may nest")
        int maxNestingDepth() default 5;

        @AttributeDefinition(description = "Most characters of text one extraction may produce, bodies and attachments together")
        long maxCharacters() default 5_000_000L;

        @AttributeDefinition(description = "Time limit of one extraction in milliseconds, from the call, a wait for a worker included")
        long timeLimitMillis() default 10_000L;

        @AttributeDefinition(description = "Zip-bomb guard: characters an attachment may produce before its compression ratio counts")
        long zipBombOutputThreshold() default 1_000_000L;

        @AttributeDefinition(description = "Zip-bomb guard: most characters an attachment may produce per byte of it")
        long zipBombRatio() default 100L;

        @AttributeDefinition(description = "Extractions running at the same time (worker threads)")
        int workers() default 2;

        @AttributeDefinition(description = "Extractions that may wait for a worker; more are refused at once")
        int maxWaiting() default 32;
    }

    private static final Logger LOG = LoggerFactory.getLogger(TikaContentExtractor.class);

    private final TikaConfig tika;
    private volatile ExtractionLimits limits;
    private volatile ThreadPoolExecutor workers;

    @Activate
    public TikaContentExtractor(Config config) throws IOException, MimeTypeException {
        // Tika finds its parsers and detectors through this bundle's class loader, which holds them all;
        // its default, the thread's context class loader, sees nothing of them in OSGi
        this.tika = new TikaConfig(TikaContentExtractor.class.getClassLoader());
        this.limits = ExtractionLimits.of(config);
        this.workers = workerPool(config);
        LOG.info("Content extraction ready: {} media types, {} workers, limits {}",
                tika.getParser().getSupportedTypes(new ParseContext()).size(), config.workers(), limits);
    }

    @Modified
    void modified(Config config) {
        ExtractionLimits changed = ExtractionLimits.of(config);
        ThreadPoolExecutor previous = workers;
        workers = workerPool(config);
        limits = changed;
        // extractions already on the old pool finish there; it takes no new ones
        previous.shutdown();
        LOG.info("Content extraction reconfigured: {} workers, limits {}", config.workers(), changed);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        workers.shutdownNow();
        if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
            LOG.warn("Content extraction stopped with {} parses still running", workers.getActiveCount());
        }
    }

    @Override
    public ExtractedContent extract(RawContent content) throws ContentException {
        ExtractionLimits guards = limits;
        long size = content.bytes().length;
        if (size > guards.maxInputBytes()) {
            LOG.debug("Refused {} of {} bytes: over the input size limit", content.mediaType(), size);
            throw new ContentException(guards.inputTooLarge(size).getMessage(), null);
        }
        if (size == 0) {
            throw new ContentException("empty content: 0 bytes", null);
        }
        long start = System.nanoTime();
        Future<ExtractedContent> extraction;
        try {
            extraction = workers.submit(() -> new MessageExtraction(tika, guards).extract(content));
        } catch (RejectedExecutionException busy) {
            if (workers.isShutdown()) {
                throw new ContentException("extraction stopped: the extractor is shutting down", null);
            }
            int waiting = workers.getQueue().size() + workers.getQueue().remainingCapacity();
            LOG.warn("Refused {} of {} bytes: all {} workers busy and {} extractions waiting", content.mediaType(), size,
                    workers.getMaximumPoolSize(), waiting);
            throw new ContentException("worker pool guard: all " + workers.getMaximumPoolSize() + " workers are busy and "
                    + waiting + " extractions wait, the limit", null);
        }
        try {
            ExtractedContent extracted = extraction.get(guards.timeLimitMillis(), TimeUnit.MILLISECONDS);
            LOG.debug("Extracted {} of {} bytes in {} ms: {} characters, {} attachments", content.mediaType(), size,
                    (System.nanoTime() - start) / 1_000_000, extracted.fullText().length(), extracted.attachments().size());
            return extracted;
        } catch (TimeoutException slow) {
            extraction.cancel(true);
            LOG.warn("Cancelled the extraction of {} of {} bytes: over the time limit of {} ms", content.mediaType(), size,
                    guards.timeLimitMillis());
            throw new ContentException(guards.outOfTime().getMessage(), null);
        } catch (InterruptedException interrupted) {
            extraction.cancel(true);
            Thread.currentThread().interrupt();
            throw new ContentException("extraction interrupted: the caller is stopping", interrupted);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof ContentException refused) {
                LOG.debug("Could not extract {} of {} bytes: {}", content.mediaType(), size, refused.getMessage());
                throw refused;
            }
            // a runtime error or an Error escaped a parser: kind only, its message may quote the content
            String kind = failed.getCause() == null ? "unknown" : failed.getCause().getClass().getName();
            LOG.warn("Extraction of {} of {} bytes failed: {}", content.mediaType(), size, kind);
            throw new ContentException("extraction failed: " + kind, null);
        }
    }

    private static ThreadPoolExecutor workerPool(Config config) {
        if (config.workers() < 1 || config.maxWaiting() < 1) {
            throw new IllegalArgumentException("workers and maxWaiting must be positive");
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.maxWaiting()), new ExtractionThreads(), new ThreadPoolExecutor.AbortPolicy());
        pool.prestartAllCoreThreads();
        return pool;
    }

    /** Named daemon threads whose context class loader is this bundle's: POI and XMLBeans look classes up there. */
    private static final class ExtractionThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "plumly-extract-tika-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(TikaContentExtractor.class.getClassLoader());
            return thread;
        }
    }
}
