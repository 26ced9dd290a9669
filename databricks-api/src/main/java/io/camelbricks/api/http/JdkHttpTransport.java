package io.camelbricks.api.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A zero-dependency transport on {@code java.net.http.HttpClient} (HTTP/1.1, no redirects). Slower than
 * {@link ApacheHttpTransport} on loopback; useful where Apache HttpClient is unwanted. {@code skip_verify} is not
 * supported here.
 */
public final class JdkHttpTransport implements HttpTransport {
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final TransportSettings settings;

    public JdkHttpTransport(TransportSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    @Override
    public HttpResponse execute(HttpRequest request) throws IOException {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(settings.readTimeout())
                .method(request.method().name(), publisher(request));
        for (Map.Entry<String, String> h : request.headers()) {
            if (!RESTRICTED.contains(h.getKey().toLowerCase())) {
                builder.header(h.getKey(), h.getValue());
            }
        }
        if (request.hasBody()) {
            builder.header("Content-Type", request.contentType() == null ? "application/json" : request.contentType());
        }
        java.net.http.HttpResponse<java.io.InputStream> response;
        try {
            response = client.send(builder.build(), BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        response.headers().map().forEach((k, vs) -> vs.forEach(v -> headers.add(Map.entry(k, v))));
        return new HttpResponse(response.statusCode(), "", headers, response.body(), null);
    }

    private static BodyPublisher publisher(HttpRequest request) {
        if (request.body() != null) {
            return BodyPublishers.ofByteArray(request.body());
        }
        if (request.bodyStream() != null) {
            BodyPublisher stream = BodyPublishers.ofInputStream(request::bodyStream);
            return request.bodyLength() >= 0 ? BodyPublishers.fromPublisher(stream, request.bodyLength()) : stream;
        }
        return BodyPublishers.noBody();
    }

    @Override
    public void close() {
        // java.net.http.HttpClient on Java 17 has no close(); its threads are daemons
    }
}
