package io.camelbricks.api.auth.oauth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.auth.Token;
import io.camelbricks.api.http.HttpRequest;
import io.camelbricks.api.http.HttpResponse;
import io.camelbricks.api.http.HttpTransport;
import io.camelbricks.api.registry.HttpMethod;
import io.camelbricks.api.wire.PathEncoder;

/**
 * Talks to OAuth 2.0 endpoints: form-encoded token requests (client credentials, authorization code, refresh,
 * RFC 8693 token exchange) and OIDC discovery documents. Error messages carry the server's {@code error} and
 * {@code error_description}, never a secret; error answers raise {@link TokenRequestException}.
 */
public final class TokenEndpointClient {
    /** Where the client id and secret go. */
    public enum ClientAuth {
        /** HTTP Basic header (Databricks' default). */
        HEADER,
        /** {@code client_id} / {@code client_secret} form fields. */
        BODY
    }

    private final HttpTransport http;
    private final ObjectMapper mapper;
    private final Clock clock;

    public TokenEndpointClient(HttpTransport http, ObjectMapper mapper, Clock clock) {
        this.http = http;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** POSTs {@code form} to {@code tokenEndpoint} and reads the token answer. */
    public Token requestToken(String tokenEndpoint, Map<String, String> form, String clientId, String clientSecret,
                              ClientAuth clientAuth) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> {
            if (v != null) {
                body.add(PathEncoder.encodeQueryComponent(k) + "=" + PathEncoder.encodeQueryComponent(v));
            }
        });
        HttpRequest request = HttpRequest.of(HttpMethod.POST, tokenEndpoint).withHeader("Accept", "application/json");
        if (clientId != null && clientSecret != null && clientAuth == ClientAuth.HEADER) {
            String basic = Base64.getEncoder().encodeToString((PathEncoder.encodeQueryComponent(clientId) + ":"
                    + PathEncoder.encodeQueryComponent(clientSecret)).getBytes(StandardCharsets.UTF_8));
            request = request.withHeader("Authorization", "Basic " + basic);
        } else if (clientId != null) {
            body.add("client_id=" + PathEncoder.encodeQueryComponent(clientId));
            if (clientSecret != null) {
                body.add("client_secret=" + PathEncoder.encodeQueryComponent(clientSecret));
            }
        }
        request = request.withBody(body.toString().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
        JsonNode answer = send(request, "token request to " + withoutQuery(tokenEndpoint));
        return toToken(answer, tokenEndpoint);
    }

    /** GETs a JSON document (e.g. {@code /oidc/.well-known/oauth-authorization-server}). */
    public JsonNode getJson(String url) {
        return getJson(url, Map.of());
    }

    /**
     * GETs a JSON document with extra headers (e.g. the bearer token of GitHub's ID token endpoint); header values
     * never appear in messages.
     */
    public JsonNode getJson(String url, Map<String, String> headers) {
        return send(HttpRequest.of(HttpMethod.GET, url).withHeader("Accept", "application/json").withHeaders(headers),
                "GET " + withoutQuery(url));
    }

    private JsonNode send(HttpRequest request, String what) {
        byte[] body;
        int status;
        try (HttpResponse response = http.execute(request)) {
            status = response.status();
            body = response.body().readAllBytes();
        } catch (IOException e) {
            throw new DatabricksException(what + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        JsonNode json;
        try {
            json = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
        } catch (IOException e) {
            throw new DatabricksException(what + " answered HTTP " + status + " with a body that is not JSON");
        }
        if (status < 200 || status >= 300) {
            String error = json.path("error").asText("");
            String description = json.path("error_description").asText(json.path("message").asText(""));
            throw new TokenRequestException(what + " failed: HTTP " + status
                    + (error.isEmpty() ? "" : " " + error) + (description.isEmpty() ? "" : ": " + description),
                    status, error);
        }
        return json;
    }

    private Token toToken(JsonNode json, String endpoint) {
        String access = json.path("access_token").asText("");
        if (access.isEmpty()) {
            throw new DatabricksException("token request to " + withoutQuery(endpoint) + " answered without access_token");
        }
        Instant expiry = null;
        if (json.hasNonNull("expires_in")) {
            expiry = clock.instant().plusSeconds(json.get("expires_in").asLong());
        } else if (json.hasNonNull("expiry")) {
            expiry = Instant.parse(json.get("expiry").asText());
        }
        String refresh = json.hasNonNull("refresh_token") ? json.get("refresh_token").asText() : null;
        return new Token(access, json.path("token_type").asText("Bearer"), refresh, expiry);
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
