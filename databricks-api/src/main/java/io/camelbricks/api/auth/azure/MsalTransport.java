package io.camelbricks.api.auth.azure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;

import io.camelbricks.api.http.HttpRequest;
import io.camelbricks.api.http.HttpResponse;
import io.camelbricks.api.http.HttpTransport;
import io.camelbricks.api.registry.HttpMethod;

/**
 * msal4j's HTTP calls over our transport, so that Entra ID requests get the configuration's timeouts, TLS settings
 * and test transports like every other authentication call.
 */
final class MsalTransport implements IHttpClient {
    private final HttpTransport http;

    MsalTransport(HttpTransport http) {
        this.http = http;
    }

    @Override
    public IHttpResponse send(com.microsoft.aad.msal4j.HttpRequest msal) throws Exception {
        HttpRequest request = HttpRequest.of(HttpMethod.valueOf(msal.httpMethod().name()), msal.url().toString());
        String contentType = null;
        if (msal.headers() != null) {
            for (Map.Entry<String, String> h : msal.headers().entrySet()) {
                String name = h.getKey();
                if (name.equalsIgnoreCase("Content-Type")) {
                    contentType = h.getValue();
                } else if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")) {
                    request = request.withHeader(name, h.getValue());
                }
            }
        }
        if (msal.body() != null) {
            request = request.withBody(msal.body().getBytes(StandardCharsets.UTF_8),
                    contentType == null ? "application/x-www-form-urlencoded" : contentType);
        }
        try (HttpResponse response = http.execute(request)) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Map.Entry<String, String> h : response.headers()) {
                headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue());
            }
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            int status = response.status();
            return new IHttpResponse() {
                @Override
                public int statusCode() {
                    return status;
                }

                @Override
                public Map<String, List<String>> headers() {
                    return headers;
                }

                @Override
                public String body() {
                    return body;
                }
            };
        }
    }
}
