package io.camelbricks.emulator.server;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Cuts a sorted list into pages addressed by {@link PageToken}s that carry a key, not an offset, so pages stay
 * consistent while items are added or removed between calls (as a real service's cursors do).
 *
 * @param <T> item type
 */
public final class KeysetPager<T> {

    /** One page: the items, and the tokens for the next and previous pages (null when there is none). */
    public record Page<T>(List<T> items, String nextPageToken, String prevPageToken) {
        public boolean hasMore() {
            return nextPageToken != null;
        }
    }

    private final String scope;
    private final ToLongFunction<T> key;
    private final boolean descending;

    /**
     * @param scope      token scope, e.g. {@code jobs}
     * @param key        the sort key (unique per item)
     * @param descending true when items are sorted by descending key
     */
    public KeysetPager(String scope, ToLongFunction<T> key, boolean descending) {
        this.scope = scope;
        this.key = key;
        this.descending = descending;
    }

    /**
     * @param sorted    all items, sorted by key in this pager's direction
     * @param limit     page size (positive)
     * @param pageToken a token from a previous page, or null/empty for the first page
     * @param offset    number of items to skip when there is no token (legacy offset paging)
     */
    public Page<T> page(List<T> sorted, int limit, String pageToken, long offset) {
        int from;
        int to;
        if (pageToken == null || pageToken.isEmpty()) {
            from = (int) Math.min(Math.max(offset, 0), sorted.size());
            to = Math.min(sorted.size(), from + limit);
        } else {
            PageToken token = PageToken.decode(pageToken, scope);
            int firstAfter = sorted.size();
            for (int i = 0; i < sorted.size(); i++) {
                if (isAfter(key.applyAsLong(sorted.get(i)), token.boundary())) {
                    firstAfter = i;
                    break;
                }
            }
            if (token.forward()) {
                from = firstAfter;
                to = Math.min(sorted.size(), from + limit);
            } else {
                int lastBefore = -1;
                for (int i = 0; i < sorted.size(); i++) {
                    if (isAfter(token.boundary(), key.applyAsLong(sorted.get(i)))) {
                        lastBefore = i;
                    }
                }
                to = lastBefore + 1;
                from = Math.max(0, to - limit);
            }
        }
        List<T> items = List.copyOf(sorted.subList(from, to));
        String next = to < sorted.size() && !items.isEmpty()
                ? new PageToken(scope, true, key.applyAsLong(items.get(items.size() - 1))).encode() : null;
        String prev = from > 0 && !items.isEmpty()
                ? new PageToken(scope, false, key.applyAsLong(items.get(0))).encode() : null;
        return new Page<>(items, next, prev);
    }

    private boolean isAfter(long itemKey, long boundary) {
        return descending ? itemKey < boundary : itemKey > boundary;
    }
}
