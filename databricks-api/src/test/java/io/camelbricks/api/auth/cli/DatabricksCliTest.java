package io.camelbricks.api.auth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.api.auth.DefaultCredentialsProvider;
import io.camelbricks.api.auth.HeaderFactory;
import io.camelbricks.api.auth.MutableClock;
import io.camelbricks.api.auth.PatCredentialsProvider;
import io.camelbricks.api.auth.TokenHeaderFactory;
import io.camelbricks.api.service.jobs.JobsGetRequest;
import io.camelbricks.api.testing.LoopbackServer;
import io.camelbricks.api.testing.LoopbackServer.Reply;
import io.camelbricks.api.testing.TestClients;

/**
 * databricks-cli with a stand-in CLI ({@code testdata/cli/databricks}), copied to a temporary bin directory and padded
 * past 1 MiB as a real (Go) CLI is; PATH=that directory:/bin and nothing else from the real environment.
 */
class DatabricksCliTest {
    @TempDir
    Path dir;

    private final LoopbackServer workspace = new LoopbackServer();
    private final MutableClock clock = new MutableClock(Instant.now());

    DatabricksCliTest() {
        workspace.respondWith(r -> Reply.ok("{\"job_id\":1}"));
    }

    @AfterEach
    void stop() {
        workspace.close();
    }

    /** A provider after databricks-cli in the chain, to see the chain go on. */
    static final class Next implements CredentialsProvider {
        @Override
        public String authType() {
            return "next";
        }

        @Override
        public Optional<HeaderFactory> configure(DatabricksConfig config) {
            return Optional.of(() -> Map.of("Authorization", "Bearer next"));
        }
    }

    private Path installCli(long padding) throws IOException, URISyntaxException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path cli = bin.resolve("databricks");
        Files.copy(Path.of(getClass().getResource("/testdata/cli/databricks").toURI()), cli);
        byte[] line = "# padding, as large as the real CLI binary\n".getBytes(StandardCharsets.UTF_8);
        long written = 0;
        try (var out = Files.newOutputStream(cli, StandardOpenOption.APPEND)) {
            while (written < padding) {
                out.write(line);
                written += line.length;
            }
        }
        Files.setPosixFilePermissions(cli, PosixFilePermissions.fromString("rwxr-xr-x"));
        return cli;
    }

    private Path realCli() throws IOException, URISyntaxException {
        return installCli(DatabricksCliCredentialsProvider.MIN_CLI_SIZE);
    }

    private DatabricksConfig config(String host, Map<String, String> vars) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", dir.toString(), "PATH", dir.resolve("bin") + ":/bin",
                "TZ", "UTC", "ARGS_LOG", dir.resolve("args.log").toString()));
        env.putAll(vars);
        return new DatabricksConfig()
                .setHost(host)
                .setAttribute("disable_async_token_refresh", true)
                .setCredentialsProvider(new DefaultCredentialsProvider(List.of(new PatCredentialsProvider(),
                        new DatabricksCliCredentialsProvider(), new Next())))
                .setClock(clock)
                .resolve(env);
    }

    private List<String> runs() throws IOException {
        Path log = dir.resolve("args.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void theCliTokenIsSentForTheHost() throws Exception {
        realCli();
        try (WorkspaceClient w = new WorkspaceClient(TestClients.fast(config(workspace.url(), Map.of("TOKEN", "oauth-from-cli"))))) {
            w.jobs().get(new JobsGetRequest().setJobId(1L));
            assertThat(w.config().getAuthType()).isEqualTo("databricks-cli");
            assertThat(workspace.lastRequest().header("Authorization")).isEqualTo("Bearer oauth-from-cli");
        }
        assertThat(runs()).containsExactly("auth token --host " + workspace.url());
    }

    @Test
    void anAccountHostPassesTheAccountId() throws Exception {
        realCli();
        DatabricksConfig config = config("https://accounts.cloud.databricks.com", Map.of()).setAccountId("acc-1");
        assertThat(config.authenticate().headers()).containsEntry("Authorization", "Bearer cli-token");
        assertThat(runs()).containsExactly("auth token --host https://accounts.cloud.databricks.com --account-id acc-1");
    }

    @Test
    void theCliIsRunAgainBeforeTheTokenExpires() throws Exception {
        realCli();
        TokenHeaderFactory headers = (TokenHeaderFactory) config(workspace.url(), Map.of()).authenticate();
        headers.headers();
        headers.headers();
        assertThat(runs()).hasSize(1);
        clock.advance(Duration.ofMinutes(59).plusSeconds(30));
        headers.headers();
        assertThat(runs()).hasSize(2);
        assertThat(headers.tokens().refreshCount()).isEqualTo(1);
    }

    @Test
    void aSpaceSeparatedLocalExpiryIsReadInTheCliTimeZone() throws Exception {
        realCli();
        TokenHeaderFactory headers = (TokenHeaderFactory) config(workspace.url(),
                Map.of("EXPIRY", "2099-03-20 10:30:00.123456", "TZ", "Europe/Berlin")).authenticate();
        assertThat(headers.tokens().token().expiry()).isEqualTo(Instant.parse("2099-03-20T09:30:00.123456Z"));
    }

    @Test
    void aMissingOrLegacyCliIsNotApplicable() throws Exception {
        DatabricksConfig none = config(workspace.url(), Map.of());
        none.authenticate();
        assertThat(none.getAuthType()).isEqualTo("next");
        installCli(0); // the small legacy Python CLI
        DatabricksConfig legacy = config(workspace.url(), Map.of());
        legacy.authenticate();
        assertThat(legacy.getAuthType()).isEqualTo("next");
        assertThat(runs()).isEmpty();
    }

    @Test
    void aCliNotLoggedInForTheHostIsNotApplicable() throws Exception {
        realCli();
        DatabricksConfig config = config(workspace.url(), Map.of("FAIL", "oauth"));
        config.authenticate();
        assertThat(config.getAuthType()).isEqualTo("next");
    }

    @Test
    void otherCliFailuresAreErrorsWithTheCliMessage() throws Exception {
        realCli();
        DatabricksConfig failing = config(workspace.url(), Map.of("FAIL", "yes"));
        assertThatThrownBy(failing::authenticate).hasMessage("default auth: databricks-cli: cannot get access token: "
                + "Error: token refresh: invalid_grant: refresh token is expired" + failing.debugSuffix());
        DatabricksConfig corrupt = config(workspace.url(), Map.of("FAIL", "corrupt"));
        assertThatThrownBy(corrupt::authenticate).hasMessage("default auth: databricks-cli: cannot unmarshal "
                + "Databricks CLI result: not a JSON object" + corrupt.debugSuffix());
    }

    @Test
    void databricksCliPathNamesTheExecutable() throws Exception {
        Path cli = realCli();
        DatabricksConfig config = config(workspace.url(), Map.of("PATH", "/bin", "DATABRICKS_CLI_PATH", cli.toString()));
        assertThat(config.authenticate().headers()).containsEntry("Authorization", "Bearer cli-token");
        assertThat(config.getAuthType()).isEqualTo("databricks-cli");
    }

    @Test
    void doesNotApplyWithoutAHost() throws Exception {
        realCli();
        DatabricksConfig config = new DatabricksConfig().resolve(Map.of("PATH", dir.resolve("bin").toString()));
        assertThat(new DatabricksCliCredentialsProvider().configure(config)).isEmpty();
    }
}
