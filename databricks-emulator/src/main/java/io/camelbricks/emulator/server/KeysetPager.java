package io.camelbricks.emulator.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.function.Predicate;
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

    /**
     * The same page as {@link #page(List, int, String, long)} over the items of {@code byKey} that pass
     * {@code filter}, read straight from the sorted map: O(page) without a filter, instead of a copy of every item
     * per page. The caller holds whatever lock guards {@code byKey}.
     *
     * @param byKey  all items by their key (ascending, as a {@link java.util.TreeMap} keeps them)
     * @param filter the items listed, or null for all
     */
    public Page<T> page(NavigableMap<Long, T> byKey, Predicate<? super T> filter, int limit, String pageToken,
                        long offset) {
        NavigableMap<Long, T> ordered = descending ? byKey.descendingMap() : byKey;
        List<T> items = new ArrayList<>(Math.min(limit, 1024));
        boolean before;
        boolean after;
        if (pageToken == null || pageToken.isEmpty()) {
            Iterator<T> it = ordered.values().iterator();
            long skipped = skip(it, filter, Math.max(offset, 0));
            before = skipped > 0;
            after = take(it, filter, limit, items);
        } else {
            PageToken token = PageToken.decode(pageToken, scope);
            // in this pager's order: the items after the boundary, and those up to it
            NavigableMap<Long, T> following = ordered.tailMap(token.boundary(), false);
            NavigableMap<Long, T> upTo = ordered.headMap(token.boundary(), true);
            if (token.forward()) {
                after = take(following.values().iterator(), filter, limit, items);
                before = any(upTo.values().iterator(), filter);
            } else {
                NavigableMap<Long, T> preceding = ordered.headMap(token.boundary(), false);
                before = take(preceding.descendingMap().values().iterator(), filter, limit, items);
                Collections.reverse(items);
                after = any(ordered.tailMap(token.boundary(), true).values().iterator(), filter);
            }
        }
        String next = after && !items.isEmpty()
                ? new PageToken(scope, true, key.applyAsLong(items.get(items.size() - 1))).encode() : null;
        String prev = before && !items.isEmpty()
                ? new PageToken(scope, false, key.applyAsLong(items.get(0))).encode() : null;
        return new Page<>(List.copyOf(items), next, prev);
    }

    /** Skips up to {@code count} items that pass; how many were skipped. */
    private static <T> long skip(Iterator<T> it, Predicate<? super T> filter, long count) {
        long skipped = 0;
        while (skipped < count && it.hasNext()) {
            T item = it.next();
            if (filter == null || filter.test(item)) {
                skipped++;
            }
        }
        return skipped;
    }

    /** Adds up to {@code limit} items that pass to {@code into}; whether another one that passes follows. */
    private static <T> boolean take(Iterator<T> it, Predicate<? super T> filter, int limit, List<T> into) {
        while (it.hasNext()) {
            T item = it.next();
            if (filter == null || filter.test(item)) {
                if (into.size() == limit) {
                    return true;
                }
                into.add(item);
            }
        }
        return false;
    }

    private static <T> boolean any(Iterator<T> it, Predicate<? super T> filter) {
        while (it.hasNext()) {
            if (filter == null || filter.test(it.next())) {
                return true;
            }
        }
        return false;
    }

    private boolean isAfter(long itemKey, long boundary) {
        return descending ? itemKey < boundary : itemKey > boundary;
    }
}
