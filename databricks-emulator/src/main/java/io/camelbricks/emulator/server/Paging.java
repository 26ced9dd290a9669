package io.camelbricks.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * The pagination styles of the Databricks APIs, for any handler (and the spec fallback) to reuse. Each cuts a full,
 * already sorted and filtered list into the page a request asks for, and writes the page fields as the service does.
 * Page sizes come from {@link PageSizes#resolve}.
 *
 * <ul>
 *   <li>{@link #token}: {@code page_token} in, {@code next_page_token} out (absent on the last page): most lists.
 *       Tokens are opaque positions scoped to one list (a token from another list is 400). For lists that must stay
 *       consistent while items change between calls, use {@link KeysetPager} instead.</li>
 *   <li>{@link #scim}: SCIM {@code startIndex} (1-based) and {@code count} in; {@code totalResults},
 *       {@code startIndex}, {@code itemsPerPage}, {@code Resources} out.</li>
 *   <li>{@link #legacyPage}: legacy SQL lists, {@code page} (1-based) and {@code page_size} in; {@code count} (all
 *       items), {@code page}, {@code page_size}, {@code results} out.</li>
 *   <li>{@link #nextPageRequest}: cluster events, {@code offset} and {@code limit} in the body; {@code events},
 *       {@code total_count} and {@code next_page} (the whole body of the next request, absent on the last page) out.</li>
 * </ul>
 */
public final class Paging {

    /** The SCIM list answer's schema URN. */
    public static final String SCIM_LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private Paging() {
    }

    /** One page of a token-paginated list; {@code nextPageToken} is null on the last page. */
    public record TokenPage<T>(List<T> items, String nextPageToken) {
        public boolean hasMore() {
            return nextPageToken != null;
        }

        /**
         * Writes {@code itemsField} (left out when empty, as protobuf JSON does) and {@code next_page_token}
         * (left out on the last page) into {@code json}.
         */
        public ObjectNode writeTo(ObjectNode json, String itemsField, Function<T, JsonNode> render) {
            return writeTo(json, itemsField, "next_page_token", render);
        }

        public ObjectNode writeTo(ObjectNode json, String itemsField, String tokenField, Function<T, JsonNode> render) {
            json.remove(itemsField);
            if (!items.isEmpty()) {
                ArrayNode array = json.putArray(itemsField);
                items.forEach(i -> array.add(render.apply(i)));
            }
            if (nextPageToken != null) {
                json.put(tokenField, nextPageToken);
            } else {
                json.remove(tokenField);
            }
            return json;
        }
    }

    /**
     * Token paging by position.
     *
     * @param list      names the list (tokens of another list are rejected), e.g. its operationId
     * @param all       every item, in answer order
     * @param pageToken the request's token, null or empty for the first page
     * @param pageSize  items per page (positive)
     * @throws ApiException 400 INVALID_PARAMETER_VALUE for a token that is garbled or from another list
     */
    public static <T> TokenPage<T> token(String list, List<T> all, String pageToken, int pageSize) {
        requirePositive(pageSize);
        int from = 0;
        if (pageToken != null && !pageToken.isEmpty()) {
            PageToken token = PageToken.decode(pageToken, list);
            if (!token.forward() || token.boundary() < 0) {
                throw ApiException.invalidParameter("Invalid page token: " + pageToken);
            }
            from = (int) Math.min(token.boundary(), all.size());
        }
        int to = Math.min(all.size(), from + pageSize);
        String next = to < all.size() ? new PageToken(list, true, to).encode() : null;
        return new TokenPage<>(List.copyOf(all.subList(from, to)), next);
    }

    /** One SCIM page. */
    public record ScimPage<T>(List<T> items, long totalResults, long startIndex) {
        /** Writes {@code schemas}, {@code totalResults}, {@code startIndex}, {@code itemsPerPage} and {@code Resources}. */
        public ObjectNode writeTo(ObjectNode json, Function<T, JsonNode> render) {
            json.putArray("schemas").add(SCIM_LIST_RESPONSE);
            json.put("totalResults", totalResults);
            json.put("startIndex", startIndex);
            json.put("itemsPerPage", items.size());
            ArrayNode resources = json.putArray("Resources");
            items.forEach(i -> resources.add(render.apply(i)));
            return json;
        }
    }

    /**
     * SCIM offset paging: {@code startIndex} is 1-based (values below 1 count as 1); {@code count} items from there
     * ({@code count} 0 answers only {@code totalResults}). The next request's {@code startIndex} is
     * {@code startIndex + itemsPerPage}.
     */
    public static <T> ScimPage<T> scim(List<T> all, long startIndex, int count) {
        if (count < 0) {
            throw ApiException.invalidParameter("count must not be negative.");
        }
        long start = Math.max(1, startIndex);
        int from = (int) Math.min(start - 1, all.size());
        int to = (int) Math.min(all.size(), (long) from + count);
        return new ScimPage<>(List.copyOf(all.subList(from, to)), all.size(), start);
    }

    /** One page of a legacy SQL list. */
    public record LegacyPage<T>(List<T> items, long count, long page, int pageSize) {
        /** Writes {@code count}, {@code page}, {@code page_size} and {@code results}. */
        public ObjectNode writeTo(ObjectNode json, Function<T, JsonNode> render) {
            json.put("count", count);
            json.put("page", page);
            json.put("page_size", pageSize);
            ArrayNode results = json.putArray("results");
            items.forEach(i -> results.add(render.apply(i)));
            return json;
        }
    }

    /** Legacy page numbers: {@code page} is 1-based (below 1 is 400, past the end an empty page). */
    public static <T> LegacyPage<T> legacyPage(List<T> all, long page, int pageSize) {
        requirePositive(pageSize);
        if (page < 1) {
            throw ApiException.invalidParameter("page must be at least 1.");
        }
        long from = Math.min((page - 1) * pageSize, all.size());
        int to = (int) Math.min(all.size(), from + pageSize);
        return new LegacyPage<>(List.copyOf(all.subList((int) from, to)), all.size(), page, pageSize);
    }

    /** One page of cluster events; {@code nextPage} is null on the last page. */
    public record EventsPage<T>(List<T> items, ObjectNode nextPage, long totalCount) {
        /** Writes {@code itemsField} ({@code events}), {@code total_count} and, unless last, {@code next_page}. */
        public ObjectNode writeTo(ObjectNode json, String itemsField, Function<T, JsonNode> render) {
            ArrayNode array = json.putArray(itemsField);
            items.forEach(i -> array.add(render.apply(i)));
            json.put("total_count", totalCount);
            if (nextPage != null) {
                json.set("next_page", nextPage);
            } else {
                json.remove("next_page");
            }
            return json;
        }
    }

    /**
     * Cluster events' paging: {@code offset} (default 0) and {@code limit} of the request body; the next page's
     * request is the same body with {@code offset} moved past this page (and {@code limit} set).
     *
     * @param request  the request body (not modified)
     * @param pageSize items per page, usually {@code PageSizes.resolve(limit, 50, 500, ...)}
     */
    public static <T> EventsPage<T> nextPageRequest(List<T> all, ObjectNode request, int pageSize) {
        requirePositive(pageSize);
        JsonNode offsetNode = request.get("offset");
        long offset = offsetNode == null || offsetNode.isNull() ? 0 : offsetNode.asLong(-1);
        if (offset < 0) {
            throw ApiException.invalidParameter("offset must not be negative.");
        }
        int from = (int) Math.min(offset, all.size());
        int to = Math.min(all.size(), from + pageSize);
        ObjectNode next = null;
        if (to < all.size()) {
            next = request.deepCopy();
            next.put("offset", to);
            next.put("limit", pageSize);
        }
        return new EventsPage<>(List.copyOf(all.subList(from, to)), next, all.size());
    }

    private static void requirePositive(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive: " + pageSize);
        }
    }
}
