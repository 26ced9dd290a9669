package io.camelbricks.api.paging;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.registry.PaginationSpec;

/**
 * Walks a list operation page by page as its items are consumed, for the five pagination kinds of the spec. The
 * caller's request is never modified: paging works on a copy. Token pagination goes on past empty pages while a
 * token comes back and fails on a repeated token instead of looping forever; SCIM offsets are 1-based and items
 * seen on an earlier page are dropped.
 */
public final class Paginator<Q, R, T> implements Paginated<T> {
    private final ApiClient client;
    private final Operation<Q, R> op;
    private final Q request;

    public Paginator(ApiClient client, Operation<Q, R> op, Q request) {
        this.client = client;
        this.op = op;
        this.request = request;
    }

    @Override
    public Iterator<T> iterator() {
        return new PageIterator();
    }

    private Q freshRequest() {
        Class<Q> type = op.requestType();
        if (type == Void.class) {
            return null;
        }
        if (request == null) {
            try {
                return type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new DatabricksException(op.id() + ": cannot create an empty " + type.getSimpleName(), e);
            }
        }
        return client.mapper().convertValue(request, type);
    }

    private final class PageIterator implements Iterator<T> {
        @SuppressWarnings("unchecked")
        private final PaginationSpec<Q, R, T> spec = (PaginationSpec<Q, R, T>) op.pagination();
        private final Deque<T> buffer = new ArrayDeque<>();
        private final Set<Object> seenTokens = new HashSet<>();
        private final Set<Object> seenItems = new HashSet<>();
        private Q next = freshRequest();
        private boolean started;
        private boolean done;
        private long offset;

        @Override
        public boolean hasNext() {
            while (buffer.isEmpty() && !done) {
                fetchPage();
            }
            return !buffer.isEmpty();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffer.poll();
        }

        private void fetchPage() {
            if (!started) {
                started = true;
                switch (spec.kind()) {
                    case OFFSET, PAGE -> {
                        offset = spec.firstPage() == null ? 1 : spec.firstPage();
                        spec.setCursor(next, offset);
                    }
                    default -> { }
                }
            }
            R page = client.execute(op, next);
            java.util.List<T> items = spec.itemsOf(page);
            for (T item : items) {
                Object key = spec.dedupeKeyOf(item);
                if (key == null || seenItems.add(key)) {
                    buffer.add(item);
                }
            }
            advance(page, items.size());
        }

        private void advance(R page, int itemCount) {
            switch (spec.kind()) {
                case SINGLE -> done = true;
                case TOKEN -> {
                    Object token = spec.nextCursorOf(page);
                    if (token == null || token.toString().isEmpty()) {
                        done = true;
                    } else if (!seenTokens.add(token)) {
                        throw new DatabricksException(op.id() + ": the server returned the page token '" + token
                                + "' a second time; stopping instead of listing forever");
                    } else {
                        spec.setCursor(next, token);
                    }
                }
                case OFFSET -> {
                    if (itemCount == 0) {
                        done = true;
                    } else {
                        offset += itemCount;
                        spec.setCursor(next, offset);
                    }
                }
                case PAGE -> {
                    if (itemCount == 0) {
                        done = true;
                    } else {
                        offset += 1;
                        spec.setCursor(next, offset);
                    }
                }
                case NEXT_PAGE_REQUEST -> {
                    Q following = spec.nextRequestOf(page);
                    if (following == null || Objects.equals(following, next)) {
                        done = true;
                    } else {
                        next = following;
                    }
                }
            }
        }
    }
}
