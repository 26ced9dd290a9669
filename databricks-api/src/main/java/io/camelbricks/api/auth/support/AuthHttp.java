package io.camelbricks.api.auth.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.http.HttpRequest;
import io.camelbricks.api.http.HttpResponse;
import io.camelbricks.api.http.HttpTransport;
import io.camelbricks.api.registry.HttpMethod;
import io.camelbricks.api.wire.JsonMapper;
import io.camelbricks.api.wire.PathEncoder;

/**
 * Small JSON-over-HTTP calls of the credentials providers that do not talk plain OAuth (IMDS, metadata services,
 * Google token and IAM endpoints), through the configuration's auth transport. Messages name the endpoint without
 * its query and carry the server's {@code error} / {@code error_description} (or {@code error.message}), never a
 * header, a form value or a token.
 */
public final class AuthHttp {
    private static final ObjectMapper MAPPER = JsonMapper.create();

    private AuthHttp() {
    }

    /** The raw answer of one call. */
    public record Answer(int status, String location, byte[] body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Sends {@code request}; a transport failure becomes {@code <what> failed: <exception>}. */
    public static Answer send(HttpTransport http, HttpRequest request, String what) {
        try (HttpResponse response = http.execute(request)) {
            return new Answer(response.status(), response.first("Location"), response.body().readAllBytes());
        } catch (IOException e) {
            throw new DatabricksException(what + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    /** Sends {@code request} and reads a 2xx JSON answer; anything else is an error naming {@code what}. */
    public static JsonNode json(HttpTransport http, HttpRequest request, String what) {
        return json(send(http, request.withHeader("Accept", "application/json"), what), what);
    }

    /** Reads a 2xx JSON object answer; anything else is an error naming {@code what}. */
    public static JsonNode json(Answer answer, String what) {
        JsonNode json;
        try {
            json = answer.body().length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(answer.body());
        } catch (IOException e) {
            json = null;
        }
        if (!answer.ok()) {
            throw new DatabricksException(what + " failed: HTTP " + answer.status() + describe(json));
        }
        if (json == null || !json.isObject()) {
            throw new DatabricksException(what + " answered HTTP " + answer.status() + " with a body that is not a JSON object");
        }
        return json;
    }

    /** GET with headers. */
    public static JsonNode getJson(HttpTransport http, String url, Map<String, String> headers, String what) {
        return json(http, HttpRequest.of(HttpMethod.GET, url).withHeaders(headers), what);
    }

    /** POST of a form. */
    public static JsonNode postForm(HttpTransport http, String url, Map<String, String> form, String what) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(PathEncoder.encodeQueryComponent(k) + "=" + PathEncoder.encodeQueryComponent(v)));
        return json(http, HttpRequest.of(HttpMethod.POST, url)
                .withBody(body.toString().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded"), what);
    }

    /** POST of a JSON body, with headers. */
    public static JsonNode postJson(HttpTransport http, String url, Map<String, String> headers, Object body, String what) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new DatabricksException(what + ": cannot encode the request", e);
        }
        return json(http, HttpRequest.of(HttpMethod.POST, url).withHeaders(headers).withBody(bytes, "application/json"), what);
    }

    /** {@code url} without its query (for messages). */
    public static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /**
     * An epoch-seconds field that may be a number or a numeric string (IMDS sends strings); null when absent.
     *
     * @throws DatabricksException when present but not a number
     */
    public static Instant epochSeconds(JsonNode json, String field, String what) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return null;
        }
        if (value.isNumber()) {
            return Instant.ofEpochSecond(value.asLong());
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value.asText().trim()));
        } catch (NumberFormatException e) {
            throw new DatabricksException(what + " answered an invalid " + field + " (not epoch seconds)");
        }
    }

    private static String describe(JsonNode json) {
        if (json == null || !json.isObject()) {
            return "";
        }
        JsonNode error = json.path("error");
        if (error.isObject()) { // Google APIs: {"error": {"code": 403, "message": "...", "status": "PERMISSION_DENIED"}}
            String status = error.path("status").asText("");
            String message = error.path("message").asText("");
            return (status.isEmpty() ? "" : " " + status) + (message.isEmpty() ? "" : ": " + message);
        }
        String code = error.asText("");
        String description = json.path("error_description").asText(json.path("message").asText(""));
        return (code.isEmpty() ? "" : " " + code) + (description.isEmpty() ? "" : ": " + description);
    }
}
