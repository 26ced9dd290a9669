package io.camelbricks.api.http;

import java.io.FilterInputStream;
import java.io.IOException;

/** The body of a streamed response; closing it closes the response and returns the connection. */
public final class ResponseBodyStream extends FilterInputStream {
    private final HttpResponse response;

    public ResponseBodyStream(HttpResponse response) {
        super(response.body());
        this.response = response;
    }

    @Override
    public void close() throws IOException {
        response.close();
    }
}
