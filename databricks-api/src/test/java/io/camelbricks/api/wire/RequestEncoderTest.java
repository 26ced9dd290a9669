package io.camelbricks.api.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.http.HttpRequest;
import io.camelbricks.api.registry.HttpMethod;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.registry.Param;
import io.camelbricks.api.testing.TestModels.Color;
import io.camelbricks.api.testing.TestModels.Nested;
import io.camelbricks.api.testing.TestModels.Req;

class RequestEncoderTest {
    private final DatabricksConfig config = new DatabricksConfig().setHost("https://h.cloud.databricks.com")
            .setToken("t").setAccountId("acc-1").resolve(Map.of());
    private final RequestEncoder encoder = new RequestEncoder(JsonMapper.create(), config);

    private static Operation.Builder<Req, Void> op(HttpMethod m, String path) {
        return Operation.<Req, Void>builder("test.Test.op", m, path, Req.class, Void.class).accessor("test");
    }

    @Test
    void pathParametersArePercentEncoded() {
        Operation<Req, Void> op = op(HttpMethod.GET, "/api/2.0/things/{name}")
                .param(Param.path("name", "name", String.class, (Req r) -> r.name)).build();
        Req r = new Req();
        r.name = "a b/c?é";
        assertThat(encoder.encode(op, r).url()).isEqualTo("https://h.cloud.databricks.com/api/2.0/things/a%20b%2Fc%3F%C3%A9");
    }

    @Test
    void multiSegmentParametersKeepSlashesAndEncodeEachSegment() {
        Operation<Req, Void> op = op(HttpMethod.GET, "/api/2.0/fs/files{file_path}")
                .param(Param.path("file_path", "filePath", String.class, (Req r) -> r.filePath).multiSegment()).build();
        Req r = new Req();
        r.filePath = "/Volumes/main/default/my vol/a#b.csv";
        assertThat(encoder.encode(op, r).pathAndQuery())
                .isEqualTo("/api/2.0/fs/files/Volumes/main/default/my%20vol/a%23b.csv");
        r.filePath = "Volumes/x";
        assertThat(encoder.encode(op, r).pathAndQuery()).isEqualTo("/api/2.0/fs/files/Volumes/x");
    }

    @Test
    void queryParametersFlattenNestedObjectsRepeatListsAndUseWireValues() {
        Operation<Req, Void> op = op(HttpMethod.GET, "/api/2.0/things")
                .param(Param.query("run_id", "runId", Long.class, (Req r) -> r.runId))
                .param(Param.query("flag", "flag", Boolean.class, (Req r) -> r.flag))
                .param(Param.query("tags", "tags", List.class, (Req r) -> r.tags))
                .param(Param.query("range", "range", Nested.class, (Req r) -> r.range))
                .param(Param.query("color", "color", Color.class, (Req r) -> r.color))
                .param(Param.query("name", "name", String.class, (Req r) -> r.name))
                .build();
        Req r = new Req();
        r.runId = 42L;
        r.flag = false;
        r.tags = List.of("a", "b c");
        r.range = new Nested();
        r.range.startTime = 1L;
        r.range.endTime = 2L;
        r.color = new Color("dark_blue");
        assertThat(encoder.encode(op, r).pathAndQuery()).isEqualTo("/api/2.0/things?run_id=42&flag=false&tags=a"
                + "&tags=b%20c&range.start_time=1&range.end_time=2&color=dark_blue");
        r.name = "a b&c=d/é~x";
        assertThat(encoder.encode(op, r).pathAndQuery()).endsWith("&color=dark_blue&name=a%20b%26c%3Dd%2F%C3%A9~x");
        r.name = "plain-Name_1.2~";
        assertThat(encoder.encode(op, r).pathAndQuery()).endsWith("&name=plain-Name_1.2~");
    }

    @Test
    void jsonBodyLeavesOutFieldsSentAsPathOrQuery() {
        Operation<Req, Void> op = op(HttpMethod.POST, "/api/2.0/things/{name}").jsonBody()
                .param(Param.path("name", "name", String.class, (Req r) -> r.name))
                .param(Param.query("flag", "flag", Boolean.class, (Req r) -> r.flag))
                .build();
        Req r = new Req();
        r.name = "n";
        r.flag = true;
        r.runName = "nightly";
        HttpRequest http = encoder.encode(op, r);
        assertThat(new String(http.body(), StandardCharsets.UTF_8)).isEqualTo("{\"run_name\":\"nightly\"}");
        assertThat(http.pathAndQuery()).isEqualTo("/api/2.0/things/n?flag=true");
        assertThat(http.contentType()).isEqualTo("application/json");
    }

    @Test
    void bodyFieldOperationsSendOnlyThatField() {
        Operation<Req, Void> op = op(HttpMethod.PATCH, "/api/2.0/things/{name}")
                .param(Param.path("name", "name", String.class, (Req r) -> r.name))
                .bodyField("range", (Req r) -> r.range).build();
        Req r = new Req();
        r.name = "n";
        r.range = new Nested();
        r.range.startTime = 5L;
        assertThat(new String(encoder.encode(op, r).body(), StandardCharsets.UTF_8)).isEqualTo("{\"start_time\":5}");
    }

    @Test
    void binaryBodiesAreStreamedNotBuffered() {
        Operation<Req, Void> op = op(HttpMethod.PUT, "/api/2.0/fs/files{file_path}")
                .param(Param.path("file_path", "filePath", String.class, (Req r) -> r.filePath).multiSegment())
                .binaryBody((Req r) -> r.contents).build();
        Req r = new Req();
        r.filePath = "/Volumes/a";
        r.contents = new ByteArrayInputStream(new byte[] {1, 2, 3});
        HttpRequest http = encoder.encode(op, r);
        assertThat(http.body()).isNull();
        assertThat(http.bodyStream()).isSameAs(r.contents);
        assertThat(http.contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void accountIdIsFilledFromTheConfiguration() {
        Operation<Req, Void> op = Operation.<Req, Void>builder("test.Acc.get", HttpMethod.GET,
                        "/api/2.0/accounts/{account_id}/workspaces/{name}", Req.class, Void.class)
                .accessor("workspaces").account()
                .param(Param.pathFromConfig("account_id", "account_id"))
                .param(Param.path("name", "name", String.class, (Req r) -> r.name)).build();
        Req r = new Req();
        r.name = "w";
        assertThat(encoder.encode(op, r).pathAndQuery()).isEqualTo("/api/2.0/accounts/acc-1/workspaces/w");
    }

    @Test
    void missingPathParameterIsAClearError() {
        Operation<Req, Void> op = op(HttpMethod.GET, "/api/2.0/things/{name}")
                .param(Param.path("name", "name", String.class, (Req r) -> r.name)).build();
        assertThatThrownBy(() -> encoder.encode(op, new Req()))
                .hasMessage("test.Test.op: missing required path parameter 'name' (request field name)");
    }

    @Test
    void postWithoutRequestSendsAnEmptyObject() {
        Operation<Req, Void> op = op(HttpMethod.POST, "/api/2.0/things").jsonBody().build();
        assertThat(new String(encoder.encode(op, null).body(), StandardCharsets.UTF_8)).isEqualTo("{}");
    }
}
