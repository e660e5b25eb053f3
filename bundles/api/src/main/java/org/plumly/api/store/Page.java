package org.plumly.api.store;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, in the list's order, and the cursor of the next page.
 *
 * @param items      at most the requested size
 * @param nextCursor opaque; null on the last page. Meaningful only for the same list and tenant
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }

    public boolean hasNext() {
        return nextCursor != null;
    }

    /** The request for the next page, or null when this is the last. */
    public PageRequest nextRequest(int size) {
        return hasNext() ? PageRequest.after(nextCursor, size) : null;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
