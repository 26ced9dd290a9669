package io.camelbricks.examples.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.auth.oauth.OAuthClient;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.EmulatorOptions;
import io.camelbricks.emulator.ManualClock;

/**
 * The SSO example driven by a cookie-keeping HTTP client that follows every redirect, against the emulator's OAuth
 * server: app → /login → consent page → "Allow" → /callback → the user's clusters and jobs.
 */
class SsoWebAppTest {
    private final ManualClock clock = new ManualClock();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    private DatabricksEmulator emu;
    private SsoWebApp app;

    @BeforeEach
    void start() throws Exception {
        emu = EmulatorOptions.builder().clock(clock).emulator().start();
        emu.jobs().createJob("nightly-etl");
        emu.oauth().accessTokenLifetime(Duration.ofMinutes(10));
        app = SsoWebApp.start(0, redirect -> {
            emu.oauth().addApp("sso-example", "sso-example-secret", redirect);
            return OAuthClient.builder().host(emu.url()).clientId("sso-example").clientSecret("sso-example-secret")
                    .redirectUrl(redirect).scopes(List.of("all-apis", "offline_access")).clock(clock).build();
        });
    }

    @AfterEach
    void stop() {
        app.close();
        emu.close();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Submits the consent page's form with "Allow" and follows the redirects back into the app. */
    private HttpResponse<String> allow(HttpResponse<String> consentPage, String user) throws Exception {
        Matcher action = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(consentPage.body());
        Matcher id = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"").matcher(consentPage.body());
        assertThat(action.find() && id.find()).as(consentPage.body()).isTrue();
        return browser.send(HttpRequest.newBuilder(consentPage.uri().resolve(action.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("request_id=" + id.group(1) + "&decision=allow&user="
                        + URLEncoder.encode(user, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aUserSignsInAndSeesTheClustersAndJobsAsThemselves() throws Exception {
        String home = "http://localhost:" + app.port() + "/";
        HttpResponse<String> consent = get(home);
        assertThat(consent.uri().toString()).startsWith(emu.url() + "/oidc/v1/authorize?");
        assertThat(consent.body()).contains("sso-example");

        HttpResponse<String> page = allow(consent, "hana@example.com");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().toString()).isEqualTo(home);
        assertThat(page.body()).contains("Signed in as <strong id=\"user\">hana@example.com</strong>",
                "Shared Autoscaling Emulator (RUNNING)", "nightly-etl");

        clock.advance(Duration.ofMinutes(10)); // the access token expired: the app refreshes it for the user
        assertThat(get(home).body()).contains("hana@example.com");
        assertThat(emu.oauth().tokenRequests("refresh_token")).isEqualTo(1);
        assertThat(emu.oauth().consentPagesServed()).isEqualTo(1);

        HttpResponse<String> afterLogout = get(home + "logout");
        assertThat(afterLogout.uri().toString()).startsWith(emu.url() + "/oidc/v1/authorize?");
    }

    @Test
    void aForgedCallbackIsRefused() throws Exception {
        get("http://localhost:" + app.port() + "/"); // a sign-in is in progress in this browser
        HttpResponse<String> forged = get("http://localhost:" + app.port() + "/callback?code=stolen&state=forged");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("OAuth state mismatch");
        assertThat(emu.oauth().tokenRequests("authorization_code")).isZero();
    }
}
