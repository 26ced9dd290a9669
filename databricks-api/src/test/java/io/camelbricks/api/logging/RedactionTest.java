package io.camelbricks.api.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.http.HttpRequest;
import io.camelbricks.api.registry.HttpMethod;
import io.camelbricks.api.wire.JsonMapper;

class RedactionTest {
    private final BodyRedactor redactor = new BodyRedactor(JsonMapper.create(), 96);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void secretValuesAreRedactedAndKeysSorted() {
        String out = redactor.render(bytes("{\"scope\":\"s\",\"string_value\":\"hunter2\",\"key\":\"k\","
                + "\"token_value\":\"dapiX\"}"));
        assertThat(out).doesNotContain("hunter2", "dapiX").contains("\"string_value\" : \"**REDACTED**\"");
        assertThat(out.indexOf("\"key\"")).isLessThan(out.indexOf("\"scope\""));
    }

    @Test
    void longStringsAreTruncated() {
        String out = redactor.render(bytes("{\"notebook_path\":\"" + "a".repeat(200) + "\"}"));
        assertThat(out).contains("a".repeat(96) + "... (104 more bytes)");
    }

    @Test
    void longArraysShowAdditionalElementCount() {
        StringBuilder sb = new StringBuilder("{\"jobs\":[");
        for (int i = 0; i < 500; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"job_id\":").append(i).append(",\"name\":\"job number ").append(i).append("\"}");
        }
        String out = redactor.render(bytes(sb.append("]}").toString()));
        assertThat(out).containsPattern("\\.\\.\\. \\(\\d+ additional elements\\)");
        assertThat(out.length()).isLessThan(4000);
    }

    @Test
    void authHeadersAreAlwaysMaskedEvenWithDebugHeaders() {
        RoundTripLogger logger = new RoundTripLogger(redactor, true);
        HttpRequest request = HttpRequest.of(HttpMethod.GET, "https://h/api/2.2/jobs/get?job_id=1")
                .withHeader("Authorization", "Bearer dapiSECRET")
                .withHeader("X-Databricks-Azure-SP-Management-Token", "mgmtSECRET")
                .withHeader("User-Agent", "camelbricks/1");
        String text = logger.render(request, "HTTP/1.1 200 OK", List.of(Map.entry("Content-Type", "application/json")),
                bytes("{\"job_id\":1}"), false);
        assertThat(text).doesNotContain("dapiSECRET", "mgmtSECRET")
                .contains("> GET /api/2.2/jobs/get?job_id=1", "> * Authorization: **REDACTED**",
                        "> * User-Agent: camelbricks/1", "< HTTP/1.1 200 OK", "< * Content-Type: application/json",
                        "\"job_id\" : 1");
    }

    @Test
    void headersAreLeftOutWithoutDebugHeadersAndStreamsAreNotRead() {
        RoundTripLogger logger = new RoundTripLogger(redactor, false);
        HttpRequest request = HttpRequest.of(HttpMethod.PUT, "https://h/api/2.0/fs/files/a")
                .withHeader("Authorization", "Bearer dapiSECRET")
                .withBodyStream(new java.io.ByteArrayInputStream(new byte[3]), 3, "application/octet-stream");
        String text = logger.render(request, "HTTP/1.1 204 No Content", List.of(), null, true);
        assertThat(text).doesNotContain("Authorization").contains("> [raw stream]", "< [raw stream]");
    }
}
