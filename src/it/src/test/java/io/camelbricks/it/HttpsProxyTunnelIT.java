package io.camelbricks.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

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
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.http.JdkHttpTransport;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;
import io.camelbricks.emulator.sql.EmulatedSql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proxy credentials for an {@code https://} workspace: the client opens a tunnel with {@code CONNECT} through an
 * authenticating proxy ({@link ConnectProxy}, a real socket tunnel on loopback) to the TLS workspace (a loopback TLS
 * relay in front of the emulator, its self-signed certificate trusted through {@code sslContextParameters}).
 * The proxy gets its credentials on the CONNECT, and it never sees the workspace token: that travels inside the TLS
 * tunnel. The JDK transport cannot send Basic credentials on a CONNECT unless the JVM allows it, and says so.
 *
 * <p>The workspace names its TLS front as {@code https://localhost:<port>} in its answers ({@code publicUrl}): the
 * OAuth token endpoint of its discovery document and its SQL external links go there, so the proxy sees their
 * tunnels as CONNECTs to {@code localhost:<port>}, apart from the workspace's own ({@code 127.0.0.1:<port>}). Token
 * calls and link downloads take the way the workspace calls take (the Apache transport, the proxy with its
 * credentials, the private CA) in a JVM with the JDK's defaults.
 */
class HttpsProxyTunnelIT extends CamelContextSupport {
    static final String USER = "it-proxy-user";
    static final String PASSWORD = "it-proxy-pass";
    static final String PROXY_AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString(
            (USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    @RegisterExtension
    final ItReport report = new ItReport();

    @TempDir
    static Path certificates;
    private static SelfSignedCertificate certificate;
    private static LoopbackHttp https;

    private DatabricksEmulator emulator;

    @BeforeAll
    static void tlsWorkspace() throws Exception {
        certificate = SelfSignedCertificate.create(certificates);
        https = LoopbackHttp.relay(certificate.serverContext(), DATABRICKS.emulator().url());
        DATABRICKS.emulator().publicUrl(front());
    }

    @AfterAll
    static void stopTls() {
        DATABRICKS.emulator().publicUrl(null);
        https.close();
    }

    /** The TLS front as the workspace names it in its answers: the same relay, by the name {@code localhost}. */
    private static String front() {
        return "https://localhost:" + https.port();
    }

    @BeforeEach
    void fresh() throws Exception {
        emulator = DATABRICKS.emulator();
        emulator.reset();
        emulator.jobs().createJob("it-tunnel-job");
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").toD("${header.uri}");
            }
        });
        context.getRegistry().bind("privateCa", privateCa());
    }

    private Exchange listJobsThrough(ConnectProxy proxy, String password, String more) {
        return callThrough(proxy, password, "jobs/list", more + "&token=RAW(" + emulator.token() + ")");
    }

    private Exchange callThrough(ConnectProxy proxy, String password, String operation, String more) {
        return callThrough(proxy, password, operation, more, Map.of());
    }

    private Exchange callThrough(ConnectProxy proxy, String password, String operation, String more,
            Map<String, Object> headers) {
        return template.request("direct:list", e -> {
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
            e.getMessage().setHeader("uri", "databricks:" + operation + "?sslContextParameters=#privateCa"
                    + "&proxyHost=127.0.0.1&proxyPort=" + proxy.port() + "&proxyUsername=" + USER
                    + "&proxyPassword=RAW(" + password + ")" + more + "&host=" + https.url());
        });
    }

    @Test
    void theApacheTransportTunnelsToAnHttpsWorkspaceWithProxyCredentialsAndTheProxyNeverSeesTheToken()
            throws Exception {
        report.scenario("https workspace through an authenticating CONNECT proxy (Apache transport): credentials on"
                + " the CONNECT, the token only inside the tunnel");
        int relayedBefore = https.seen().size();
        try (ConnectProxy proxy = new ConnectProxy(PROXY_AUTHORIZATION)) {
            Exchange out = listJobsThrough(proxy, PASSWORD, "");

            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getBody(List.class)).hasSize(1);
            String relayPort = https.url().substring(https.url().lastIndexOf(':') + 1);
            List<ConnectProxy.Connect> connects = proxy.connects();
            String seenByProxy = proxy.bytesFromClients();
            report.figure("CONNECTs", connects.size())
                    .figure("407 answers", connects.stream().filter(c -> c.status() == 407).count())
                    .figure("bytes the proxy relayed from the client", proxy.byteCountFromClients())
                    .figure("token occurrences in them", occurrences(seenByProxy, emulator.token()));
            // one tunnel, the credentials preemptively on its CONNECT (no 407 round trip)
            assertThat(connects).hasSize(1).first().satisfies(c -> {
                assertThat(c.target()).isEqualTo("127.0.0.1:" + relayPort);
                assertThat(c.header("Proxy-Authorization")).isEqualTo(PROXY_AUTHORIZATION);
                assertThat(c.header("Authorization")).isNull();
                assertThat(c.status()).isEqualTo(200);
            });
            // everything the proxy got from the client: the CONNECT head, then TLS records only
            assertThat(seenByProxy).startsWith("CONNECT 127.0.0.1:" + relayPort + " HTTP/1.1\r\n")
                    .doesNotContain(emulator.token()).doesNotContain("Bearer").doesNotContain("/api/2.2/jobs/list");
            assertThat(proxy.byteCountFromClients()).isGreaterThan(1000); // the TLS handshake and request did pass
            // the workspace got the token, and not the proxy's credentials
            assertThat(https.seen().subList(relayedBefore, https.seen().size())).hasSize(1).first().satisfies(s -> {
                assertThat(s.uri().getPath()).isEqualTo("/api/2.2/jobs/list");
                assertThat(s.header("Authorization")).isEqualTo("Bearer " + emulator.token());
                assertThat(s.header("Proxy-Authorization")).isNull();
            });
            assertThat(emulator.requests().count("GET", "/jobs/list")).isEqualTo(1);
        }
    }

    @Test
    void anOAuthM2MTokenIsFetchedThroughTheTunnelWithProxyCredentialsInAJvmWithTheJdkDefaults() throws Exception {
        report.scenario("OAuth M2M behind an authenticating CONNECT proxy, https workspace, default JVM: discovery and"
                + " token call tunnel like the workspace calls");
        assertThat(System.getProperty(JdkHttpTransport.TUNNELING_DISABLED_SCHEMES))
                .as("a JVM where java.net.http drops Basic credentials on a CONNECT").isNull();
        emulator.oauth().addServicePrincipal("it-sp", "it-sp-secret");
        int relayedBefore = https.seen().size();
        try (ConnectProxy proxy = new ConnectProxy(PROXY_AUTHORIZATION)) {
            Exchange out = callThrough(proxy, PASSWORD, "jobs/list",
                    "&clientId=it-sp&clientSecret=RAW(it-sp-secret)");

            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getBody(List.class)).hasSize(1);
            List<LoopbackHttp.Seen> relayed = https.seen().subList(relayedBefore, https.seen().size());
            LoopbackHttp.Seen list = relayed.stream().filter(s -> s.uri().getPath().equals("/api/2.2/jobs/list"))
                    .findFirst().orElseThrow();
            String accessToken = list.header("Authorization").substring("Bearer ".length());
            List<ConnectProxy.Connect> connects = proxy.connects();
            String seenByProxy = proxy.bytesFromClients();
            report.figure("token requests", emulator.oauth().tokenRequests("client_credentials"))
                    .figure("CONNECTs", connects.size())
                    .figure("CONNECTs to the token endpoint's host", connects.stream()
                            .filter(c -> c.target().startsWith("localhost:")).count())
                    .figure("407 answers", connects.stream().filter(c -> c.status() == 407).count())
                    .figure("secret or token occurrences in what the proxy relayed",
                            occurrences(seenByProxy, "it-sp-secret") + occurrences(seenByProxy, accessToken));
            // discovery (workspace host), the token call (the host discovery named), the workspace call: each
            // through a tunnel opened with the proxy credentials on its CONNECT
            assertThat(relayed).extracting(s -> s.method() + " " + s.uri().getPath()).containsExactly(
                    "GET /oidc/.well-known/oauth-authorization-server", "POST /oidc/v1/token", "GET /api/2.2/jobs/list");
            assertThat(connects).isNotEmpty().allSatisfy(c -> {
                assertThat(c.header("Proxy-Authorization")).isEqualTo(PROXY_AUTHORIZATION);
                assertThat(c.status()).isEqualTo(200);
            });
            assertThat(connects).extracting(ConnectProxy.Connect::target)
                    .contains("localhost:" + https.port(), "127.0.0.1:" + https.port());
            assertThat(emulator.oauth().tokenRequests("client_credentials")).isEqualTo(1);
            assertThat(accessToken).isNotBlank().isNotEqualTo(emulator.token());
            assertThat(seenByProxy).doesNotContain("it-sp-secret").doesNotContain(accessToken)
                    .doesNotContain("client_credentials").doesNotContain("/oidc/");
            // what the JDK transport would have said about the token endpoint, in this JVM
            DatabricksConfig config = new DatabricksConfig().setHost(https.url()).setProxyHost("127.0.0.1")
                    .setProxyPort(proxy.port()).setProxyUsername(USER).setProxyPassword(PASSWORD).resolve(Map.of());
            try (JdkHttpTransport jdk = new JdkHttpTransport(config.transportSettings(2))) {
                assertThatThrownBy(() -> jdk.checkCanSend(front() + "/oidc/v1/token"))
                        .hasMessageContaining("proxy credentials cannot reach the proxy");
            }
        }
    }

    @Test
    void sqlExternalLinksAreFetchedThroughTheTunnelWithProxyCredentialsAndWithoutTheWorkspaceToken()
            throws Exception {
        report.scenario("SQL EXTERNAL_LINKS behind an authenticating CONNECT proxy, https workspace and link host,"
                + " default JVM: links tunnel with the proxy credentials, bare");
        emulator.sql().execute("CREATE TABLE main.default.it_tunnel (id INT)");
        emulator.sql().execute("INSERT INTO main.default.it_tunnel SELECT id FROM range(1, 31)");
        emulator.sql().chunkRows(10);
        emulator.sql().externalLinkHeaders(Map.of("x-amz-server-side-encryption", "AES256"));
        int relayedBefore = https.seen().size();
        try (ConnectProxy proxy = new ConnectProxy(PROXY_AUTHORIZATION)) {
            Exchange out = callThrough(proxy, PASSWORD, "statementExecution/executeStatement",
                    "&warehouseId=" + EmulatedSql.DEFAULT_WAREHOUSE_ID + "&disposition=EXTERNAL_LINKS&outputType=list"
                            + "&token=RAW(" + emulator.token() + ")",
                    Map.of("CamelDatabricks.statement", "SELECT id FROM main.default.it_tunnel ORDER BY id"));

            assertThat(out.getException()).isNull();
            List<?> rows = out.getMessage().getBody(List.class);
            List<LoopbackHttp.Seen> links = https.seen().subList(relayedBefore, https.seen().size()).stream()
                    .filter(s -> s.uri().getPath().startsWith("/cloud-storage/")).toList();
            List<ConnectProxy.Connect> connects = proxy.connects();
            String seenByProxy = proxy.bytesFromClients();
            long linkTunnels = connects.stream().filter(c -> c.target().equals("localhost:" + https.port())).count();
            report.figure("rows", rows.size()).figure("links fetched", links.size())
                    .figure("CONNECTs", connects.size()).figure("CONNECTs to the link host", linkTunnels)
                    .figure("407 answers", connects.stream().filter(c -> c.status() == 407).count())
                    .figure("token occurrences in what the proxy relayed", occurrences(seenByProxy, emulator.token()));
            assertThat(rows).hasSize(30);
            // three chunks, each fetched from the link host through the proxy, bare but for the link's own header
            assertThat(links).hasSize(3).allSatisfy(s -> {
                assertThat(s.header("Authorization")).isNull();
                assertThat(s.header("Proxy-Authorization")).isNull();
                assertThat(s.header("x-amz-server-side-encryption")).isEqualTo("AES256");
            });
            assertThat(linkTunnels).isBetween(1L, 3L);
            assertThat(connects).allSatisfy(c -> {
                assertThat(c.header("Proxy-Authorization")).isEqualTo(PROXY_AUTHORIZATION);
                assertThat(c.status()).isEqualTo(200);
            });
            assertThat(emulator.requests().all()).filteredOn(r -> r.path().contains("/cloud-storage/")).hasSize(3)
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(seenByProxy).doesNotContain(emulator.token()).doesNotContain("/cloud-storage/");
        }
    }

    @Test
    void aWrongProxyPasswordOnTheTunnelFailsWithAClear407AndNothingReachesTheWorkspace() throws Exception {
        report.scenario("https workspace through a CONNECT proxy, wrong proxy password (Apache transport)");
        int relayedBefore = https.seen().size();
        try (ConnectProxy proxy = new ConnectProxy(PROXY_AUTHORIZATION)) {
            Exchange out = listJobsThrough(proxy, "wrong", "");

            assertThat(out.getException()).isNotNull();
            String message = TlsAndProxyIT.stackTrace(out.getException());
            String first = out.getException().getMessage().lines().findFirst().orElse("");
            report.figure("error", first.replace('|', '/')).figure("CONNECTs", proxy.connects().size());
            assertThat(message).contains("407").contains("Proxy Authentication Required").doesNotContain("wrong")
                    .doesNotContain(emulator.token());
            assertThat(proxy.connects()).isNotEmpty().allSatisfy(c -> assertThat(c.status()).isEqualTo(407));
            assertThat(proxy.connects()).as("a refused password is not retried").hasSizeLessThanOrEqualTo(2);
            assertThat(proxy.bytesFromClients()).doesNotContain(emulator.token());
            assertThat(https.seen()).hasSize(relayedBefore);
            assertThat(emulator.requests().count()).isZero();
        }
    }

    @Test
    void theJdkTransportRefusesProxyCredentialsForAnHttpsHostAtClientCreation() throws Exception {
        report.scenario("https workspace, proxy credentials, JDK transport in a JVM with Basic disabled on tunnels"
                + " (the JDK default): refused at client creation");
        try (ConnectProxy proxy = new ConnectProxy(PROXY_AUTHORIZATION)) {
            DatabricksConfig config = new DatabricksConfig().setHost(https.url()).setToken(emulator.token())
                    .setProxyHost("127.0.0.1").setProxyPort(proxy.port()).setProxyUsername(USER)
                    .setProxyPassword(PASSWORD).resolve(Map.of());
            try (JdkHttpTransport jdk = new JdkHttpTransport(config.transportSettings(2))) {
                assertThatThrownBy(() -> ApiClient.builder(config).transport(jdk).build())
                        .isInstanceOf(DatabricksException.class)
                        .hasMessageContaining("proxy credentials cannot reach the proxy 127.0.0.1:" + proxy.port())
                        .hasMessageContaining("jdk.http.auth.tunneling.disabledSchemes names Basic")
                        .hasMessageContaining("use the Apache transport")
                        .hasMessageContaining("-Djdk.http.auth.tunneling.disabledSchemes=\"\"")
                        .satisfies(e -> {
                            report.figure("error", e.getMessage().replace('|', '/'));
                            assertThat(e.getMessage()).doesNotContain(PASSWORD).doesNotContain(emulator.token());
                        });
            }
            assertThat(proxy.connects()).as("nothing was sent").isEmpty();
            assertThat(emulator.requests().count()).isZero();
        }
    }

    @Test
    void inAJvmThatAllowsBasicOnTunnelsTheJdkTransportTunnelsWithProxyCredentials() throws Exception {
        report.scenario("https workspace through an authenticating CONNECT proxy (JDK transport, JVM started with"
                + " -Djdk.http.auth.tunneling.disabledSchemes=\"\")");
        int relayedBefore = https.seen().size();
        try (ConnectProxy proxy = new ConnectProxy(PROXY_AUTHORIZATION);
             ChildJvm child = ChildJvm.start(JdkTunnelChild.class,
                     Map.of(JdkHttpTransport.TUNNELING_DISABLED_SCHEMES, ""), "jdk-tunnel", https.url(),
                     emulator.token(), Integer.toString(proxy.port()), USER, PASSWORD,
                     certificate.trustStore.toString(), SelfSignedCertificate.PASSWORD)) {
            String jobs = child.awaitLine("jobs ");
            assertThat(child.awaitExit()).isZero();

            List<ConnectProxy.Connect> connects = proxy.connects();
            report.figure("jobs listed", jobs).figure("CONNECTs", connects.size())
                    .figure("407 answers", connects.stream().filter(c -> c.status() == 407).count())
                    .figure("token occurrences in what the proxy relayed",
                            occurrences(proxy.bytesFromClients(), emulator.token()));
            assertThat(jobs).isEqualTo("1");
            assertThat(connects).isNotEmpty().first().satisfies(c -> {
                assertThat(c.header("Proxy-Authorization")).isEqualTo(PROXY_AUTHORIZATION);
                assertThat(c.status()).isEqualTo(200);
            });
            assertThat(proxy.bytesFromClients()).doesNotContain(emulator.token()).doesNotContain("Bearer");
            assertThat(https.seen().subList(relayedBefore, https.seen().size())).isNotEmpty().allSatisfy(s -> {
                assertThat(s.header("Authorization")).isEqualTo("Bearer " + emulator.token());
                assertThat(s.header("Proxy-Authorization")).isNull();
            });
        }
    }

    private static SSLContextParameters privateCa() {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + certificate.trustStore);
        trustStore.setPassword(SelfSignedCertificate.PASSWORD);
        trustStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trust);
        return tls;
    }

    private static int occurrences(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
