package io.camelbricks.api.auth.oauth;

import java.io.IOException;
import java.util.Map;

import io.camelbricks.api.http.HttpRequest;
import io.camelbricks.api.http.HttpResponse;
import io.camelbricks.api.http.HttpTransport;
import io.camelbricks.api.http.JdkHttpTransport;
import io.camelbricks.api.http.TransportSettings;

/** Sends requests for {@code from} (e.g. the accounts console) to {@code to} (the emulator): a fake DNS for tests. */
final class RewritingTransport implements HttpTransport {
    private final String from;
    private final String to;
    private final HttpTransport delegate = new JdkHttpTransport(
            new TransportSettings(java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(10), 4, false));

    RewritingTransport(String from, String to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public HttpResponse execute(HttpRequest request) throws IOException {
        String url = request.url().startsWith(from) ? to + request.url().substring(from.length()) : request.url();
        HttpRequest copy = HttpRequest.of(request.method(), url);
        for (Map.Entry<String, String> h : request.headers()) {
            copy = copy.withHeader(h.getKey(), h.getValue());
        }
        if (request.body() != null) {
            copy = copy.withBody(request.body(), request.contentType());
        }
        return delegate.execute(copy);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
