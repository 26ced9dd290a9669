package io.camelbricks.api.paging;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of a list operation, fetched lazily page by page as they are iterated. Each call to {@link #iterator()}
 * starts the listing again from the first page.
 *
 * @param <T> item type
 */
@FunctionalInterface
public interface Paginated<T> extends Iterable<T> {

    /** The items as a sequential, lazy stream; close it (or exhaust it) to stop fetching. */
    default Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }
}
