package org.plumly.store.cassandra.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

/**
 * Brings the keyspace to the newest schema. Each migration is a CQL file applied once, in order, and
 * recorded with its checksum in {@code schema_migrations}; its statements are idempotent, so a start
 * that died half-way through one applies it again. A recorded migration whose file changed stops the
 * start: released migrations are never edited, a new one is added.
 */
final class SchemaMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    /** In order. Add new files at the end; never edit a released one. */
    static final List<String> MIGRATIONS = List.of("V001__tables.cql", "V002__connector_sdk.cql", "V003__tone.cql");

    private SchemaMigrations() {
    }

    /** Applies what is missing; returns the versions applied by this call. */
    static List<Integer> apply(CqlSession session, String keyspace) {
        session.execute("CREATE TABLE IF NOT EXISTS " + keyspace + ".schema_migrations ("
                + "version int PRIMARY KEY, name text, checksum text, applied_at timestamp)");
        List<Integer> applied = new ArrayList<>();
        for (String file : MIGRATIONS) {
            int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
            String script = read(file);
            String checksum = sha256(script);
            Row recorded = session.execute(SimpleStatement.newInstance(
                    "SELECT checksum FROM " + keyspace + ".schema_migrations WHERE version = ?", version)
                    .setKeyspace(keyspace)).one();
            if (recorded != null) {
                if (!checksum.equals(recorded.getString("checksum"))) {
                    throw new IllegalStateException("schema migration " + file + " changed after it was applied;"
                            + " add a new migration instead of editing a released one");
                }
                continue;
            }
            for (String statement : statements(script)) {
                session.execute(SimpleStatement.newInstance(statement).setKeyspace(keyspace));
            }
            session.execute(SimpleStatement.newInstance("INSERT INTO " + keyspace
                    + ".schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
                    version, file, checksum, Instant.now()));
            LOG.info("Applied schema migration {} to keyspace {}", file, keyspace);
            applied.add(version);
        }
        return applied;
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.toString().strip().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("schema script ends without ';': " + current);
        }
        return statements;
    }

    private static String read(String file) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream("/org/plumly/store/cassandra/schema/" + file)) {
            if (in == null) {
                throw new IllegalStateException("schema migration " + file + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
