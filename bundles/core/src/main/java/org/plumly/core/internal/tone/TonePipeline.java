package org.plumly.core.internal.tone;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.ActivityKind;
import org.plumly.api.Direction;
import org.plumly.api.RawContent;
import org.plumly.api.TenantId;
import org.plumly.api.content.ContentException;
import org.plumly.api.content.ContentExtractor;
import org.plumly.api.events.ToneClassified;
import org.plumly.api.store.ActivityStore;
import org.plumly.api.store.StoreUnavailableException;
import org.plumly.api.tone.ToneClassifier;
import org.plumly.api.tone.ToneVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tone step of ingestion: the e-mails a customer wrote (kind {@code EMAIL}, direction {@code
 * INBOUND} as identity resolution decided) are extracted to the text the sender wrote, classified in
 * batches, their verdicts stored and announced on {@value ToneClassified#ADDRESS}.
 *
 * <p>Extraction and classification block and keep a core busy, so they run on this component's own
 * bounded pool, never on an event loop nor on the sync's threads. The sync hands over each stored batch;
 * while every queue slot is taken it waits (back-pressure) rather than dropping mail or holding
 * unbounded raw content in memory. Both services are optional: without either, mail is stored
 * unclassified and the outcome says how many and why ({@code plumly:tone-backlog} classifies it later).
 * One message that cannot be extracted, classified or stored fails alone, recorded by activity id and
 * reason; message text is never logged.
 */
@Component(service = TonePipeline.class, configurationPid = "org.plumly.tone", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TonePipeline.Config.class)
public final class TonePipeline {

    @ObjectClassDefinition(name = "Plumly tone of customer mail", description = "How inbound e-mail is classified as it is stored")
    public @interface Config {
        @AttributeDefinition(description = "Threads that extract and classify mail; each keeps a core busy while it works")
        int workers() default 1;

        @AttributeDefinition(description = "Batches of up to 64 messages waiting for a worker; when all are taken, the sync waits "
                + "before it stores more")
        int queuedBatches() default 4;
    }

    /** Messages handed to the classifier at once, and the size of a queued batch. */
    static final int MESSAGES_AT_ONCE = 64;
    static final String NO_EXTRACTOR = "no content extractor is installed";
    static final String NO_CLASSIFIER = "no tone classifier is installed";
    static final String NO_CONTENT = "no raw content is kept";
    static final String NO_TEXT = "the sender wrote no text";
    private static final Logger LOG = LoggerFactory.getLogger(TonePipeline.class);

    private final ActivityStore activities;
    private final Vertx vertx;
    private final Clock clock = Clock.systemUTC();
    private final ThreadPoolExecutor workers;
    /** A slot per batch queued or being classified: what bounds the raw content held here. */
    private final Semaphore slots;
    private final AtomicReference<ContentExtractor> extractor = new AtomicReference<>();
    private final AtomicReference<ToneClassifier> classifier = new AtomicReference<>();

    @Activate
    public TonePipeline(@Reference ActivityStore activities, @Reference Vertx vertx, Config config) {
        int threads = config.workers();
        int waiting = config.queuedBatches();
        if (threads < 1 || waiting < 0) {
            throw new IllegalArgumentException("the tone step needs at least one worker and no negative queue: workers = " + threads
                    + ", queuedBatches = " + waiting);
        }
        this.activities = activities;
        this.vertx = vertx;
        this.slots = new Semaphore(threads + waiting);
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "plumly-tone-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void setExtractor(ContentExtractor service) {
        extractor.set(service);
    }

    public void unsetExtractor(ContentExtractor service) {
        extractor.compareAndSet(service, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void setClassifier(ToneClassifier service) {
        classifier.set(service);
    }

    public void unsetClassifier(ToneClassifier service) {
        classifier.compareAndSet(service, null);
    }

    /**
     * Lets the batch being classified finish; batches still queued are left unclassified (they are
     * stored, and {@code plumly:tone-backlog} classifies them).
     */
    @Deactivate
    public void stop() throws InterruptedException {
        List<Runnable> queued = new ArrayList<>();
        workers.getQueue().drainTo(queued);
        workers.shutdown();
        int left = 0;
        for (Runnable task : queued) {
            Batch batch = (Batch) task;
            left += batch.mails.size();
            batch.done.complete(ToneOutcome.notClassified(batch.mails.size(), "the hub stopped before they were classified"));
            slots.release();
        }
        if (left > 0) {
            LOG.warn("The tone step stopped with {} customer e-mails queued; they are stored without a verdict until plumly:tone-backlog "
                    + "classifies them", left);
        }
        if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("A tone batch was still being classified after 30 s; its messages may be left without a verdict");
        }
    }

    /** Whether the tone step classifies an activity: an e-mail a customer wrote. */
    public static boolean isCustomerMail(Activity activity) {
        return activity.kind() == ActivityKind.EMAIL && activity.direction() == Direction.INBOUND;
    }

    /**
     * Classifies the customer mail among activities the sync just stored, with the raw content it stored
     * for them; the rest is passed over. Returns once the mail is queued, waiting while the queue is full.
     *
     * @return completes when every message of the batch has a verdict stored or a reason it has none
     */
    public CompletableFuture<ToneOutcome> classifyStored(TenantId tenant, List<Activity> stored, Map<ActivityId, RawContent> contents) {
        List<Activity> mails = stored.stream().filter(TonePipeline::isCustomerMail).toList();
        // The content of the mail only, and a map of its own: the caller's is cleared for its next batch.
        Map<ActivityId, RawContent> ofMails = new HashMap<>();
        mails.forEach(mail -> Optional.ofNullable(contents.get(mail.id())).ifPresent(content -> ofMails.put(mail.id(), content)));
        return submit(tenant, mails, id -> Optional.ofNullable(ofMails.get(id)));
    }

    /**
     * Classifies customer mail stored earlier, reading its raw content from the store on a worker. Returns
     * once the mail is queued, waiting while the queue is full.
     */
    public CompletableFuture<ToneOutcome> classifyLater(TenantId tenant, List<Activity> mails) {
        return submit(tenant, mails.stream().filter(TonePipeline::isCustomerMail).toList(), id -> activities.content(tenant, id));
    }

    private CompletableFuture<ToneOutcome> submit(TenantId tenant, List<Activity> mails, Function<ActivityId, Optional<RawContent>> contentOf) {
        String missing = missingService();
        if (missing != null || mails.isEmpty()) {
            // Nothing to hold on to: answered at once, without a queue slot.
            return CompletableFuture.completedFuture(ToneOutcome.notClassified(mails.size(), missing));
        }
        List<CompletableFuture<ToneOutcome>> parts = new ArrayList<>();
        for (int from = 0; from < mails.size(); from += MESSAGES_AT_ONCE) {
            parts.add(enqueue(new Batch(tenant, List.copyOf(mails.subList(from, Math.min(mails.size(), from + MESSAGES_AT_ONCE))), contentOf)));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(done -> parts.stream().map(CompletableFuture::join).reduce(ToneOutcome.NOTHING, ToneOutcome::plus));
    }

    private CompletableFuture<ToneOutcome> enqueue(Batch batch) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(ToneOutcome.notClassified(batch.mails.size(), "the hub was stopping"));
        }
        try {
            workers.execute(batch);
        } catch (RejectedExecutionException stopped) {
            slots.release();
            return CompletableFuture.completedFuture(ToneOutcome.notClassified(batch.mails.size(), "the tone step was stopping"));
        }
        return batch.done;
    }

    private String missingService() {
        if (extractor.get() == null) {
            return NO_EXTRACTOR;
        }
        return classifier.get() == null ? NO_CLASSIFIER : null;
    }

    /** A batch of one tenant's customer mail on its way through the pool. */
    private final class Batch implements Runnable {
        private final TenantId tenant;
        private final List<Activity> mails;
        private final Function<ActivityId, Optional<RawContent>> contentOf;
        private final CompletableFuture<ToneOutcome> done = new CompletableFuture<>();

        private Batch(TenantId tenant, List<Activity> mails, Function<ActivityId, Optional<RawContent>> contentOf) {
            this.tenant = tenant;
            this.mails = mails;
            this.contentOf = contentOf;
        }

        @Override
        public void run() {
            try {
                done.complete(classify(this));
            } catch (RuntimeException bug) {
                LOG.error("The tone step failed on a batch of {} e-mails of tenant {}: {}", mails.size(), tenant.value(), bug.getClass().getName());
                done.complete(new ToneOutcome(0, mails.stream().map(mail -> failure(mail, "the tone step failed: " + bug.getClass().getName()))
                        .toList(), 0, Set.of()));
            } finally {
                slots.release();
            }
        }
    }

    private ToneOutcome classify(Batch batch) {
        // The services of this moment: one that leaves mid-batch is used to the batch's end.
        ContentExtractor extractor = this.extractor.get();
        ToneClassifier classifier = this.classifier.get();
        if (extractor == null || classifier == null) {
            return ToneOutcome.notClassified(batch.mails.size(), extractor == null ? NO_EXTRACTOR : NO_CLASSIFIER);
        }
        List<String> failures = new ArrayList<>();
        Set<String> notClassifiedBecause = new TreeSet<>();
        int notClassified = 0;
        List<Activity> readable = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Activity mail : batch.mails) {
            try {
                Optional<RawContent> raw = batch.contentOf.apply(mail.id());
                String text = raw.isEmpty() ? null : extractor.extract(raw.get()).authoredText();
                if (text == null || text.isBlank()) {
                    notClassified++;
                    notClassifiedBecause.add(text == null ? NO_CONTENT : NO_TEXT);
                    continue;
                }
                readable.add(mail);
                texts.add(text);
            } catch (ContentException e) {
                failures.add(failure(mail, "its text could not be extracted: " + e.getMessage()));
            } catch (StoreUnavailableException e) {
                failures.add(failure(mail, "its content could not be read: " + e.getMessage()));
            } catch (RuntimeException e) {
                // Only the type: the message of an unexpected exception may quote the content.
                failures.add(failure(mail, "the content extractor failed: " + e.getClass().getName()));
            }
        }
        List<ToneVerdict> verdicts = verdicts(classifier, readable, texts, failures);
        int classified = 0;
        for (int i = 0; i < readable.size(); i++) {
            if (verdicts.get(i) != null && keep(batch.tenant, readable.get(i), verdicts.get(i), failures)) {
                classified++;
            }
        }
        ToneOutcome outcome = new ToneOutcome(classified, failures, notClassified, notClassifiedBecause);
        LOG.info("Tone of {} customer e-mails of tenant {}: {}", batch.mails.size(), batch.tenant.value(), outcome.summary());
        failures.forEach(failure -> LOG.warn("Tone of an e-mail of tenant {}: {}", batch.tenant.value(), failure));
        return outcome;
    }

    /**
     * The verdicts in the order of the texts; null where the classifier failed on one. A batch the
     * classifier fails on, or answers wrongly, is classified again one by one, so one bad message fails alone.
     */
    private List<ToneVerdict> verdicts(ToneClassifier classifier, List<Activity> mails, List<String> texts, List<String> failures) {
        if (texts.isEmpty()) {
            return List.of();
        }
        try {
            List<ToneVerdict> all = classifier.classifyAll(texts);
            if (all != null && all.size() == texts.size() && all.stream().allMatch(Objects::nonNull)) {
                return all;
            }
            LOG.warn("The tone classifier answered a batch of {} e-mails with {} verdicts; classifying them one by one", texts.size(),
                    all == null ? "no" : all.size() + " (or null)");
        } catch (RuntimeException e) {
            LOG.warn("The tone classifier failed on a batch of {} e-mails ({}); classifying them one by one", texts.size(),
                    e.getClass().getName());
        }
        List<ToneVerdict> oneByOne = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            try {
                oneByOne.add(Objects.requireNonNull(classifier.classify(texts.get(i)), "no verdict"));
            } catch (RuntimeException e) {
                failures.add(failure(mails.get(i), "the tone classifier failed: " + e.getClass().getName()));
                oneByOne.add(null);
            }
        }
        return oneByOne;
    }

    /** Stores the verdict, then announces it: a consumer of the event finds the verdict in the store. */
    private boolean keep(TenantId tenant, Activity mail, ToneVerdict verdict, List<String> failures) {
        try {
            activities.putTone(tenant, mail.id(), verdict, clock.instant());
        } catch (StoreUnavailableException e) {
            failures.add(failure(mail, "its verdict could not be stored: " + e.getMessage()));
            return false;
        }
        ToneClassified event = new ToneClassified(tenant, mail.id(), mail.opportunity(), verdict.scores(), mail.occurredAt());
        try {
            vertx.eventBus().publish(ToneClassified.ADDRESS, new JsonObject(event.toJson()));
        } catch (RuntimeException e) {
            // The verdict is kept; only its announcement is lost (Vert.x closing with the hub).
            LOG.warn("Could not announce the tone of activity {} of tenant {}: {}", mail.id().value(), tenant.value(), e.toString());
        }
        return true;
    }

    private static String failure(Activity mail, String what) {
        return "activity " + mail.id().value() + ": " + what;
    }
}
