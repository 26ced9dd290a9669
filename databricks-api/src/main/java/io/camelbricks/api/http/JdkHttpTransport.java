package io.camelbricks.api.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A zero-dependency transport on {@code java.net.http.HttpClient} (HTTP/1.1, no redirects). Slower than
 * {@link ApacheHttpTransport} on loopback; useful where Apache HttpClient is unwanted. {@code skip_verify} is not
 * supported here; a custom {@link javax.net.ssl.SSLContext} is. A proxy from the settings is used for every host but
 * its non-proxy hosts; its basic credentials go preemptively with plain {@code http://} requests through it.
 * Proxy credentials for {@code https://} tunnels ({@code CONNECT}) are not supported by this transport: use
 * {@link ApacheHttpTransport} (the default).
 */
public final class JdkHttpTransport implements HttpTransport {
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final TransportSettings settings;
    private final String proxyAuthorization;

    public JdkHttpTransport(TransportSettings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout());
        if (settings.sslContext() != null) {
            builder.sslContext(settings.sslContext());
        }
        ProxySettings proxy = settings.proxy();
        if (proxy != null) {
            builder.proxy(new SettingsProxySelector(proxy));
        }
        this.client = builder.build();
        this.proxyAuthorization = proxy != null && proxy.hasCredentials() ? "Basic " + Base64.getEncoder()
                .encodeToString((proxy.username() + ":" + (proxy.password() == null ? "" : proxy.password()))
                        .getBytes(StandardCharsets.UTF_8)) : null;
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
        if (proxyAuthorization != null && request.url().regionMatches(true, 0, "http://", 0, 7)
                && settings.proxy().appliesTo(URI.create(request.url()).getHost())) {
            // a plain request through the proxy: the proxy reads this header and the target never sees it
            builder.header("Proxy-Authorization", proxyAuthorization);
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

    /** The settings' proxy for every host but the non-proxy hosts. */
    private static final class SettingsProxySelector extends ProxySelector {
        private final ProxySettings proxy;
        private final List<Proxy> via;

        SettingsProxySelector(ProxySettings proxy) {
            this.proxy = proxy;
            this.via = List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
        }

        @Override
        public List<Proxy> select(URI uri) {
            return uri.getHost() != null && proxy.appliesTo(uri.getHost()) ? via : List.of(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            // nothing to remember: the next call tries the proxy again
        }
    }

    @Override
    public void close() {
        // java.net.http.HttpClient on Java 17 has no close(); its threads are daemons
    }
}
