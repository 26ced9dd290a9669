package io.camelbricks.api.http;

import java.util.AbstractList;
import java.util.Map;
import java.util.RandomAccess;

import org.apache.hc.core5.http.Header;

/**
 * The headers of an Apache response as name-value entries, read where they are: most answers are decoded without
 * anyone looking at their headers, so nothing is copied up front.
 */
final class ApacheHeaders extends AbstractList<Map.Entry<String, String>> implements RandomAccess {
    private final Header[] headers;

    ApacheHeaders(Header[] headers) {
        this.headers = headers;
    }

    @Override
    public Map.Entry<String, String> get(int index) {
        Header h = headers[index];
        return Map.entry(h.getName(), h.getValue() == null ? "" : h.getValue());
    }

    @Override
    public int size() {
        return headers.length;
    }
}
