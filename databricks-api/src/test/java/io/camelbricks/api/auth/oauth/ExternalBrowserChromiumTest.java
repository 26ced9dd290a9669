package io.camelbricks.api.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.EmulatorOptions;

/**
 * external-browser once with a real browser: headless Chromium (Debian's {@code chromium}) loads the emulator's
 * consent page, which approves itself ({@code autoApprove}: a headless browser cannot click), posts the form, follows
 * the 302 to the loopback callback, and the client redeems the code. Skipped when {@code /usr/bin/chromium} is
 * absent. No network beyond loopback: background networking, component updates and sync are off.
 */
class ExternalBrowserChromiumTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final List<Process> started = new CopyOnWriteArrayList<>();
    private DatabricksEmulator emu;

    @TempDir
    Path home;
    @TempDir
    Path profile;

    @BeforeEach
    void start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (apt-get install chromium)");
        emu = new DatabricksEmulator().start();
        emu.oauth().autoApprove(true);
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
        if (emu != null) {
            emu.close();
        }
    }

    @Test
    void headlessChromiumCompletesTheLogin() {
        BrowserOpener chromium = url -> started.add(new ProcessBuilder(CHROMIUM.toString(), "--headless",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--no-first-run",
                "--no-default-browser-check", "--user-data-dir=" + profile, url.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        DatabricksConfig config = new DatabricksConfig().resolve(Map.of("HOME", home.toString(),
                "DATABRICKS_HOST", emu.url(), "DATABRICKS_AUTH_TYPE", "external-browser",
                "DATABRICKS_REDIRECT_URL", "http://localhost:0/callback",
                "DATABRICKS_OAUTH_BROWSER_AUTH_TIMEOUT", "90"));
        config.setCredentialsProvider(new ExternalBrowserCredentialsProvider(chromium));
        try (WorkspaceClient w = new WorkspaceClient(TestClients.fast(config))) {
            assertThat(w.currentUser().me().getUserName()).isEqualTo(emu.options().userName());
        }
        assertThat(started).hasSize(1);
        assertThat(emu.oauth().consentPagesServed()).isEqualTo(1);
        assertThat(emu.oauth().tokenRequests("authorization_code")).isEqualTo(1);
        assertThat(home.resolve(".config/camelbricks/oauth")).isNotEmptyDirectory();
    }
}
