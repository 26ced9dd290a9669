package io.camelbricks.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.http.JdkHttpTransport;
import io.camelbricks.api.service.jobs.JobsListRequest;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS and proxies, end to end through Camel routes: certificate verification is on by default, {@code skipVerify}
 * must be asked for and logs a warning, a private CA is trusted through Camel's {@code SSLContextParameters}; an HTTP
 * proxy (host, port, basic credentials, non-proxy hosts) is used as configured. The HTTPS "workspace" is a loopback
 * TLS relay in front of the emulator, the proxy a loopback forward proxy; both record what reached them.
 */
class TlsAndProxyIT extends CamelContextSupport {
    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    @TempDir
    static Path certificates;
    private static SelfSignedCertificate certificate;
    private static LoopbackHttp https;

    private DatabricksEmulator emulator;

    @BeforeAll
    static void tlsWorkspace() throws Exception {
        certificate = SelfSignedCertificate.create(certificates);
        https = LoopbackHttp.relay(certificate.serverContext(), DATABRICKS.emulator().url());
    }

    @AfterAll
    static void stopTls() {
        https.close();
    }

    @BeforeEach
    void fresh() {
        emulator = DATABRICKS.emulator();
        emulator.reset();
        emulator.jobs().createJob("it-tls-job");
    }

    private Exchange listJobs(String options) throws Exception {
        if (context == null) {
            start(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:list").toD("${header.uri}");
                }
            });
        }
        return template.request("direct:list", e -> e.getMessage().setHeader("uri", "databricks:jobs/list?" + options));
    }

    private String tokenOption() {
        return "token=RAW(" + emulator.token() + ")";
    }

    @Test
    void certificateVerificationIsOnByDefault() throws Exception {
        int before = https.seen().size();

        Exchange out = listJobs("host=" + https.url() + "&" + tokenOption());

        assertThat(out.getException()).as("an unknown CA is refused").isNotNull()
                .satisfies(e -> assertThat(causes(e)).anyMatch(c -> c instanceof SSLHandshakeException))
                .satisfies(e -> assertThat(stackTrace(e)).contains("unable to find valid certification path"));
        assertThat(https.seen()).as("no request got through the handshake").hasSize(before);
        assertThat(emulator.requests().count()).isZero();
    }

    @Test
    void aPrivateCaIsTrustedThroughSslContextParameters() throws Exception {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + certificate.trustStore);
        trustStore.setPassword(SelfSignedCertificate.PASSWORD);
        trustStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trust);
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").toD("${header.uri}");
            }
        });
        context.getRegistry().bind("privateCa", tls);
        int logBefore = TestLog.text().length();

        Exchange out = template.request("direct:list", e -> e.getMessage().setHeader("uri",
                "databricks:jobs/list?sslContextParameters=#privateCa&host=" + https.url() + "&" + tokenOption()));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(List.class)).hasSize(1);
        assertThat(https.seen()).anyMatch(s -> s.uri().getPath().equals("/api/2.2/jobs/list"));
        assertThat(emulator.requests().count("GET", "/jobs/list")).isEqualTo(1);
        assertThat(TestLog.since(logBefore)).doesNotContain("skip_verify is on");
    }

    @Test
    void skipVerifyMustBeExplicitAndLogsAWarning() throws Exception {
        int logBefore = TestLog.text().length();

        Exchange out = listJobs("skipVerify=true&host=" + https.url() + "&" + tokenOption());

        assertThat(out.getException()).isNull();
        assertThat(emulator.requests().count("GET", "/jobs/list")).isEqualTo(1);
        assertThat(TestLog.since(logBefore)).containsPattern("WARN .*skip_verify is on: TLS certificates of "
                + java.util.regex.Pattern.quote(https.url()) + " are NOT verified");
    }

    @Test
    void theProxyCarriesEveryRequestWithProxyAuthorizationButNeverTheWorkspaceToken() throws Exception {
        String proxyAuthorization = "Basic " + Base64.getEncoder().encodeToString(
                "it-proxy-user:it-proxy-pass".getBytes(StandardCharsets.UTF_8));
        try (LoopbackHttp proxy = LoopbackHttp.forwardProxy(emulator.url(), proxyAuthorization)) {
            Exchange out = listJobs("proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                    + "&proxyUsername=it-proxy-user&proxyPassword=RAW(it-proxy-pass)&host=" + emulator.url() + "&"
                    + tokenOption());

            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getBody(List.class)).hasSize(1);
            // a forward proxy sees the absolute URI, and the credentials preemptively (no 407 round trip)
            assertThat(proxy.seen()).hasSize(1).first().satisfies(s -> {
                assertThat(s.uri().toString()).isEqualTo(emulator.url() + "/api/2.2/jobs/list");
                assertThat(s.header("Proxy-Authorization")).isEqualTo(proxyAuthorization);
                assertThat(s.header("Authorization")).isEqualTo("Bearer " + emulator.token());
            });
            // the proxy credentials stop at the proxy
            assertThat(emulator.requests().all()).hasSize(1)
                    .allSatisfy(r -> assertThat(r.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("Proxy-Authorization")));
        }
    }

    @Test
    void aWrongProxyPasswordFailsWithA407AndNothingReachesTheWorkspace() throws Exception {
        String proxyAuthorization = "Basic " + Base64.getEncoder().encodeToString(
                "it-proxy-user:it-proxy-pass".getBytes(StandardCharsets.UTF_8));
        try (LoopbackHttp proxy = LoopbackHttp.forwardProxy(emulator.url(), proxyAuthorization)) {
            Exchange out = listJobs("disableRetries=true&proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                    + "&proxyUsername=it-proxy-user&proxyPassword=wrong&host=" + emulator.url() + "&" + tokenOption());

            assertThat(out.getException()).isNotNull();
            assertThat(stackTrace(out.getException())).contains("407");
            assertThat(proxy.seen()).isNotEmpty();
            assertThat(emulator.requests().count()).isZero();
        }
    }

    @Test
    void nonProxyHostsAreReachedDirectly() throws Exception {
        try (LoopbackHttp proxy = LoopbackHttp.forwardProxy(emulator.url(), null)) {
            Exchange out = listJobs("proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                    + "&nonProxyHosts=localhost|127.*&host=" + emulator.url() + "&" + tokenOption());

            assertThat(out.getException()).isNull();
            assertThat(proxy.seen()).isEmpty();
            assertThat(emulator.requests().count("GET", "/jobs/list")).isEqualTo(1);
        }
    }

    @Test
    void theJdkTransportUsesTheSameProxySettings() throws Exception {
        String proxyAuthorization = "Basic " + Base64.getEncoder().encodeToString(
                "it-proxy-user:it-proxy-pass".getBytes(StandardCharsets.UTF_8));
        try (LoopbackHttp proxy = LoopbackHttp.forwardProxy(emulator.url(), proxyAuthorization)) {
            DatabricksConfig config = new DatabricksConfig().setHost(emulator.url()).setToken(emulator.token())
                    .setProxyHost("127.0.0.1").setProxyPort(proxy.port()).setProxyUsername("it-proxy-user")
                    .setProxyPassword("it-proxy-pass");
            try (JdkHttpTransport jdk = new JdkHttpTransport(config.transportSettings(2));
                 WorkspaceClient w = new WorkspaceClient(ApiClient.builder(config).transport(jdk).build())) {
                assertThat(w.jobs().list(new JobsListRequest())).hasSize(1);
            }
            // preemptive credentials on the plain request through the proxy; the workspace never sees them
            assertThat(proxy.seen()).extracting(s -> s.header("Proxy-Authorization")).containsExactly(proxyAuthorization);
            assertThat(emulator.requests().all()).allSatisfy(r -> assertThat(r.headers().keySet())
                    .noneMatch(h -> h.equalsIgnoreCase("Proxy-Authorization")));
            assertThat(emulator.requests().count("GET", "/jobs/list")).isEqualTo(1);
        }
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> all = new java.util.ArrayList<>();
        for (Throwable c = t; c != null && !all.contains(c); c = c.getCause()) {
            all.add(c);
        }
        return all;
    }

    static String stackTrace(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
