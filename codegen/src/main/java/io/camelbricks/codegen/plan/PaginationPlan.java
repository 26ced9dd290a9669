package io.camelbricks.codegen.plan;

import io.camelbricks.codegen.types.JavaType;

/**
 * A pagination with every field resolved against the request, response and item classes.
 *
 * @param kind           the registry's {@code PaginationKind} name (TOKEN, OFFSET, PAGE, NEXT_PAGE_REQUEST, SINGLE)
 * @param itemType       the item class
 * @param items          the response field holding the page's items
 * @param requestCursor  the request field that carries the cursor (TOKEN, OFFSET, PAGE), otherwise null
 * @param responseCursor the response field with the next token (TOKEN) or next request (NEXT_PAGE_REQUEST), or null
 * @param dedupe         the item field items are de-duplicated by, or null
 * @param firstPage      first page / index (OFFSET, PAGE), otherwise null
 */
public record PaginationPlan(String kind, JavaType itemType, BeanField items, BeanField requestCursor,
                             BeanField responseCursor, BeanField dedupe, Long firstPage) {
}
