package org.plumly.store.cassandra.internal;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.plumly.api.TenantId;
import org.plumly.api.store.CredentialStore;
import org.plumly.api.store.PendingAuthorization;
import org.plumly.api.store.SealedSecret;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Row;

/**
 * Sealed secrets by integration, and OAuth2 authorizations in progress. A pending authorization is
 * written and taken through lightweight transactions only: of two callbacks with the same state,
 * exactly one gets it.
 */
final class CassandraCredentialStore implements CredentialStore {
    private static final String PENDING_COLUMNS = "integration_id, code_verifier_key_id, code_verifier, redirect_uri, requested_by, expires_at";

    private final Cql cql;

    CassandraCredentialStore(Cql cql) {
        this.cql = cql;
    }

    @Override
    public void put(TenantId tenant, String integration, String name, SealedSecret secret) {
        cql.execute(cql.bind("INSERT INTO integration_secrets (tenant, integration_id, name, key_id, sealed) VALUES (?, ?, ?, ?, ?)",
                tenant.value(), integration, name, secret.keyId(), ByteBuffer.wrap(secret.sealed())));
    }

    @Override
    public Map<String, SealedSecret> all(TenantId tenant, String integration) {
        Map<String, SealedSecret> secrets = new LinkedHashMap<>();
        for (Row row : cql.all(cql.bind("SELECT name, key_id, sealed FROM integration_secrets WHERE tenant = ? AND integration_id = ?",
                tenant.value(), integration))) {
            secrets.put(row.getString("name"), sealed(row.getString("key_id"), row.getByteBuffer("sealed")));
        }
        return secrets;
    }

    @Override
    public void deleteAll(TenantId tenant, String integration) {
        cql.execute(cql.bind("DELETE FROM integration_secrets WHERE tenant = ? AND integration_id = ?", tenant.value(), integration));
    }

    @Override
    public void putPending(PendingAuthorization pending, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a pending authorization lasts a while: " + ttl);
        }
        SealedSecret verifier = pending.codeVerifier();
        boolean written = cql.execute(serial(cql.bind("INSERT INTO pending_authorizations (tenant, state, " + PENDING_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS USING TTL ?",
                pending.tenant().value(), pending.state(), pending.integration(), verifier.keyId(), ByteBuffer.wrap(verifier.sealed()),
                pending.redirectUri().toString(), pending.requestedBy(), pending.expiresAt(),
                Math.toIntExact((ttl.toMillis() + 999) / 1000)))).wasApplied();
        if (!written) {
            throw new IllegalStateException("an authorization with this state is already pending");
        }
    }

    /** Reads the row, then deletes it on the condition that it is still there: only the caller whose delete applied gets it. */
    @Override
    public Optional<PendingAuthorization> takePending(TenantId tenant, String state) {
        Row row = cql.one(cql.bind("SELECT " + PENDING_COLUMNS + " FROM pending_authorizations WHERE tenant = ? AND state = ?", tenant.value(), state)
                .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_SERIAL));
        if (row == null) {
            return Optional.empty();
        }
        boolean taken = cql.execute(serial(cql.bind("DELETE FROM pending_authorizations WHERE tenant = ? AND state = ? IF EXISTS",
                tenant.value(), state))).wasApplied();
        Instant expiresAt = row.getInstant("expires_at");
        if (!taken || !Instant.now().isBefore(expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(new PendingAuthorization(tenant, row.getString("integration_id"), state,
                sealed(row.getString("code_verifier_key_id"), row.getByteBuffer("code_verifier")), URI.create(row.getString("redirect_uri")),
                row.getString("requested_by"), expiresAt));
    }

    private static SealedSecret sealed(String keyId, ByteBuffer bytes) {
        byte[] sealed = new byte[bytes.remaining()];
        bytes.duplicate().get(sealed);
        return new SealedSecret(keyId, sealed);
    }

    private static BoundStatement serial(BoundStatement statement) {
        return statement.setSerialConsistencyLevel(DefaultConsistencyLevel.LOCAL_SERIAL);
    }
}
