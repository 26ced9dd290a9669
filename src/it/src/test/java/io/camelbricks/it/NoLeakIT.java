package io.camelbricks.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.auth.oauth.ExternalBrowserCredentialsProvider;
import io.camelbricks.api.service.jobs.JobsListRequest;
import io.camelbricks.api.service.sql.Disposition;
import io.camelbricks.api.service.sql.ExecuteStatementRequest;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;
import io.camelbricks.emulator.sql.EmulatedSql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of secret at once, with the DEBUG wire log and {@code debug_headers} on (surefire's configuration): a
 * token, an OAuth client secret (used for real, oauth-m2m), a password, a proxy password, an OAuth authorization
 * code and PKCE verifier, a secret's value, and presigned result links. None appears in the log, in exception
 * messages and stack traces, in {@code toString()} of configurations, clients, endpoints and exchanges, in Camel's
 * endpoint registry or in the component's dev console.
 */
class NoLeakIT extends CamelContextSupport {
    private static final String CLIENT_ID = "it-leak-sp";
    private static final String CLIENT_SECRET = "dose" + "c0ffee".repeat(6);
    private static final String PASSWORD = "it-password-5f3c9a";
    private static final String PROXY_PASSWORD = "it-proxy-password-77ad1e";
    private static final String SECRET_VALUE = "it-secret-value-9b8e7d";

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    @TempDir
    Path dir;

    private DatabricksEmulator emulator;

    @BeforeEach
    void fresh() {
        emulator = DATABRICKS.emulator();
        emulator.reset();
    }

    @Test
    void noSecretOfAnyKindAppearsAnywhere() throws Exception {
        int logStart = TestLog.text().length();
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("token", emulator.token());
        secrets.put("client secret", CLIENT_SECRET);
        secrets.put("password", PASSWORD);
        secrets.put("proxy password", PROXY_PASSWORD);
        secrets.put("secret value", SECRET_VALUE);
        secrets.put("secret value (base64)", Base64.getEncoder().encodeToString(SECRET_VALUE.getBytes(StandardCharsets.UTF_8)));
        List<String> seen = new ArrayList<>();

        emulator.oauth().addServicePrincipal(CLIENT_ID, CLIENT_SECRET);
        emulator.secrets().createScope("it-scope");
        emulator.secrets().putSecret("it-scope", "it-key", SECRET_VALUE);
        emulator.jobs().createJob("it-leak-job");
        try (LoopbackHttp proxy = LoopbackHttp.forwardProxy(emulator.url(), "Basic " + Base64.getEncoder()
                .encodeToString(("it-proxy-user:" + PROXY_PASSWORD).getBytes(StandardCharsets.UTF_8)))) {
            String pat = "host=" + emulator.url() + "&token=RAW(" + emulator.token() + ")";
            String m2m = "host=" + emulator.url() + "&clientId=" + CLIENT_ID + "&clientSecret=RAW(" + CLIENT_SECRET + ")";
            String basicAndProxy = "authType=pat&username=it-user&password=RAW(" + PASSWORD + ")&proxyHost=127.0.0.1"
                    + "&proxyPort=" + proxy.port() + "&proxyUsername=it-proxy-user&proxyPassword=RAW(" + PROXY_PASSWORD
                    + ")&" + pat;
            start(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:secret").to("databricks:secrets/getSecret?scope=it-scope&key=it-key&" + pat);
                    from("direct:m2m").to("databricks:jobs/list?" + m2m);
                    from("direct:proxied").to("databricks:jobs/list?" + basicAndProxy);
                    from("direct:denied").to("databricks:jobs/getRun?runId=1&host=" + emulator.url()
                            + "&clientId=" + CLIENT_ID + "&clientSecret=RAW(" + CLIENT_SECRET + ")&disableRetries=true");
                }
            });
            List<Exchange> exchanges = new ArrayList<>();
            exchanges.add(template.request("direct:secret", e -> e.getMessage().setBody(null)));
            exchanges.add(template.request("direct:m2m", e -> e.getMessage().setBody(null)));
            exchanges.add(template.request("direct:proxied", e -> e.getMessage().setBody(null)));
            exchanges.add(template.request("direct:denied", e -> e.getMessage().setBody(null)));
            assertThat(exchanges.get(0).getException()).isNull();
            assertThat(exchanges.get(1).getException()).isNull();
            assertThat(exchanges.get(2).getException()).isNull();
            assertThat(exchanges.get(3).getException()).as("run 1 does not exist").isNotNull();
            assertThat(proxy.seen()).isNotEmpty();

            for (Exchange out : exchanges) {
                seen.add(out.toString());
                seen.add(String.valueOf(out.getMessage().getHeaders()));
                if (out != exchanges.get(0)) { // the secret's own response: see the disabled test below
                    seen.add(String.valueOf(out.getMessage().getBody()));
                }
                out.getProperties().forEach((k, v) -> {
                    if (!k.equals(Exchange.TO_ENDPOINT)) { // Camel's raw copy of the URI (see SecretsIT)
                        seen.add(k + "=" + v);
                    }
                });
                if (out.getException() != null) {
                    seen.add(stackTrace(out.getException()));
                }
            }
            for (Endpoint endpoint : context.getEndpoints()) {
                seen.add(endpoint.toString());
                seen.add(endpoint.getEndpointBaseUri());
            }
            seen.add(String.valueOf(context.getEndpointRegistry().values()));
            seen.add(context.getEndpointRegistry().toString());
            DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("databricks");
            seen.add((String) console.call(DevConsole.MediaType.TEXT));
            seen.add(((JsonObject) console.call(DevConsole.MediaType.JSON)).toJson());
        }

        // the client alone: an OAuth login in the browser (code and PKCE verifier), presigned links, configs, clients
        String code = browserLogin(seen);
        secrets.put("OAuth authorization code", code);
        try (WorkspaceClient w = new WorkspaceClient(new DatabricksConfig().setHost(emulator.url())
                .setToken(emulator.token()))) {
            emulator.sql().execute("CREATE TABLE main.default.it_leak (id INT)");
            emulator.sql().execute("INSERT INTO main.default.it_leak SELECT id FROM range(1, 21)");
            emulator.sql().chunkRows(10);
            w.sql().execute(new ExecuteStatementRequest().setWarehouseId(EmulatedSql.DEFAULT_WAREHOUSE_ID)
                    .setStatement("SELECT id FROM main.default.it_leak").setDisposition(Disposition.EXTERNAL_LINKS))
                    .forEach(row -> { });
            seen.add(w.toString());
            seen.add(w.apiClient().toString());
            seen.add(w.config().toString());
            seen.add(w.dbutils().secrets().toString());
            assertThat(w.dbutils().secrets().get("it-scope", "it-key")).isEqualTo(SECRET_VALUE);
        }
        DatabricksConfig full = new DatabricksConfig().setHost(emulator.url()).setToken(emulator.token())
                .setClientSecret(CLIENT_SECRET).setPassword(PASSWORD).setProxyPassword(PROXY_PASSWORD);
        seen.add(full.toString());
        seen.add(full.proxySettings() == null ? "" : full.proxySettings().toString());
        seen.add(full.transportSettings(1).toString());
        List<String> links = emulator.requests().all().stream().map(r -> r.path())
                .filter(p -> p.contains("/cloud-storage/")).toList();
        assertThat(links).hasSize(2);
        for (String link : links) {
            secrets.put("presigned link " + link.hashCode(), link.substring(link.lastIndexOf('/') + 1));
        }

        String log = TestLog.since(logStart);
        assertThat(log).as("the DEBUG wire log with headers was on").contains("> GET /api/2.0/secrets/get")
                .contains("Authorization: **REDACTED**");
        seen.add(log);
        List<String> leaks = new ArrayList<>();
        for (String text : seen) {
            secrets.forEach((what, secret) -> {
                int at = text == null ? -1 : text.indexOf(secret);
                if (at >= 0) {
                    leaks.add(what + ": ..." + text.substring(Math.max(0, at - 100), Math.min(text.length(), at))
                            + "<" + what + ">...");
                }
            });
        }
        assertThat(log).doesNotContainPattern("code_verifier=(?!\\*\\*\\*)")
                .doesNotContainPattern("client_secret=(?!\\*\\*\\*)");
        assertThat(leaks).as("places where a secret showed").isEmpty();
    }

    @Test
    void theBodyOfSecretsGetSecretDoesNotPrintTheValue() throws Exception {
        emulator.secrets().createScope("it-scope");
        emulator.secrets().putSecret("it-scope", "it-key", SECRET_VALUE);
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:secret").to("databricks:secrets/getSecret?scope=it-scope&key=it-key&"
                        + Workspace.connection(emulator));
            }
        });
        Exchange out = template.request("direct:secret", e -> e.getMessage().setBody(null));
        assertThat(String.valueOf(out.getMessage().getBody())).doesNotContain(
                Base64.getEncoder().encodeToString(SECRET_VALUE.getBytes(StandardCharsets.UTF_8)));
    }

    /** A successful external-browser login against the emulator; returns the authorization code it used. */
    private String browserLogin(List<String> seen) throws Exception {
        emulator.oauth().addLoopbackApp("it-leak-cli");
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String[] code = new String[1];
        ExternalBrowserCredentialsProvider provider = new ExternalBrowserCredentialsProvider(authorizationUrl -> {
            try {
                String page = browser.send(HttpRequest.newBuilder(authorizationUrl).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher requestId = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"").matcher(page);
                assertThat(requestId.find()).isTrue();
                HttpResponse<Void> allowed = browser.send(HttpRequest.newBuilder(URI.create(emulator.url()
                                + authorizationUrl.getRawPath()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("request_id=" + requestId.group(1)
                                + "&user=it%40example.com&decision=allow")).build(),
                        HttpResponse.BodyHandlers.discarding());
                String callback = allowed.headers().firstValue("Location").orElseThrow();
                Matcher c = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
                assertThat(c.find()).isTrue();
                code[0] = java.net.URLDecoder.decode(c.group(1), StandardCharsets.UTF_8);
                browser.send(HttpRequest.newBuilder(URI.create(callback)).build(), HttpResponse.BodyHandlers.discarding());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.IOException(e);
            }
        }, config -> dir.resolve("token-cache"));
        DatabricksConfig config = new DatabricksConfig().setHost(emulator.url()).setAuthType("external-browser")
                .setClientId("it-leak-cli").setAttribute("redirect_url", "http://localhost:0/callback")
                .setCredentialsProvider(provider);
        try (WorkspaceClient w = new WorkspaceClient(config)) {
            assertThat(w.jobs().list(new JobsListRequest())).isNotNull();
            seen.add(w.config().toString());
            seen.add(provider.toString());
        }
        assertThat(code[0]).isNotBlank();
        assertThat(emulator.oauth().tokenRequests("authorization_code")).isEqualTo(1);
        return code[0];
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
