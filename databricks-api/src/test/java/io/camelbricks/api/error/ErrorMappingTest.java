package io.camelbricks.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.wire.JsonMapper;

class ErrorMappingTest {
    private final ErrorBodyParser parser = new ErrorBodyParser(JsonMapper.create());

    private DatabricksError map(String method, String path, int status, String reason, String body) {
        ErrorBodyParser.Parsed p = parser.parse(status, reason, body.getBytes(StandardCharsets.UTF_8));
        return ErrorMapper.map(method, path, new ErrorDetails(status, p.errorCode(), p.message(), p.details(),
                p.requestId(), method + " " + path, null));
    }

    @Test
    void jsonErrorCodeIsMoreSpecificThanStatus() {
        DatabricksError e = map("POST", "/api/2.2/jobs/create", 400, "Bad Request",
                "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"Bad name\",\"details\":[{\"@type\":"
                        + "\"type.googleapis.com/google.rpc.RequestInfo\",\"request_id\":\"r-1\"}]}");
        assertThat(e).isInstanceOf(InvalidParameterValue.class).isInstanceOf(BadRequest.class);
        assertThat(e.getErrorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(e.getServerMessage()).isEqualTo("Bad name");
        assertThat(e.getRequestId()).isEqualTo("r-1");
        assertThat(e.getDetails()).hasSize(1);
        assertThat(e.getMessage()).isEqualTo("INVALID_PARAMETER_VALUE: Bad name (HTTP 400, POST /api/2.2/jobs/create, request id r-1)");
    }

    @Test
    void statusSelectsTheClassWhenTheCodeIsUnknown() {
        assertThat(map("GET", "/x", 404, "Not Found", "{\"error_code\":\"ENDPOINT_NOT_FOUND\",\"message\":\"no\"}"))
                .isInstanceOf(NotFound.class);
        assertThat(map("GET", "/x", 429, "", "{\"error_code\":\"X\",\"message\":\"slow down\"}"))
                .isInstanceOf(TooManyRequests.class);
        assertThat(map("GET", "/x", 401, "", "{}")).isInstanceOf(Unauthenticated.class);
        assertThat(map("GET", "/x", 403, "", "{}")).isInstanceOf(PermissionDenied.class);
        assertThat(map("GET", "/x", 409, "", "{\"error_code\":\"RESOURCE_ALREADY_EXISTS\"}"))
                .isInstanceOf(ResourceAlreadyExists.class).isInstanceOf(ResourceConflict.class);
        assertThat(map("GET", "/x", 503, "", "")).isInstanceOf(TemporarilyUnavailable.class);
        assertThat(map("GET", "/x", 500, "", "")).isInstanceOf(InternalError.class);
        assertThat(map("GET", "/x", 418, "", "")).isExactlyInstanceOf(DatabricksError.class);
    }

    @Test
    void runDoesNotExistOn400IsMappedToResourceDoesNotExist() {
        DatabricksError e = map("GET", "/api/2.2/jobs/runs/get", 400, "",
                "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"Run 7 does not exist.\"}");
        assertThat(e).isInstanceOf(ResourceDoesNotExist.class);
    }

    @Test
    void plainTextErrorCodeAndMessageAreRead() {
        DatabricksError e = map("GET", "/x", 400, "Bad Request", "INVALID_STATE: cluster is terminating");
        assertThat(e).isInstanceOf(InvalidState.class);
        assertThat(e.getServerMessage()).isEqualTo("cluster is terminating");
    }

    @Test
    void htmlBodiesYieldTheirPreOrTitleText() {
        DatabricksError pre = map("GET", "/x", 502, "Bad Gateway",
                "<html><body><pre>Upstream connect error.</pre></body></html>");
        assertThat(pre.getServerMessage()).isEqualTo("Upstream connect error");
        assertThat(pre.getErrorCode()).isEqualTo("BAD_GATEWAY");
        DatabricksError title = map("GET", "/x", 503, "", "<html><head><title>503 Service Unavailable</title></head></html>");
        assertThat(title.getServerMessage()).isEqualTo("503 Service Unavailable");
    }

    @Test
    void unparseableBodiesAreShownTruncated() {
        DatabricksError e = map("GET", "/x", 500, "Internal Server Error", "x".repeat(2000));
        assertThat(e.getServerMessage()).startsWith("Response from server (500 Internal Server Error): xxx")
                .endsWith("(1488 more bytes)");
    }

    @Test
    void scimErrorsUseDetailAndScimType() {
        DatabricksError e = map("GET", "/api/2.0/preview/scim/v2/Users", 409, "",
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"detail\":\"User exists\","
                        + "\"scimType\":\"uniqueness\",\"status\":\"409\"}");
        assertThat(e.getServerMessage()).isEqualTo("uniqueness User exists");
        assertThat(e.getErrorCode()).isEqualTo("SCIM_409");
    }
}
