package org.plumly.store.cassandra.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.CqlSession;

class SchemaMigrationsTest {

    @Test
    void scriptsSplitIntoStatementsWithoutComments() {
        assertThat(SchemaMigrations.statements("-- a table\nCREATE TABLE a (x int PRIMARY KEY);\n\nCREATE TABLE b (\n  y int PRIMARY KEY\n);\n"))
                .containsExactly("CREATE TABLE a (x int PRIMARY KEY)", "CREATE TABLE b (\n  y int PRIMARY KEY\n)");
        assertThatThrownBy(() -> SchemaMigrations.statements("CREATE TABLE a (x int PRIMARY KEY)")).hasMessageContaining("without ';'");
    }

    @Test
    void migrationsAreAppliedOnceRecordedAndNeverSilentlyEdited() {
        CassandraStores stores = TestStores.shared();
        CqlSession session = stores.session();

        assertThat(SchemaMigrations.apply(session, "plumly_test")).as("already applied when the store opened").isEmpty();
        assertThat(session.execute("SELECT version, name FROM plumly_test.schema_migrations").all())
                .extracting(row -> row.getString("name")).containsExactlyElementsOf(SchemaMigrations.MIGRATIONS);
        assertThat(session.getMetadata().getKeyspace("plumly_test").orElseThrow().getTables()).hasSizeGreaterThan(20);

        session.execute("UPDATE plumly_test.schema_migrations SET checksum = 'edited' WHERE version = 1");
        try {
            assertThatThrownBy(() -> SchemaMigrations.apply(session, "plumly_test")).hasMessageContaining("changed after it was applied");
        } finally {
            session.execute("DELETE FROM plumly_test.schema_migrations WHERE version = 1");
            assertThat(SchemaMigrations.apply(session, "plumly_test")).as("re-applying an idempotent script is harmless").isEqualTo(List.of(1));
        }
    }
}
