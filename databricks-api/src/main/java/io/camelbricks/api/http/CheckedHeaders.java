package io.camelbricks.api.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Headers checked once for characters that could smuggle headers (CR, LF, NUL), to be added to many requests: the
 * credentials and the user agent every attempt carries, checked when they change rather than on every attempt.
 */
public final class CheckedHeaders {
    private final List<Map.Entry<String, String>> entries;

    private CheckedHeaders(List<Map.Entry<String, String>> entries) {
        this.entries = entries;
    }

    /** {@code headers} (in their order), then {@code name: value}; refused as {@link HttpRequest#withHeader} does. */
    public static CheckedHeaders of(Map<String, String> headers, String name, String value) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(headers.size() + 1);
        headers.forEach((k, v) -> {
            HttpRequest.checkHeader(k, v);
            entries.add(Map.entry(k, v));
        });
        HttpRequest.checkHeader(name, value);
        entries.add(Map.entry(name, value));
        return new CheckedHeaders(Collections.unmodifiableList(entries));
    }

    List<Map.Entry<String, String>> entries() {
        return entries;
    }
}
