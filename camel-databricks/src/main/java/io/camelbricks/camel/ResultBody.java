package io.camelbricks.camel;

import java.io.Closeable;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns a response, polled entity or listed item into the body form of {@code outputType}. */
final class ResultBody {
    private ResultBody() {
    }

    /** {@code value} in the form of {@code output}; a list item by item; streams and bytes as they are. */
    static Object convert(OutputType output, ObjectMapper mapper, Object value) {
        if (output == OutputType.TYPED || value == null || value instanceof InputStream || value instanceof byte[]) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            for (Object item : list) {
                items.add(convert(output, mapper, item));
            }
            return items;
        }
        if (output == OutputType.MAP) {
            return mapper.convertValue(value, LinkedHashMap.class);
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * A lazy listing as a splitter-friendly {@link Iterator}: each page is fetched (and fully read, so no HTTP
     * connection stays open) when the items before it are used up. Closing it stops the listing.
     */
    static final class LazyListing implements Iterator<Object>, Closeable {
        private final Iterator<?> items;
        private final OutputType output;
        private final ObjectMapper mapper;
        private volatile boolean closed;

        LazyListing(Iterator<?> items, OutputType output, ObjectMapper mapper) {
            this.items = items;
            this.output = output;
            this.mapper = mapper;
        }

        @Override
        public boolean hasNext() {
            return !closed && items.hasNext();
        }

        @Override
        public Object next() {
            if (closed) {
                throw new NoSuchElementException("the listing was closed");
            }
            return convert(output, mapper, items.next());
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
