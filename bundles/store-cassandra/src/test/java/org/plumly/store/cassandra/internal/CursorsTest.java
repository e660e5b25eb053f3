package org.plumly.store.cassandra.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.plumly.api.TenantId;
import org.plumly.api.store.InvalidCursorException;

class CursorsTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");

    @Test
    void aCursorTakesItsListBackToWhereItStopped() {
        String cursor = Cursors.encode("timeline", ACME, "opportunity:o1", new Cursors.Position(202611, ByteBuffer.wrap(new byte[] {1, 2, 3})));

        Cursors.Position position = Cursors.decode(cursor, "timeline", ACME, "opportunity:o1");

        assertThat(position.bucket()).isEqualTo(202611);
        assertThat(position.pagingState()).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThat(Cursors.decode(null, "timeline", ACME, "opportunity:o1")).isNull();
    }

    @Test
    void aCursorOfAnotherTenantListOrKeyIsRefused() {
        String cursor = Cursors.encode("timeline", ACME, "opportunity:o1", new Cursors.Position(202611, null));

        assertThatThrownBy(() -> Cursors.decode(cursor, "timeline", GLOBEX, "opportunity:o1")).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> Cursors.decode(cursor, "timeline", ACME, "opportunity:o2")).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> Cursors.decode(cursor, "users", ACME, "opportunity:o1")).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void aDamagedCursorIsRefused() {
        String cursor = Cursors.encode("users", ACME, "", new Cursors.Position(0, ByteBuffer.wrap(new byte[] {9})));

        assertThatThrownBy(() -> Cursors.decode("not base64!", "users", ACME, "")).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> Cursors.decode(cursor.substring(0, 6), "users", ACME, "")).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> Cursors.decode("B" + cursor.substring(1), "users", ACME, "")).isInstanceOf(InvalidCursorException.class);
    }
}
