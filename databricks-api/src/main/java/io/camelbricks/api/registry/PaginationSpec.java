package io.camelbricks.api.registry;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How a list operation pages ({@code x-databricks-pagination}), with the typed accessors the pagination engine needs.
 *
 * @param <Q> request type
 * @param <R> response (page) type
 * @param <T> item type
 */
public final class PaginationSpec<Q, R, T> {
    private final PaginationKind kind;
    private final String requestField;
    private final String responseField;
    private final String itemsField;
    private final String dedupeBy;
    private final Long firstPage;
    private final Class<T> itemType;
    private final Function<R, List<T>> items;
    private final BiConsumer<Q, Object> setCursor;
    private final Function<R, Object> nextCursor;
    private final Function<R, Q> nextRequest;
    private final Function<T, Object> dedupeKey;

    private PaginationSpec(Builder<Q, R, T> b) {
        this.kind = b.kind;
        this.requestField = b.requestField;
        this.responseField = b.responseField;
        this.itemsField = b.itemsField;
        this.dedupeBy = b.dedupeBy;
        this.firstPage = b.firstPage;
        this.itemType = b.itemType;
        this.items = b.items;
        this.setCursor = b.setCursor;
        this.nextCursor = b.nextCursor;
        this.nextRequest = b.nextRequest;
        this.dedupeKey = b.dedupeKey;
    }

    public static <Q, R, T> Builder<Q, R, T> builder(PaginationKind kind, Class<T> itemType, Function<R, List<T>> items) {
        return new Builder<>(kind, itemType, items);
    }

    public PaginationKind kind() { return kind; }

    /** Request field that carries the cursor ({@code page_token}, {@code start_index}, {@code page}); null for SINGLE. */
    public String requestField() { return requestField; }

    /** Response field that carries the next cursor ({@code next_page_token}, {@code next_page}); may be null. */
    public String responseField() { return responseField; }

    /** Response field holding the items of a page. */
    public String itemsField() { return itemsField; }

    /** Item field used to drop duplicates across pages (SCIM {@code id}); may be null. */
    public String dedupeBy() { return dedupeBy; }

    /** First page number for PAGE pagination, first index for OFFSET. */
    public Long firstPage() { return firstPage; }

    public Class<T> itemType() { return itemType; }

    /** The items of a page, never null. */
    public List<T> itemsOf(R page) {
        List<T> list = page == null ? null : items.apply(page);
        return list == null ? List.of() : list;
    }

    /** Writes the cursor into the (copied) request. */
    public void setCursor(Q request, Object cursor) {
        if (setCursor == null) {
            throw new IllegalStateException(kind + " pagination has no request cursor");
        }
        setCursor.accept(request, cursor);
    }

    /** The cursor the response hands back, or null. */
    public Object nextCursorOf(R page) {
        return nextCursor == null || page == null ? null : nextCursor.apply(page);
    }

    /** For NEXT_PAGE_REQUEST: the next request, or null at the end. */
    public Q nextRequestOf(R page) {
        return nextRequest == null || page == null ? null : nextRequest.apply(page);
    }

    /** The key an item is de-duplicated by, or null when items are not de-duplicated. */
    public Object dedupeKeyOf(T item) {
        return dedupeKey == null || item == null ? null : dedupeKey.apply(item);
    }

    public boolean deduplicates() { return dedupeKey != null; }

    /** Builder used by the generated registry. */
    public static final class Builder<Q, R, T> {
        private final PaginationKind kind;
        private final Class<T> itemType;
        private final Function<R, List<T>> items;
        private String requestField;
        private String responseField;
        private String itemsField;
        private String dedupeBy;
        private Long firstPage;
        private BiConsumer<Q, Object> setCursor;
        private Function<R, Object> nextCursor;
        private Function<R, Q> nextRequest;
        private Function<T, Object> dedupeKey;

        private Builder(PaginationKind kind, Class<T> itemType, Function<R, List<T>> items) {
            this.kind = kind;
            this.itemType = itemType;
            this.items = items;
        }

        public Builder<Q, R, T> itemsField(String name) { this.itemsField = name; return this; }

        @SuppressWarnings("unchecked")
        public Builder<Q, R, T> requestCursor(String field, BiConsumer<Q, ?> setter) {
            this.requestField = field;
            this.setCursor = (BiConsumer<Q, Object>) setter;
            return this;
        }

        @SuppressWarnings("unchecked")
        public Builder<Q, R, T> responseCursor(String field, Function<R, ?> getter) {
            this.responseField = field;
            this.nextCursor = (Function<R, Object>) getter;
            return this;
        }

        public Builder<Q, R, T> nextRequest(String field, Function<R, Q> getter) {
            this.responseField = field;
            this.nextRequest = getter;
            return this;
        }

        @SuppressWarnings("unchecked")
        public Builder<Q, R, T> dedupeBy(String field, Function<T, ?> key) {
            this.dedupeBy = field;
            this.dedupeKey = (Function<T, Object>) key;
            return this;
        }

        public Builder<Q, R, T> firstPage(long first) { this.firstPage = first; return this; }

        public PaginationSpec<Q, R, T> build() { return new PaginationSpec<>(this); }
    }
}
