package org.plumly.core.internal.sync;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.plumly.api.Integration;
import org.plumly.api.SyncRun;
import org.plumly.api.Tenant;
import org.plumly.api.TenantId;
import org.plumly.api.store.ActivityStore;
import org.plumly.api.store.DirectoryStore;
import org.plumly.api.store.IntegrationStore;
import org.plumly.api.store.Lease;
import org.plumly.api.store.LeaseStore;
import org.plumly.api.store.OpportunityStore;
import org.plumly.api.store.Page;
import org.plumly.api.store.PageRequest;
import org.plumly.api.store.SyncRunStore;
import org.plumly.api.store.TenantStore;
import org.plumly.core.internal.connectors.ConnectorRegistry;
import org.plumly.core.internal.tone.TonePipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs every active integration of every tenant: on its schedule, on demand, and again from its last
 * checkpoint when its connector comes back after stopping mid-run. One run at a time per integration,
 * across every hub node that shares the store, held by a lease.
 */
@Component(service = SyncEngine.class, configurationPid = "org.plumly.sync", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SyncEngine.Config.class)
public final class SyncEngine implements ConnectorRegistry.Listener, SyncRunner.Outcome {

    @ObjectClassDefinition(name = "Plumly sync engine", description = "How integrations are synced")
    public @interface Config {
        @AttributeDefinition(description = "This node's name in leases and run history; empty for the host name")
        String node() default "";

        @AttributeDefinition(description = "Seconds between checks of the schedule")
        int tickSeconds() default 15;

        @AttributeDefinition(description = "Seconds a run's lease lasts unless renewed")
        int leaseSeconds() default 30;

        @AttributeDefinition(description = "Attempts of a failing stream before a run gives up on it")
        int maxAttempts() default 5;

        @AttributeDefinition(description = "First retry wait in milliseconds; doubles each attempt, with jitter")
        int backoffBaseMillis() default 1000;

        @AttributeDefinition(description = "Longest retry wait in milliseconds")
        int backoffMaxMillis() default 60_000;

        @AttributeDefinition(description = "Longest Retry-After (seconds) a run waits for; longer ends the stream until the next run")
        int maxRetryWaitSeconds() default 300;

        @AttributeDefinition(description = "Outbound calls per second of one integration")
        double requestsPerSecond() default 10;

        @AttributeDefinition(description = "Outbound calls of one integration at the same time")
        int maxInFlight() default 4;

        @AttributeDefinition(description = "Runs at the same time on this node")
        int maxRuns() default 4;

        @AttributeDefinition(description = "Whether an integration's settings may point a connector at a loopback, link-local or "
                + "private address. Hosts a connector's spec declares are always allowed. Keep false on a shared hub")
        boolean egressToPrivateNetworks() default false;

        @AttributeDefinition(description = "The folder of files operators place for connectors (CRM exports, calendar files): "
                + "one folder per tenant id inside it; empty for the import folder in Karaf's data folder")
        String importFolder() default "";
    }

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int SCAN_PAGE = 200;
    private static final Duration LEASE_POLL = Duration.ofMillis(200);

    private final SyncSettings settings;
    private final ConnectorRegistry registry;
    private final ContextFactory contexts;
    private final TenantStore tenants;
    private final IntegrationStore integrations;
    private final SyncRunStore runs;
    private final LeaseStore leases;
    private final RecordWriter writer;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, SyncRunner> running = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timers;
    private final ScheduledExecutorService renewals;

    @Activate
    public SyncEngine(Config config, @Reference ConnectorRegistry registry, @Reference ContextFactory contexts,
            @Reference TenantStore tenants, @Reference IntegrationStore integrations, @Reference SyncRunStore runs,
            @Reference LeaseStore leases, @Reference DirectoryStore directory, @Reference OpportunityStore opportunities,
            @Reference ActivityStore activities, @Reference TonePipeline tone) {
        this(settings(config), registry, contexts, tenants, integrations, runs, leases,
                new RecordWriter(directory, opportunities, activities, tone));
    }

    SyncEngine(SyncSettings settings, ConnectorRegistry registry, ContextFactory contexts, TenantStore tenants,
            IntegrationStore integrations, SyncRunStore runs, LeaseStore leases, RecordWriter writer) {
        this.settings = settings;
        this.registry = registry;
        this.contexts = contexts;
        this.tenants = tenants;
        this.integrations = integrations;
        this.runs = runs;
        this.leases = leases;
        this.writer = writer;
        // No queue: a run waiting for a worker would hold its lease without renewing it.
        this.workers = new ThreadPoolExecutor(settings.maxRuns(), settings.maxRuns(), 0, TimeUnit.MILLISECONDS,
                new SynchronousQueue<>(), named("plumly-sync-"));
        this.timers = Executors.newScheduledThreadPool(1, named("plumly-sync-timer-"));
        // Renewals have a thread of their own, so that a long schedule scan never delays them.
        this.renewals = Executors.newScheduledThreadPool(1, named("plumly-sync-lease-"));
        registry.addListener(this);
        timers.scheduleWithFixedDelay(this::runDueIntegrations, settings.tick().toMillis(), settings.tick().toMillis(),
                TimeUnit.MILLISECONDS);
        timers.execute(this::resumeInterrupted);
        LOG.info("Sync engine started on node {}: {} runs at a time", settings.node(), settings.maxRuns());
    }

    @Deactivate
    public void stop() throws InterruptedException {
        registry.removeListener(this);
        timers.shutdownNow();
        running.values().forEach(runner -> runner.stop("the hub is stopping"));
        workers.shutdown();
        if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("Sync runs did not end in 30 s; they stop with the JVM and resume from their last checkpoints");
            workers.shutdownNow();
        }
        renewals.shutdownNow();
        writer.close();
    }

    /**
     * Starts a run of an active integration now.
     *
     * @return the new run's id, or why none started
     */
    public Triggered trigger(Integration integration, SyncRun.Trigger trigger) {
        if (!integration.active()) {
            return Triggered.refused("integration " + integration.id() + " is " + integration.status() + ", not ACTIVE");
        }
        Optional<ConnectorRegistry.Installed> connector = registry.find(integration.connectorType());
        if (connector.isEmpty()) {
            return Triggered.refused("connector " + integration.connectorType() + " is not installed");
        }
        String key = key(integration.tenant(), integration.id());
        if (running.containsKey(key)) {
            return Triggered.refused("integration " + integration.id() + " is already syncing on this node");
        }
        String holder = settings.node() + "/" + UUID.randomUUID();
        Optional<Lease> lease = leases.acquire(integration.tenant(), "sync:" + integration.id(), holder, settings.leaseTtl());
        if (lease.isEmpty()) {
            return Triggered.refused("integration " + integration.id() + " is already syncing");
        }
        Instant now = clock.instant();
        String runId = RUN_ID.format(now) + "-" + Integer.toHexString(0x10000 + ThreadLocalRandom.current().nextInt(0x10000)).substring(1);
        SyncRun started = SyncRun.started(integration.tenant(), integration.id(), runId, trigger, settings.node(), now);
        SyncRunner runner = new SyncRunner(integration, connector.get(), contexts,
                new SyncRunner.Stores(writer, integrations, runs, leases), settings, clock, renewals, lease.get(), started, this);
        running.put(key, runner);
        try {
            workers.execute(runner);
        } catch (RejectedExecutionException busy) {
            running.remove(key);
            leases.release(lease.get());
            return Triggered.refused(workers.isShutdown() ? "the sync engine is stopping"
                    : "all " + settings.maxRuns() + " sync workers of this node are busy; the schedule tries again");
        }
        try {
            runs.put(started);
        } catch (RuntimeException e) {
            LOG.warn("Could not save the start of sync run {} of {}: {}", runId, integration.id(), e.getMessage());
        }
        return Triggered.started(runId);
    }

    /** Ends the integration's run on this node at its last checkpoint, if one is going; true when there was one. */
    public boolean stop(TenantId tenant, String integration, String reason) {
        SyncRunner runner = running.get(key(tenant, integration));
        if (runner == null) {
            return false;
        }
        runner.stop(reason);
        return true;
    }

    /**
     * Ends the integration's run at its last checkpoint and waits until no run of it is going on any node
     * (its lease is gone), so that nothing it reads is stored afterwards. A run on another node stops within
     * a lease renewal once it sees the integration is no longer active.
     *
     * @return true when no run is going any more; false when one still held the lease after {@code wait}
     */
    public boolean stopAndWait(TenantId tenant, String integration, String reason, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        SyncRunner runner = running.get(key(tenant, integration));
        try {
            if (runner != null) {
                runner.stop(reason);
                if (!runner.awaitEnd(wait)) {
                    LOG.warn("The run of {} did not end within {}; its connector ignores stop requests", integration, wait);
                    return false;
                }
            }
            while (leases.find(tenant, "sync:" + integration).isPresent()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                TimeUnit.MILLISECONDS.sleep(LEASE_POLL.toMillis());
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isRunning(TenantId tenant, String integration) {
        return running.containsKey(key(tenant, integration));
    }

    @Override
    public void connectorAdded(String type) {
        timers.execute(this::resumeInterrupted);
    }

    @Override
    public void connectorRemoved(String type) {
        running.values().stream().filter(runner -> runner.connectorType().equals(type))
                .forEach(runner -> runner.stop("connector " + type + " was stopped or is being updated"));
    }

    @Override
    public void ended(Integration integration, SyncRun run, String stopReason) {
        running.remove(key(integration.tenant(), integration.id()));
        if (run.status() == SyncRun.Status.INTERRUPTED && registry.find(integration.connectorType()).isPresent()
                && !timers.isShutdown()) {
            // The connector may be back already (a bundle update): resume at once from the last checkpoint.
            timers.execute(() -> resume(integration));
        }
    }

    @Override
    public void unauthorized(Integration integration, String reason) {
        integrations.find(integration.tenant(), integration.id()).filter(Integration::active).ifPresent(current -> {
            integrations.put(current.withStatus(Integration.Status.NEEDS_AUTHORIZATION));
            LOG.warn("Integration {}/{} needs a company admin to authorize it again: {}", integration.tenant().value(),
                    integration.id(), reason);
        });
    }

    private void resume(Integration integration) {
        integrations.find(integration.tenant(), integration.id()).filter(Integration::active)
                .ifPresent(current -> log(trigger(current, SyncRun.Trigger.RESUME), current));
    }

    /** Every active integration whose last run was interrupted and whose connector is here resumes. */
    private void resumeInterrupted() {
        forEachActiveIntegration(integration -> {
            if (registry.find(integration.connectorType()).isPresent() && !isRunning(integration.tenant(), integration.id())) {
                lastRun(integration).filter(run -> run.status() == SyncRun.Status.INTERRUPTED)
                        .ifPresent(run -> log(trigger(integration, SyncRun.Trigger.RESUME), integration));
            }
        });
    }

    private void runDueIntegrations() {
        Instant now = clock.instant();
        forEachActiveIntegration(integration -> {
            if (registry.find(integration.connectorType()).isEmpty() || isRunning(integration.tenant(), integration.id())) {
                return;
            }
            boolean due = lastRun(integration).map(run -> !run.startedAt().plus(integration.syncInterval()).isAfter(now))
                    .orElse(true);
            if (due) {
                log(trigger(integration, SyncRun.Trigger.SCHEDULE), integration);
            }
        });
    }

    private void forEachActiveIntegration(Consumer<Integration> action) {
        try {
            PageRequest request = PageRequest.first(SCAN_PAGE);
            while (request != null) {
                Page<Tenant> page = tenants.list(request);
                for (Tenant tenant : page.items()) {
                    forEachActiveIntegrationOf(tenant.id(), action);
                }
                request = page.nextRequest(SCAN_PAGE);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not check the integrations' schedules: {}", e.getMessage());
        }
    }

    /** One tenant's or integration's failure (a bad row, a timeout) must not keep the others from their schedule. */
    private void forEachActiveIntegrationOf(TenantId tenant, Consumer<Integration> action) {
        List<Integration> all;
        try {
            all = integrations.list(tenant);
        } catch (RuntimeException e) {
            LOG.warn("Could not list the integrations of tenant {}: {}", tenant.value(), e.getMessage());
            return;
        }
        for (Integration integration : all) {
            if (!integration.active()) {
                continue;
            }
            try {
                action.accept(integration);
            } catch (RuntimeException e) {
                LOG.warn("Could not check the schedule of integration {}/{}: {}", tenant.value(), integration.id(), e.getMessage());
            }
        }
    }

    private Optional<SyncRun> lastRun(Integration integration) {
        List<SyncRun> last = runs.list(integration.tenant(), integration.id(), PageRequest.first(1)).items();
        return last.stream().findFirst();
    }

    private static void log(Triggered triggered, Integration integration) {
        if (triggered.runId().isEmpty()) {
            LOG.debug("No run of {}: {}", integration.id(), triggered.reason());
        }
    }

    private static String key(TenantId tenant, String integration) {
        return tenant.value() + "/" + integration;
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    static SyncSettings settings(Config config) {
        String node = config.node().isBlank() ? hostName() : config.node().strip();
        return new SyncSettings(node, Duration.ofSeconds(config.tickSeconds()), Duration.ofSeconds(config.leaseSeconds()),
                config.maxAttempts(), new Backoff(Duration.ofMillis(config.backoffBaseMillis()),
                        Duration.ofMillis(config.backoffMaxMillis()), ThreadLocalRandom::current),
                Duration.ofSeconds(config.maxRetryWaitSeconds()), config.requestsPerSecond(), config.maxInFlight(), config.maxRuns());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "hub";
        }
    }

    /** Whether a trigger started a run: its id, or why not. */
    public record Triggered(Optional<String> runId, String reason) {
        static Triggered started(String runId) {
            return new Triggered(Optional.of(runId), "");
        }

        static Triggered refused(String reason) {
            return new Triggered(Optional.empty(), reason);
        }
    }
}
