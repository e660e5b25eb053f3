package org.plumly.store.cassandra.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import org.plumly.api.TenantId;
import org.plumly.api.store.InvalidCursorException;

/**
 * Opaque page cursors: the driver's paging state plus, for time lines, the monthly bucket being read,
 * bound to the list it came from (name, tenant and key) by a digest. A cursor of another list or
 * tenant, or a damaged one, is refused instead of being handed to Cassandra.
 */
final class Cursors {
    private static final byte VERSION = 1;
    private static final int DIGEST_BYTES = 12;

    private Cursors() {
    }

    /** Where a list resumes: a bucket (0 when the list has none) and the driver's paging state (null at a bucket's start). */
    record Position(int bucket, ByteBuffer pagingState) {
    }

    static String encode(String list, TenantId tenant, String key, Position position) {
        byte[] state = position.pagingState() == null ? new byte[0] : bytes(position.pagingState());
        ByteBuffer out = ByteBuffer.allocate(1 + DIGEST_BYTES + 4 + state.length);
        out.put(VERSION).put(digest(list, tenant, key)).putInt(position.bucket()).put(state);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    }

    /** The position a cursor names, or null for the first page. */
    static Position decode(String cursor, String list, TenantId tenant, String key) {
        if (cursor == null) {
            return null;
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("the cursor is not one this list made");
        }
        if (raw.length < 1 + DIGEST_BYTES + 4 || raw[0] != VERSION
                || !MessageDigest.isEqual(Arrays.copyOfRange(raw, 1, 1 + DIGEST_BYTES), digest(list, tenant, key))) {
            throw new InvalidCursorException("the cursor is not one this list made");
        }
        ByteBuffer in = ByteBuffer.wrap(raw, 1 + DIGEST_BYTES, raw.length - 1 - DIGEST_BYTES);
        int bucket = in.getInt();
        byte[] state = new byte[in.remaining()];
        in.get(state);
        return new Position(bucket, state.length == 0 ? null : ByteBuffer.wrap(state));
    }

    private static byte[] digest(String list, TenantId tenant, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((list + '\u0000' + tenant.value() + '\u0000' + key).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(sha.digest(), DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
