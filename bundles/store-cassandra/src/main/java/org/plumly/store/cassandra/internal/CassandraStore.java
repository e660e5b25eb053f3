package org.plumly.store.cassandra.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.plumly.api.health.HealthIndicator;
import org.plumly.api.health.HealthReport;
import org.plumly.api.store.ActivityStore;
import org.plumly.api.store.AuditLog;
import org.plumly.api.store.CredentialStore;
import org.plumly.api.store.DirectoryStore;
import org.plumly.api.store.InsightStore;
import org.plumly.api.store.IntegrationStore;
import org.plumly.api.store.LeaseStore;
import org.plumly.api.store.OpportunityStore;
import org.plumly.api.store.SourcePurge;
import org.plumly.api.store.SyncRunStore;
import org.plumly.api.store.TenantStore;

/**
 * The store in the hub: connects to Cassandra in the background and, once connected and migrated,
 * registers the stores as OSGi services; until then /api/health shows the store down with the reason.
 * Changing its configuration ({@code etc/org.plumly.store.cassandra.cfg}) reconnects.
 */
@Component(configurationPid = "org.plumly.store.cassandra", immediate = true, service = HealthIndicator.class)
@Designate(ocd = CassandraStore.Config.class)
public class CassandraStore implements HealthIndicator {

    @ObjectClassDefinition(name = "Plumly store (Cassandra)", description = "Where the hub keeps its data")
    public @interface Config {
        @AttributeDefinition(description = "Comma-separated host:port of the nodes to contact first")
        String contactPoints() default "127.0.0.1:9042";

        @AttributeDefinition(description = "The data center next to the hub")
        String localDatacenter() default "datacenter1";

        @AttributeDefinition(description = "Keyspace of the hub's tables; created when missing")
        String keyspace() default "plumly";

        @AttributeDefinition(description = "Replication of a keyspace the hub creates, as CQL map entries")
        String replication() default "'class': 'SimpleStrategy', 'replication_factor': 1";

        @AttributeDefinition(description = "Whether the launcher starts a local single-node Cassandra (read by the launcher, not by the hub)")
        boolean localNode() default true;
    }

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private StoreConnector connector;

    @Activate
    void activate(BundleContext context, Config config) {
        StoreSettings settings = new StoreSettings(StoreSettings.parseContactPoints(config.contactPoints()), config.localDatacenter(),
                config.keyspace(), config.replication());
        connector = new StoreConnector(settings, stores -> register(context, stores)).start();
    }

    private void register(BundleContext context, CassandraStores stores) {
        synchronized (registrations) {
            registrations.add(context.registerService(ActivityStore.class, stores.activities, null));
            registrations.add(context.registerService(DirectoryStore.class, stores.directory, null));
            registrations.add(context.registerService(OpportunityStore.class, stores.opportunities, null));
            registrations.add(context.registerService(InsightStore.class, stores.insights, null));
            registrations.add(context.registerService(IntegrationStore.class, stores.integrations, null));
            registrations.add(context.registerService(AuditLog.class, stores.audit, null));
            registrations.add(context.registerService(TenantStore.class, stores.tenants, null));
            registrations.add(context.registerService(SyncRunStore.class, stores.syncRuns, null));
            registrations.add(context.registerService(LeaseStore.class, stores.leases, null));
            registrations.add(context.registerService(CredentialStore.class, stores.credentials, null));
            registrations.add(context.registerService(SourcePurge.class, stores.sourcePurge, null));
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        // Services go before the session closes, and none can be registered after they went.
        connector.stopConnecting();
        synchronized (registrations) {
            registrations.forEach(ServiceRegistration::unregister);
            registrations.clear();
        }
        connector.close();
    }

    @Override
    public String name() {
        return "store";
    }

    @Override
    public HealthReport check() {
        return connector.health();
    }
}
