package io.camelbricks.api.paging;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An entity whose arrays come in pages (Jobs API 2.2 pages a run's tasks and a job's tasks at 100): the client
 * fetches the remaining pages and merges them, so callers, waiters and routes always see the whole entity.
 *
 * @param <Q> the request type of the operation
 * @param <R> the paged entity
 */
public interface PagedResponse<Q, R> {

    /** The token of the next page, or null/empty when {@code entity} is complete. */
    String nextPageToken(R entity);

    /** A copy of {@code request} asking for the page {@code token}. */
    Q withPageToken(ObjectMapper mapper, Q request, String token);

    /** Appends the arrays of {@code page} to {@code into} and takes over its paging fields. */
    void merge(R into, R page);
}
