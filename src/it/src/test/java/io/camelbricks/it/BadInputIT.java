package io.camelbricks.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.auth.oauth.ExternalBrowserCredentialsProvider;
import io.camelbricks.api.service.files.FilesDownloadRequest;
import io.camelbricks.camel.DatabricksComponent;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input, end to end: each mistake fails with an error that names the problem, and nothing is sent that should
 * not be (the emulator's request log, or a loopback proxy's, proves it). Then error bodies a workspace or a proxy
 * in front of it may send: HTML, plain text, empty, truncated JSON, huge; each gives a readable exception with a
 * bounded message, read in bounded memory.
 */
class BadInputIT extends CamelContextSupport {
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

    /** Starts a context with one route {@code direct:in → uri}; returns the startup failure, or null. */
    private Throwable startWith(String uri) {
        context = new DefaultCamelContext();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to(uri);
                }
            });
            context.start();
            template = context.createProducerTemplate();
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private Exchange send(String uri, Object body) {
        Throwable startup = startWith(uri);
        assertThat(startup).as("the route starts").isNull();
        return template.request("direct:in", e -> e.getMessage().setBody(body));
    }

    private String connection() {
        return Workspace.connection(emulator);
    }

    // ------------------------------------------------------------------ endpoint URIs

    @Test
    void unknownServiceOrOperationNamesTheClosestOnes() {
        assertThat(startWith("databricks:jbos/list?" + connection())).hasStackTraceContaining("jobs/list");
        assertThat(startWith("databricks:jobs/sumbit?" + connection())).hasStackTraceContaining("jobs/submit");
        assertThat(emulator.requests().count()).isZero();
    }

    @Test
    void unknownOptionIsNamed() {
        assertThat(startWith("databricks:jobs/getRun?runIdd=1&" + connection()))
                .hasStackTraceContaining("Unknown option 'runIdd'");
        assertThat(emulator.requests().count()).isZero();
    }

    @Test
    void optionOrFieldOfTheWrongTypeIsNamed() {
        assertThat(startWith("databricks:jobs/list?maxConnectionsPerPool=many&" + connection()))
                .hasStackTraceContaining("maxConnectionsPerPool").hasStackTraceContaining("many");
        Exchange out = send("databricks:jobs/getRun?" + connection(), null);
        // (the route above started; a request field from a header with text that is no number)
        out = template.request("direct:in", e -> e.getMessage().setHeader("CamelDatabricks.runId", "not-a-number"));
        assertThat(out.getException()).hasStackTraceContaining("run_id").hasStackTraceContaining("not-a-number");
        assertThat(emulator.requests().matching("GET", "/jobs/runs/get")).hasSize(1); // the first, without a runId
    }

    @Test
    void missingRequiredPathParameterIsNamedAndNothingIsSent() {
        Exchange out = send("databricks:files/getMetadata?" + connection(), null);
        assertThat(out.getException()).isNotNull().hasStackTraceContaining("file_path");
        assertThat(emulator.requests().count()).isZero();
    }

    @Test
    void malformedJsonBodyIsRefusedBeforeSending() {
        Exchange out = send("databricks:jobs/submit?" + connection(), "{\"run_name\": \"x\", \"tasks\": [");
        assertThat(out.getException()).isNotNull().hasStackTraceContaining("JSON");
        assertThat(emulator.requests().count()).isZero();
    }

    @Test
    void bodyOfAnUnsupportedTypeIsNamed() {
        Exchange out = send("databricks:jobs/submit?" + connection(), new java.util.concurrent.atomic.AtomicBoolean());
        assertThat(out.getException()).isNotNull().hasStackTraceContaining("AtomicBoolean");
        assertThat(emulator.requests().count()).isZero();
    }

    @Test
    void oversizedInlineDbfsPutIsRefusedBeforeSending() {
        byte[] big = new byte[1024 * 1024 + 1];
        Exchange out = send("databricks:dbfs/put?" + connection(), Map.of("path", "/it/big.bin", "contents",
                java.util.Base64.getEncoder().encodeToString(big), "overwrite", true));
        assertThat(out.getException()).isNotNull().hasStackTraceContaining("dbfs/put takes at most 1 MB")
                .hasStackTraceContaining("1048577 bytes");
        try (WorkspaceClient w = new WorkspaceClient(new DatabricksConfig().setHost(emulator.url())
                .setToken(emulator.token()))) {
            assertThatThrownBy(() -> w.dbfsFiles().put("/it/big.bin", big, true))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1 MB");
        }
        assertThat(emulator.requests().count()).isZero();
    }

    // ------------------------------------------------------------------ connection settings

    @Test
    void invalidHostUrlIsNamed() {
        assertThat(startWith("databricks:jobs/list?host=RAW(https://exa mple.com:99999)&token=RAW("
                + emulator.token() + ")")).hasStackTraceContaining("exa mple.com");
    }

    @Test
    void plainHttpToANonLoopbackHostIsRefusedUnlessExplicitlyAllowed() throws Exception {
        try (LoopbackHttp proxy = LoopbackHttp.forwardProxy(emulator.url(), null)) {
            String viaProxy = "proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                    + "&host=http://workspace.example.test&token=RAW(" + emulator.token() + ")";

            assertThat(startWith("databricks:jobs/list?" + viaProxy))
                    .hasStackTraceContaining("refusing to send credentials over plain http to http://workspace.example.test")
                    .hasStackTraceContaining("allow_insecure_http");
            assertThat(proxy.seen()).as("nothing left the client").isEmpty();
            stopCamel();

            Exchange allowed = send("databricks:jobs/list?allowInsecureHttp=true&" + viaProxy, null);
            assertThat(allowed.getException()).isNull();
            assertThat(proxy.seen()).extracting(s -> s.uri().toString())
                    .containsExactly("http://workspace.example.test/api/2.2/jobs/list");
        }
        // loopback hosts (the emulator's http://127.0.0.1) need no permission, as every other test shows
        try (WorkspaceClient w = new WorkspaceClient(new DatabricksConfig().setHost("http://localhost:" + emulator.port())
                .setToken(emulator.token()))) {
            assertThat(w.jobs().list(new io.camelbricks.api.service.jobs.JobsListRequest())).isEmpty();
        }
    }

    @Test
    void missingCredentialsAreNamed() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.cfg"), "");
        assertThat(startWith("databricks:jobs/list?host=" + emulator.url() + "&configFile=" + empty
                + "&databricksCliPath=" + dir.resolve("no-cli")))
                .hasStackTraceContaining("cannot configure default credentials");
        assertThat(emulator.requests().count()).isZero();
    }

    @Test
    void conflictingCredentialsAreNamed() {
        assertThat(startWith("databricks:jobs/list?username=me&password=RAW(it-pass-0123)&" + connection()))
                .hasStackTraceContaining("more than one authorization method configured: basic and pat");
        assertThat(emulator.requests().count()).isZero();
    }

    @Test
    void unreadableOrMalformedConfigFileIsNamed() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("not-a-file.cfg"));
        assertThat(startWith("databricks:jobs/list?profile=it&configFile=" + directory))
                .hasStackTraceContaining("not-a-file.cfg");
        stopCamel();
        Path malformed = Files.writeString(dir.resolve("malformed.cfg"), "[it\nhost = " + emulator.url() + "\n");
        assertThat(startWith("databricks:jobs/list?profile=it&configFile=" + malformed))
                .hasStackTraceContaining("malformed.cfg");
        assertThat(emulator.requests().count()).isZero();
    }

    @Test
    void aStaleOAuthStateIsRefusedAndNoCodeIsRedeemed() {
        emulator.oauth().addLoopbackApp("it-cli").autoApprove(true);
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        ExternalBrowserCredentialsProvider provider = new ExternalBrowserCredentialsProvider(authorizationUrl -> {
            // the user approves; the redirect back carries the state of an earlier, expired login
            try {
                String page = browser.send(HttpRequest.newBuilder(authorizationUrl).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                java.util.regex.Matcher requestId = java.util.regex.Pattern
                        .compile("name=\"request_id\" value=\"([^\"]+)\"").matcher(page);
                assertThat(requestId.find()).as("the consent page").isTrue();
                HttpResponse<Void> allowed = browser.send(HttpRequest.newBuilder(URI.create(emulator.url()
                                + authorizationUrl.getRawPath()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("request_id=" + requestId.group(1)
                                + "&user=it%40example.com&decision=allow")).build(),
                        HttpResponse.BodyHandlers.discarding());
                String callback = allowed.headers().firstValue("Location").orElseThrow();
                String stale = callback.replaceAll("state=[^&]*", "state=stale-state-of-an-earlier-login");
                browser.send(HttpRequest.newBuilder(URI.create(stale)).build(), HttpResponse.BodyHandlers.discarding());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }, config -> dir.resolve("token-cache"));
        DatabricksConfig config = new DatabricksConfig().setHost(emulator.url()).setAuthType("external-browser")
                .setClientId("it-cli").setAttribute("redirect_url", "http://localhost:0/callback")
                .setCredentialsProvider(provider);

        assertThatThrownBy(() -> new WorkspaceClient(config).close())
                .hasStackTraceContaining("state mismatch");
        assertThat(emulator.oauth().tokenRequests("authorization_code")).as("the code was not redeemed").isZero();
    }

    // ------------------------------------------------------------------ values that become URLs and headers

    @Test
    void pathTraversalInFilePathsIsRefusedBeforeSending() {
        Exchange out = send("databricks:files/upload?path=/Volumes/main/default/landing/../../../etc/passwd&"
                + connection(), "x");
        assertThat(out.getException()).isNotNull().hasStackTraceContaining("contains a .. segment");
        try (WorkspaceClient w = new WorkspaceClient(new DatabricksConfig().setHost(emulator.url())
                .setToken(emulator.token()))) {
            assertThatThrownBy(() -> w.files().download(new FilesDownloadRequest()
                    .setFilePath("/Volumes/main/default/landing/../../other/secret.csv")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("file_path").hasMessageContaining("'..' segment");
        }
        assertThat(emulator.requests().count()).isZero();
    }

    @Test
    void crOrLfInAValueThatBecomesAHeaderIsRefusedBeforeSending() {
        // a token from a vault or a property with a line break (a URI would not carry one: set on the component)
        String injected = emulator.token() + "\r\nX-Injected: yes";
        context = new DefaultCamelContext();
        DatabricksComponent databricks = context.getComponent("databricks", DatabricksComponent.class);
        databricks.getConfiguration().setHost(emulator.url());
        databricks.getConfiguration().setToken(injected);
        Throwable failure;
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to("databricks:jobs/list");
                }
            });
            context.start();
            template = context.createProducerTemplate();
            failure = template.request("direct:in", e -> e.getMessage().setBody(null)).getException();
        } catch (Exception e) {
            failure = e;
        }
        assertThat(failure).isNotNull().hasStackTraceContaining("Authorization")
                .hasStackTraceContaining("CR, LF or NUL");
        assertThat(TlsAndProxyIT.stackTrace(failure)).doesNotContain(emulator.token());
        assertThat(emulator.requests().count()).isZero();
    }

    // ------------------------------------------------------------------ error bodies

    private Exchange getRunAgainst(LoopbackHttp server) {
        stopCamelQuietly();
        return send("databricks:jobs/getRun?runId=1&disableRetries=true&host=" + server.url() + "&token=RAW("
                + emulator.token() + ")", null);
    }

    @Test
    void errorBodiesThatAreNotJsonGiveReadableExceptions() {
        Map<String, LoopbackHttp.Reply> replies = Map.of(
                "html", LoopbackHttp.Reply.of(502, "text/html", "<html><head><title>502 Bad Gateway</title></head>"
                        + "<body><pre>upstream connect error or disconnect</pre></body></html>"),
                "text", LoopbackHttp.Reply.of(403, "text/plain", "Forbidden by the corporate proxy policy"),
                "empty", new LoopbackHttp.Reply(404, Map.of(), new byte[0], 1),
                "truncated json", LoopbackHttp.Reply.of(400, "application/json",
                        "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"Run 1 does not"));
        Map<String, List<String>> expected = Map.of(
                "html", List.of("502", "upstream connect error or disconnect"),
                "text", List.of("403", "Forbidden by the corporate proxy policy"),
                "empty", List.of("404"),
                "truncated json", List.of("400", "Run 1 does not"));
        replies.forEach((kind, reply) -> {
            try (LoopbackHttp server = LoopbackHttp.answering(reply)) {
                Exchange out = getRunAgainst(server);
                assertThat(out.getException()).as(kind).isNotNull();
                String message = out.getException().getMessage();
                expected.get(kind).forEach(part -> assertThat(message).as(kind).contains(part));
                assertThat(message.length()).as(kind + " message length").isLessThan(2048);
                assertThat(out.getMessage().getHeader("CamelDatabricksStatusCode")).as(kind).isEqualTo(reply.status());
            }
        });
    }

    @Test
    void aHugeErrorBodyIsReadOnlyInPart() {
        byte[] line = "<p>an enormous error page from a misconfigured proxy</p>\n".getBytes(StandardCharsets.UTF_8);
        long repeat = 4L * 1024 * 1024 * 1024 / line.length; // 4 GiB: more than this JVM could hold
        try (LoopbackHttp server = LoopbackHttp.answering(new LoopbackHttp.Reply(500, Map.of("Content-Type",
                "text/html"), line, repeat))) {
            Exchange out = getRunAgainst(server);

            assertThat(out.getException()).isNotNull();
            assertThat(out.getException().getMessage()).contains("500").contains("an enormous error page")
                    .hasSizeLessThan(2048);
            assertThat(server.bytesWritten()).as("the client stopped reading").isLessThan(1024L * 1024 * 1024);
        }
    }

    private void stopCamelQuietly() {
        try {
            stopCamel();
        } catch (Exception ignored) {
            // next context
        }
    }
}
