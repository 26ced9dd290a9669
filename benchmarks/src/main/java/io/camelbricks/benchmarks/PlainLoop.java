package io.camelbricks.benchmarks;

import java.io.IOException;
import java.io.InputStream;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The practical limit: Apache HttpClient 5 (pooled connections, no retries/redirects/cookies/compression handling)
 * and a Jackson tree per answer, nothing else. Retries
 * 429 and 503 after exactly the {@code Retry-After} the server sent (1 s without one).
 */
final class PlainLoop implements AutoCloseable {
    private final CloseableHttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private final String url;
    private final String auth;
    /** Milliseconds slept honouring Retry-After. */
    long sleptMillis;

    PlainLoop(String url, String token, int maxConnections) {
        this.http = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(maxConnections).setMaxConnTotal(maxConnections).build())
                // as lean as a hand-written loop gets (and as our transport is): no protocol extras
                .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement().disableAuthCaching()
                .disableContentCompression().build();
        this.url = url;
        this.auth = "Bearer " + token;
    }

    JsonNode get(String pathAndQuery) throws IOException {
        return call(new HttpGet(url + pathAndQuery));
    }

    /** Posts {@code body} as JSON, written on every call (as a client writes the request it is given). */
    JsonNode post(String path, JsonNode body) throws IOException {
        HttpPost post = new HttpPost(url + path);
        post.setEntity(new ByteArrayEntity(json(body), ContentType.APPLICATION_JSON));
        return call(post);
    }

    /** The bytes this loop sends for {@code body}. */
    byte[] json(JsonNode body) throws IOException {
        return mapper.writeValueAsBytes(body);
    }

    private JsonNode call(HttpUriRequestBase request) throws IOException {
        request.addHeader("Authorization", auth);
        while (true) {
            Object answer = http.execute(request, response -> {
                int status = response.getCode();
                if (status == 429 || status == 503) {
                    Header retryAfter = response.getFirstHeader("Retry-After");
                    org.apache.hc.core5.http.io.entity.EntityUtils.consume(response.getEntity());
                    return retryAfter == null ? 1000L : Long.parseLong(retryAfter.getValue().trim()) * 1000L;
                }
                try (InputStream body = response.getEntity().getContent()) {
                    JsonNode json = mapper.readTree(body);
                    if (status >= 300) {
                        throw new IOException("HTTP " + status + " " + json);
                    }
                    return json;
                }
            });
            if (answer instanceof JsonNode json) {
                return json;
            }
            long millis = (Long) answer;
            sleptMillis += millis;
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
