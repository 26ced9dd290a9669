package io.camelbricks.api.auth.oauth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A "browser" for U2M tests: a real HTTP client that loads the authorization page, submits its form with "Allow"
 * and follows the redirect to the loopback callback, like a user clicking through. {@code tamper} rewrites the
 * redirect before it is followed (e.g. to forge the state).
 */
final class HttpClientBrowser implements BrowserOpener {
    private static final Pattern ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern REQUEST_ID = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpClient manual = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String user;
    private final UnaryOperator<String> tamper;
    final AtomicInteger opened = new AtomicInteger();
    volatile URI lastAuthorizationUrl;
    volatile HttpResponse<String> lastCallbackPage;

    HttpClientBrowser(String user) {
        this(user, null);
    }

    HttpClientBrowser(String user, UnaryOperator<String> tamper) {
        this.user = user;
        this.tamper = tamper;
    }

    @Override
    public void open(URI url) throws IOException {
        opened.incrementAndGet();
        lastAuthorizationUrl = url;
        try {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                throw new IOException("authorization page answered " + page.statusCode() + ": " + page.body());
            }
            Matcher action = ACTION.matcher(page.body());
            Matcher id = REQUEST_ID.matcher(page.body());
            if (!action.find() || !id.find()) {
                throw new IOException("no consent form on the authorization page");
            }
            String form = "request_id=" + enc(id.group(1)) + "&user=" + enc(user) + "&decision=allow";
            HttpRequest approve = HttpRequest.newBuilder(url.resolve(action.group(1)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            if (tamper == null) {
                // the client follows the 302 to the loopback callback on its own
                lastCallbackPage = http.send(approve, HttpResponse.BodyHandlers.ofString());
            } else {
                HttpResponse<String> redirect = manual.send(approve, HttpResponse.BodyHandlers.ofString());
                String location = redirect.headers().firstValue("Location").orElseThrow();
                lastCallbackPage = http.send(HttpRequest.newBuilder(URI.create(tamper.apply(location))).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
