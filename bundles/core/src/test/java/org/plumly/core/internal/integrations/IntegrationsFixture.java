package org.plumly.core.internal.integrations;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.plumly.core.internal.connectors.ConnectorRegistry;
import org.plumly.core.internal.oauth.AuthorizationFlow;
import org.plumly.core.internal.oauth.OAuth2Grants;
import org.plumly.core.internal.sync.SyncEngine;
import org.plumly.core.internal.testing.Configs;
import org.plumly.core.internal.tone.TonePipeline;
import org.plumly.core.internal.vault.CredentialVault;
import org.plumly.core.internal.vault.NewVaultKey;
import org.plumly.store.cassandra.testing.StoresForTests;

/**
 * The integrations service wired as in the hub, on the real stores, a vault with a fresh key and a sync
 * engine whose tone step has no classifier (as a hub without the tone bundle).
 */
public final class IntegrationsFixture implements AutoCloseable {
    /** The import folder of the fixture's connector contexts: a folder per tenant inside. */
    public static final Path IMPORTS = Path.of("target", "imports");
    public final ConnectorRegistry registry = new ConnectorRegistry();
    public final SyncEngine engine;
    public final IntegrationService service;
    private final Vertx vertx = Vertx.vertx();
    private final TonePipeline tone;

    public IntegrationsFixture() {
        CredentialVault vault = new CredentialVault(NewVaultKey.entry("k1", new SecureRandom()), "k1");
        OAuth2Grants grants = new OAuth2Grants(vault, StoresForTests.credentials());
        ConnectorContexts contexts = new ConnectorContexts(vault, StoresForTests.credentials(), grants,
                new EgressAudit(StoresForTests.audit(), Clock.systemUTC()), 100, 4, false, IMPORTS);
        tone = new TonePipeline(StoresForTests.activities(), vertx, Configs.of(TonePipeline.Config.class, Map.of()));
        engine = new SyncEngine(Configs.of(SyncEngine.Config.class, Map.of("node", "test", "tickSeconds", 3600)),
                registry, contexts, StoresForTests.tenants(), StoresForTests.integrations(), StoresForTests.syncRuns(),
                StoresForTests.leases(), StoresForTests.directory(), StoresForTests.opportunities(), StoresForTests.activities(), tone);
        service = new IntegrationService(registry, contexts, engine, StoresForTests.integrations(), StoresForTests.credentials(),
                vault, new AuthorizationFlow(vault, StoresForTests.credentials(), grants, Clock.systemUTC()),
                StoresForTests.sourcePurge(), StoresForTests.syncRuns(), StoresForTests.audit(), StoresForTests.tenants());
        registry.addConnector(new KeyedCrm());
    }

    @Override
    public void close() throws InterruptedException {
        engine.stop();
        tone.stop();
        vertx.close().await();
    }
}
