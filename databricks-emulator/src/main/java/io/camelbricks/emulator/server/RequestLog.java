package io.camelbricks.emulator.server;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every request the emulator received (newest last), so tests can assert what a client sent. The
 * {@code Authorization} header and the credential fields of form bodies ({@code client_secret}, {@code code},
 * {@code code_verifier}, {@code refresh_token}, {@code subject_token}, ...) and secret values ({@code string_value},
 * {@code bytes_value} of {@code secrets/...} bodies) are stored as {@code ***}. Keeps the last {@code capacity} requests; {@link #count()} counts all since start or the last {@link #clear()}.
 */
public final class RequestLog {

    private final int capacity;
    private final Clock clock;
    private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();
    private long total;
    private final OperationIds operationIds;

    /** Maps a verb and a full request path to the spec's operationId ({@code jobs.Jobs.submit}), or null. */
    @FunctionalInterface
    public interface OperationIds {
        String operationId(String method, String path);
    }

    public RequestLog(int capacity, Clock clock) {
        this(capacity, clock, (method, path) -> null);
    }

    public RequestLog(int capacity, Clock clock, OperationIds operationIds) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.clock = clock;
        this.operationIds = operationIds;
    }

    void record(ApiRequest request, int status) {
        record(request, status, null);
    }

    /** Records a request; {@code injectedFault} says what fault the server acted out for it (null: none). */
    void record(ApiRequest request, int status, String injectedFault) {
        Map<String, List<String>> headers = request.headers().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        e -> e.getKey().equals("authorization") ? redact(e.getValue()) : e.getValue()));
        RecordedRequest recorded = new RecordedRequest(clock.instant(), request.method(), request.path(),
                request.version(), request.apiPath(), request.rawQuery(), request.queryParameters(), headers,
                redactForm(request), status, operationId(request), injectedFault);
        synchronized (this) {
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(recorded);
            total++;
        }
    }

    private String operationId(ApiRequest request) {
        try {
            return operationIds.operationId(request.method(), request.path());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Form fields that carry credentials (token endpoint requests); their values are stored as {@code ***}. */
    private static final Set<String> SECRET_FORM_FIELDS = Set.of("client_secret", "code", "code_verifier",
            "refresh_token", "subject_token", "assertion", "password", "actor_token");

    /** JSON body fields that carry secret values ({@code secrets/put}); stored as {@code ***}. */
    private static final Set<String> SECRET_JSON_FIELDS = Set.of("string_value", "bytes_value");

    private static byte[] redactJson(ApiRequest request, byte[] body) {
        if (body.length == 0 || request.apiPath() == null || !request.apiPath().startsWith("/secrets/")) {
            return body;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode node = Json.MAPPER.readTree(body);
            if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object
                    && SECRET_JSON_FIELDS.stream().anyMatch(object::has)) {
                SECRET_JSON_FIELDS.stream().filter(object::has).forEach(f -> object.put(f, "***"));
                return Json.MAPPER.writeValueAsBytes(object);
            }
            return body;
        } catch (java.io.IOException | RuntimeException e) {
            return "<unreadable body of a secrets request, not recorded>".getBytes(StandardCharsets.UTF_8);
        }
    }

    private static byte[] redactForm(ApiRequest request) {
        String contentType = request.header("Content-Type");
        byte[] body = redactJson(request, request.bodyBytes());
        if (body.length == 0 || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return body;
        }
        StringBuilder sb = new StringBuilder();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&", -1)) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            sb.append(eq >= 0 && SECRET_FORM_FIELDS.contains(key) ? key + "=***" : pair);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> redact(List<String> values) {
        return values.stream().map(v -> {
            int space = v.indexOf(' ');
            return (space > 0 ? v.substring(0, space + 1) : "") + "***";
        }).collect(Collectors.toUnmodifiableList());
    }

    /** Number of requests received since start or the last clear (including ones no longer retained). */
    public synchronized long count() {
        return total;
    }

    /** Number of retained requests with this verb and versionless API path, e.g. {@code ("GET", "/jobs/runs/get")}. */
    public long count(String method, String apiPath) {
        return matching(r -> r.is(method, apiPath)).size();
    }

    /** Snapshot of retained requests, oldest first. */
    public synchronized List<RecordedRequest> all() {
        return List.copyOf(entries);
    }

    public List<RecordedRequest> matching(Predicate<RecordedRequest> predicate) {
        return all().stream().filter(predicate).collect(Collectors.toUnmodifiableList());
    }

    /** Retained requests with this verb and versionless API path, oldest first. */
    public List<RecordedRequest> matching(String method, String apiPath) {
        return matching(r -> r.is(method.toUpperCase(Locale.ROOT), apiPath));
    }

    /** Number of retained requests of one operation of the spec, e.g. {@code countOperation("jobs.Jobs.submit")}. */
    public long countOperation(String operationId) {
        return matching(r -> operationId.equals(r.operationId())).size();
    }

    /** Retained requests per spec operationId (requests outside the spec are not counted), sorted by operationId. */
    public Map<String, Long> operationCounts() {
        return all().stream().filter(r -> r.operationId() != null).collect(Collectors.groupingBy(
                RecordedRequest::operationId, java.util.TreeMap::new, Collectors.counting()));
    }

    /** Retained requests for which the server acted out an injected fault, oldest first. */
    public List<RecordedRequest> withInjectedFaults() {
        return matching(r -> r.injectedFault() != null);
    }

    public synchronized Optional<RecordedRequest> last() {
        return Optional.ofNullable(entries.peekLast());
    }

    public synchronized void clear() {
        entries.clear();
        total = 0;
    }
}
