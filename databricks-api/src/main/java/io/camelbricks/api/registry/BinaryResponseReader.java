package io.camelbricks.api.registry;

import java.io.InputStream;

/** Builds the typed response of a streaming operation from the raw body and the response headers. */
@FunctionalInterface
public interface BinaryResponseReader<R> {
    R read(InputStream contents, ResponseHeaders headers);
}
