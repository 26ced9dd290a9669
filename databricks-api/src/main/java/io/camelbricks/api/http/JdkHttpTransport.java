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

import io.camelbricks.api.DatabricksException;

/**
 * A zero-dependency transport on {@code java.net.http.HttpClient} (HTTP/1.1, no redirects). Slower than
 * {@link ApacheHttpTransport} on loopback; useful where Apache HttpClient is unwanted. {@code skip_verify} is not
 * supported here; a custom {@link javax.net.ssl.SSLContext} is. A proxy from the settings is used for every host but
 * its non-proxy hosts; its basic credentials go preemptively with every request through it ({@code java.net.http}
 * keeps them to the proxy: on the request line of a plain {@code http://} request, on the {@code CONNECT} of an
 * {@code https://} tunnel, never inside the tunnel).
 *
 * <p>{@code java.net.http} drops Basic credentials on {@code CONNECT} while the JVM's
 * {@code jdk.http.auth.tunneling.disabledSchemes} names {@code Basic}, which is the JDK's default. The proxy would
 * answer {@code 407}; so in that JVM this transport refuses, before sending anything, an {@code https://} URL that goes
 * through a proxy with credentials ({@link #checkCanSend}), naming the two ways out: {@link ApacheHttpTransport} (the
 * default), or starting the JVM with {@code -Djdk.http.auth.tunneling.disabledSchemes=""}. It never changes that
 * system property itself: it is global to the JVM, and the JDK reads it once.
 */
public final class JdkHttpTransport implements HttpTransport {
    /** The JDK's system property listing the auth schemes it will not use on a CONNECT (default: Basic). */
    public static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final TransportSettings settings;
    private final String proxyAuthorization;
    private final boolean basicOnTunnels;

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
        this.basicOnTunnels = !basicDisabledOnTunnels();
    }

    /**
     * Whether this JVM's {@code java.net.http} drops Basic credentials on CONNECT: the system property
     * {@value #TUNNELING_DISABLED_SCHEMES} (read by the JDK once; {@code Basic} when it is not set) names it.
     */
    private static boolean basicDisabledOnTunnels() {
        String schemes = System.getProperty(TUNNELING_DISABLED_SCHEMES, "Basic");
        return java.util.Arrays.stream(schemes.split(",")).map(String::trim).anyMatch("Basic"::equalsIgnoreCase);
    }

    /** Refuses an {@code https://} URL that would need proxy credentials on a CONNECT this JVM will not send. */
    @Override
    public void checkCanSend(String url) {
        if (proxyAuthorization == null || basicOnTunnels || !url.regionMatches(true, 0, "https://", 0, 8)) {
            return;
        }
        String host = URI.create(url).getHost();
        if (host != null && settings.proxy().appliesTo(host)) {
            throw new DatabricksException("proxy credentials cannot reach the proxy " + settings.proxy().host() + ":"
                    + settings.proxy().port() + " for https://" + host + " with the JDK transport (java.net.http):"
                    + " it does not send Basic credentials on the CONNECT of an https tunnel while the system property "
                    + TUNNELING_DISABLED_SCHEMES + " names Basic (the JDK's default); use the Apache transport"
                    + " (ApacheHttpTransport, the default), or start the JVM with -D" + TUNNELING_DISABLED_SCHEMES
                    + "=\"\"");
        }
    }

    @Override
    public HttpResponse execute(HttpRequest request) throws IOException {
        checkCanSend(request.url());
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(settings.readTimeout())
                .method(request.method().name(), publisher(request));
        for (Map.Entry<String, String> h : request.headers()) {
            if (!RESTRICTED.contains(h.getKey().toLowerCase())) {
                builder.header(h.getKey(), h.getValue());
            }
        }
        if (proxyAuthorization != null && settings.proxy().appliesTo(URI.create(request.url()).getHost())) {
            // java.net.http puts it on a plain request's way to the proxy, or on the CONNECT of a tunnel (only when
            // Basic is allowed there, see checkCanSend), and never inside a tunnel: the target never sees it
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
