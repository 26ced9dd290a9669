package io.camelbricks.emulator.server;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request as the emulator received it, for test assertions. The {@code Authorization} header is redacted.
 *
 * @param time        when it arrived (emulator clock)
 * @param method      HTTP verb
 * @param path        full path, e.g. {@code /api/2.2/jobs/runs/get}
 * @param version     API version ({@code 2.2}) or null for non-API paths
 * @param apiPath     path without the version prefix ({@code /jobs/runs/get}) or null
 * @param query       raw query string or null
 * @param queryParameters decoded query parameters
 * @param headers     headers with lower-case names
 * @param body        request body bytes
 * @param status      the HTTP status the emulator answered (0: the connection was closed without an answer)
 * @param operationId the spec's operationId for this verb and path ({@code jobs.Jobs.submit}), null outside the spec
 * @param injectedFault what fault the server acted out ({@code "503"}, {@code "reset"}, {@code "rate-limit"}, ...),
 *                    null when none
 */
public record RecordedRequest(Instant time, String method, String path, String version, String apiPath, String query,
                              Map<String, List<String>> queryParameters, Map<String, List<String>> headers,
                              byte[] body, int status, String operationId, String injectedFault) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** First value of a query parameter, or null. */
    public String queryParameter(String name) {
        List<String> values = queryParameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** True when verb and versionless API path match, e.g. {@code is("POST", "/jobs/runs/submit")}. */
    public boolean is(String method, String apiPath) {
        return this.method.equalsIgnoreCase(method) && apiPath.equals(this.apiPath);
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status;
    }
}
