package org.plumly.api.store;

/**
 * Which page of a list to read: the first, or the one after a cursor a previous {@link Page} gave.
 *
 * <pre>{@code
 * PageRequest request = PageRequest.first(50);
 * do {
 *     Page<Activity> page = store.timeline(tenant, opportunity, request);
 *     page.items().forEach(this::show);
 *     request = page.nextRequest(50);
 * } while (request != null);
 * }</pre>
 *
 * @param size   1 to {@value #MAX_SIZE} items
 * @param cursor an opaque cursor from {@link Page#nextCursor()}, or null for the first page
 */
public record PageRequest(int size, String cursor) {
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page size must be 1 to " + MAX_SIZE + ": " + size);
        }
        if (cursor != null && cursor.isBlank()) {
            cursor = null;
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(size, null);
    }

    public static PageRequest after(String cursor, int size) {
        return new PageRequest(size, cursor);
    }
}
