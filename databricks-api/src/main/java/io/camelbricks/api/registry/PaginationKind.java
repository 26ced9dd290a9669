package io.camelbricks.api.registry;

/** The pagination styles of the Databricks REST API ({@code x-databricks-pagination.kind}). */
public enum PaginationKind {
    /** {@code page_token} in, {@code next_page_token} out; go on while a token comes back, even after an empty page. */
    TOKEN,
    /** SCIM: 1-based {@code start_index}, advanced by the number of items received, de-duplicated by id. */
    OFFSET,
    /** Legacy SQL lists: 1-based {@code page} number, stop on an empty page. */
    PAGE,
    /** The response's {@code next_page} is the whole body of the next request (cluster events). */
    NEXT_PAGE_REQUEST,
    /** One call returns the whole collection. */
    SINGLE
}
