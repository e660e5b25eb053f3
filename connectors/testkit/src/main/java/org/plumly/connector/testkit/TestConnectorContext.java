package org.plumly.connector.testkit;

import java.nio.file.Path;
import java.util.Objects;

import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.Egress;
import org.plumly.api.connector.SourceFiles;

/**
 * A {@link ConnectorContext} for tests: the configuration, an {@link Egress} (usually a
 * {@link RecordingEgress}), for OAuth2 connectors a fixed access token, and for connectors that read
 * files an import folder ({@link #withFiles}).
 *
 * <pre>{@code
 * ConnectorConfig config = new ConnectorConfig(TenantId.of("acme"), "acme-crm", settings, spec.secretKeys());
 * TestConnectorContext context = new TestConnectorContext(config, new RecordingEgress(spec, config));
 * }</pre>
 */
public final class TestConnectorContext implements ConnectorContext {
    private final ConnectorConfig config;
    private final Egress egress;
    private final String accessToken;
    private final SourceFiles files;

    /** A context without an OAuth2 grant: {@link #accessToken()} fails as the engine's would. */
    public TestConnectorContext(ConnectorConfig config, Egress egress) {
        this(config, egress, null);
    }

    /** A context whose {@link #accessToken()} is {@code accessToken}, or fails when it is null. */
    public TestConnectorContext(ConnectorConfig config, Egress egress, String accessToken) {
        this(config, egress, accessToken, SourceFiles.in(Path.of("target", "no-imports")));
    }

    private TestConnectorContext(ConnectorConfig config, Egress egress, String accessToken, SourceFiles files) {
        this.config = Objects.requireNonNull(config, "config");
        this.egress = Objects.requireNonNull(egress, "egress");
        this.accessToken = accessToken;
        this.files = files;
    }

    /** This context with {@code importFolder} as the tenant's import folder, as the hub would confine it. */
    public TestConnectorContext withFiles(Path importFolder) {
        return new TestConnectorContext(config, egress, accessToken, SourceFiles.in(importFolder));
    }

    @Override
    public ConnectorConfig config() {
        return config;
    }

    @Override
    public Egress egress() {
        return egress;
    }

    @Override
    public String accessToken() throws ConnectorException {
        if (accessToken == null) {
            throw ConnectorException.unauthorized("integration " + config.integration() + " holds no OAuth2 grant");
        }
        return accessToken;
    }

    @Override
    public SourceFiles files() {
        return files;
    }
}
