package io.camelbricks.api.http;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultProxyRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The default transport: Apache HttpClient 5 (classic, pooled). It measured about twice the calls per second of the
 * JDK client on loopback (see DESIGN.md). Automatic retries, redirects and cookies are off: the pipeline decides
 * (a 3xx is an error, so credentials never follow a redirect). TLS: the JVM's trust by default, the settings' own
 * {@link SSLContext} for custom trust, or none with {@code skipVerify}. A proxy from the settings is used for every
 * host but its non-proxy hosts; its basic credentials are sent preemptively ({@code Proxy-Authorization} on plain
 * requests and on the {@code CONNECT} of https tunnels), never to the target host. Without a proxy, HttpClient's
 * protocol step is replaced by {@link DirectProtocolExec}: credentials are our own headers, so nothing is done per
 * request for challenge-response authentication.
 */
public final class ApacheHttpTransport implements HttpTransport {
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;
    private final HttpHost proxyHost;
    private final UsernamePasswordCredentials proxyCredentials;
    /** Idle connections are closed by the requests themselves: no evictor thread per client. */
    private final IdleConnectionSweep sweep;
    private final ApacheRequests requests = new ApacheRequests();

    public ApacheHttpTransport(TransportSettings settings) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.readTimeout()))
                        // a pooled connection idle for a while is checked before reuse: servers and load
                        // balancers drop idle connections silently, and a stale one would cost a failed attempt
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build());
        // TLS is set up on the first https connection, not here (plain http never needs it)
        if (settings.skipVerify()) {
            pool.setTlsSocketStrategy(new LazyTlsStrategy(
                    () -> new DefaultClientTlsStrategy(trustAll(), NoopHostnameVerifier.INSTANCE)));
        } else if (settings.sslContext() != null) {
            SSLContext context = settings.sslContext();
            pool.setTlsSocketStrategy(new LazyTlsStrategy(() -> new DefaultClientTlsStrategy(context)));
        } else {
            pool.setTlsSocketStrategy(new LazyTlsStrategy(DefaultClientTlsStrategy::createDefault));
        }
        this.connections = pool.build();
        this.sweep = new IdleConnectionSweep(connections);
        HttpClientBuilder builder = HttpClients.custom();
        ProxySettings proxy = settings.proxy();
        if (proxy != null) {
            this.proxyHost = new HttpHost("http", proxy.host(), proxy.port());
            builder.setRoutePlanner(new DefaultProxyRoutePlanner(proxyHost) {
                @Override
                protected HttpHost determineProxy(HttpHost target, HttpContext context) throws HttpException {
                    return proxy.appliesTo(target.getHostName()) ? super.determineProxy(target, context) : null;
                }
            });
            if (proxy.hasCredentials()) {
                this.proxyCredentials = new UsernamePasswordCredentials(proxy.username(),
                        proxy.password() == null ? new char[0] : proxy.password().toCharArray());
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(proxyHost), proxyCredentials);
                builder.setDefaultCredentialsProvider(credentials);
            } else {
                this.proxyCredentials = null;
            }
        } else {
            this.proxyHost = null;
            this.proxyCredentials = null;
            // direct connections only, authentication by our own headers: the lean protocol step
            builder.replaceExecInterceptor(ChainElement.PROTOCOL.name(), new DirectProtocolExec());
        }
        this.client = builder
                .setConnectionManager(connections)
                // no response timeout per request: the connection's socket timeout (the read timeout, above) is
                // the same and is already set when a connection is leased (setting it again costs every request)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    @Override
    public HttpResponse execute(HttpRequest request) throws IOException {
        sweep.maybeSweep();
        // a request that can be cancelled: that drops the connection of an answer not worth reading to the end
        ApacheRequests.CancellableRequest apacheRequest = requests.create(request.method().name(), request.url());
        for (Map.Entry<String, String> h : request.headers()) {
            apacheRequest.addHeader(h.getKey(), h.getValue());
        }
        if (request.body() != null) {
            apacheRequest.setEntity(new ByteArrayEntity(request.body(), contentType(request)));
        } else if (request.bodyStream() != null) {
            apacheRequest.setEntity(new InputStreamEntity(request.bodyStream(), request.bodyLength(), contentType(request)));
        }
        ClassicHttpResponse response;
        try {
            response = client.executeOpen(RoutingSupport.determineHost(apacheRequest), apacheRequest, context());
        } catch (HttpException e) {
            throw new IOException(e.getMessage(), e);
        }
        HttpEntity entity = response.getEntity();
        Runnable abort = apacheRequest::cancel;
        return new HttpResponse(response.getCode(), response.getReasonPhrase(), new ApacheHeaders(response.getHeaders()),
                entity == null ? null : entity.getContent(), response, abort);
    }

    /** A context per request; with proxy credentials, basic auth to the proxy is ready before any challenge. */
    private HttpClientContext context() {
        if (proxyCredentials == null) {
            return null;
        }
        HttpClientContext context = HttpClientContext.create();
        BasicScheme basic = new BasicScheme();
        basic.initPreemptive(proxyCredentials);
        context.resetAuthExchange(proxyHost, basic);
        return context;
    }

    /** {@code application/json} as the encoder names it, parsed once: most bodies are JSON. */
    private static final ContentType JSON = ContentType.parse("application/json");

    private static ContentType contentType(HttpRequest request) {
        String type = request.contentType();
        if (type == null) {
            return ContentType.APPLICATION_JSON;
        }
        return type.equals("application/json") ? JSON : ContentType.parse(type);
    }

    private static SSLContext trustAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context for skip_verify", e);
        }
    }

    /** The pool's connections: leased, available (idle, reusable), pending. */
    PoolStats poolStats() {
        return connections.getTotalStats();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException ignored) {
            // closing the pool; nothing to recover
        }
        connections.close();
    }
}
