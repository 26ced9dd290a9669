package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelbricks.emulator.spec.OpenApiSpec;
import io.camelbricks.emulator.spec.SchemaValidator;
import io.camelbricks.emulator.spec.SpecOperation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every operation of the OpenAPI documents answers: emulated services, or the spec fallback with schema samples. */
class SpecFallbackTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static DatabricksEmulator emu;
    static Http http;

    @BeforeAll
    static void start() {
        emu = new DatabricksEmulator().start();
        http = new Http(emu.url(), emu.token());
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @BeforeEach
    void fresh() {
        emu.reset();
    }

    @Test
    void everyOperationOfTheSpecAnswersWithoutAnErrorAndTheFallbackAnswersInTheShapeOfItsSchema() throws Exception {
        OpenApiSpec spec = emu.spec();
        SchemaValidator strict = new SchemaValidator(spec, false);
        // a second operation on a shared path gets the first one's answer: its own fields fit, extra ones are ignored
        SchemaValidator lenient = new SchemaValidator(spec, true);
        List<SpecOperation> operations = spec.operations();
        assertThat(operations).hasSize(987);
        List<String> failures = new ArrayList<>();
        int byFallback = 0;
        int byServices = 0;
        for (SpecOperation op : operations) {
            String primary = op.primaryOperationId();
            long before = emu.fallback().answered().getOrDefault(primary, 0L);
            Http.Reply reply = http.send(op.method(), concretePath(op), requestBody(op), requestContentType(op));
            boolean fallback = emu.fallback().answered().getOrDefault(primary, 0L) == before + 1;
            if (fallback) {
                byFallback++;
                String problem = checkFallbackAnswer(op, reply, op.isShared() ? lenient : strict);
                if (problem != null) {
                    failures.add(op + ": " + problem);
                }
            } else {
                byServices++;
                // an emulated service: it may refuse the placeholder arguments, but in the Databricks way
                boolean ok = reply.status() / 100 == 2
                        || reply.status() >= 400 && reply.status() < 500 && reply.status() != 405
                        && reply.json() != null && reply.json().hasNonNull("error_code")
                        && !"ENDPOINT_NOT_FOUND".equals(reply.json().path("error_code").asText())
                        // SCIM answers SCIM error bodies (detail, status); a HEAD answer has no body
                        || reply.status() >= 400 && reply.status() < 500 && reply.json() != null
                        && reply.json().path("schemas").toString().contains("scim:api:messages:2.0:Error")
                        || "HEAD".equals(op.method()) && reply.status() == 404;
                if (!ok) {
                    failures.add(op + ": emulated service answered " + reply.status() + " " + reply.abbreviated());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(byFallback + byServices).isEqualTo(987);
        assertThat(byFallback).isGreaterThan(500);
        // each request is logged under its operationId (shared-path operations under the operation owning the path)
        assertThat(emu.requests().operationCounts().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(987);
    }

    @Test
    void emulatedServicesAnswerInTheShapeOfTheSpecWhereTheyAnswer200() throws Exception {
        SchemaValidator lenient = new SchemaValidator(emu.spec(), true);
        emu.jobs().createJob("etl");
        Map<String, List<String>> problems = new TreeMap<>();
        // /permissions/{type}/{id} is in the spec twice (iam.Permissions and workspace.Workspace): either shape fits
        Map<String, List<SpecOperation>> samePath = new TreeMap<>();
        for (SpecOperation op : emu.spec().operations()) {
            if (!op.isShared()) {
                samePath.computeIfAbsent(op.method() + " " + op.pathTemplate().replaceAll("\\{[^}]+}", "{}"),
                        k -> new ArrayList<>()).add(op);
            }
        }
        for (SpecOperation op : emu.spec().operations()) {
            if (!"GET".equals(op.method()) || op.responseSchema() == null || op.isShared()) {
                continue;
            }
            long before = emu.fallback().answered().getOrDefault(op.operationId(), 0L);
            Http.Reply reply = http.send("GET", concretePath(op), null, null);
            boolean fallback = emu.fallback().answered().getOrDefault(op.operationId(), 0L) == before + 1;
            if (!fallback && reply.status() == 200 && reply.json() != null) {
                List<String> errors = lenient.validate(reply.json(), op.responseSchema());
                for (SpecOperation alternative : samePath.get(op.method() + " "
                        + op.pathTemplate().replaceAll("\\{[^}]+}", "{}"))) {
                    if (!errors.isEmpty() && alternative.responseSchema() != null
                            && lenient.validate(reply.json(), alternative.responseSchema()).isEmpty()) {
                        errors = List.of();
                    }
                }
                if (!errors.isEmpty()) {
                    problems.put(op.toString(), errors);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void answersAreDeterministicSamplesEchoingPathQueryAndBodyValues() throws Exception {
        Http.Reply app = http.get("/api/2.0/apps/sales-dashboard");
        Http.Reply again = http.get("/api/2.0/apps/sales-dashboard");

        assertThat(app.status()).isEqualTo(200);
        assertThat(app.body()).isEqualTo(again.body());
        assertThat(app.json().path("name").asText()).isEqualTo("sales-dashboard");
        assertThat(app.json().path("description").asText()).isEqualTo("description-1");
        assertThat(app.json().at("/compute_status/state").asText()).as("an enum's first value").isEqualTo("ACTIVE");
        assertThat(app.json().path("effective_user_api_scopes")).hasSize(1);

        Http.Reply created = http.post("/api/2.0/apps?no_compute=true", "{\"name\":\"x\",\"description\":\"mine\"}");
        assertThat(created.json().path("name").asText()).isEqualTo("x");
        assertThat(created.json().path("description").asText()).isEqualTo("mine");
    }

    @Test
    void accountPathsMatchWithTheirAccountIdAndTypedPathParameters() throws Exception {
        Http.Reply workspace = http.get("/api/2.0/accounts/acc-7/workspaces/42");

        assertThat(workspace.status()).isEqualTo(200);
        assertThat(workspace.json().path("account_id").asText()).isEqualTo("acc-7");
        assertThat(workspace.json().path("workspace_id").isIntegralNumber()).isTrue();
        assertThat(workspace.json().path("workspace_id").asLong()).isEqualTo(42);
        assertThat(emu.requests().last().orElseThrow().operationId()).isEqualTo("provisioning.Workspaces.get");
    }

    @Test
    void anOperationWithoutAResponseBodyAnswersAnEmptyObject() throws Exception {
        Http.Reply deleted = http.send("DELETE", "/api/2.0/genie/spaces/s1", null, null);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json()).isEmpty();
    }

    @Test
    void aBodyThatIsNotAJsonObjectOrAQueryParameterOfTheWrongTypeIs400() throws Exception {
        Http.Reply array = http.post("/api/2.0/apps", "[1,2]");
        Http.Reply garbled = http.post("/api/2.0/apps", "{\"name\":");
        Http.Reply badInteger = http.get("/api/2.0/apps?page_size=ten");
        Http.Reply badBoolean = http.post("/api/2.0/apps?no_compute=maybe", "{}");

        assertThat(array.status()).isEqualTo(400);
        assertThat(array.json().path("error_code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(garbled.json().path("error_code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(badInteger.status()).isEqualTo(400);
        assertThat(badInteger.json().path("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(badBoolean.json().path("message").asText()).contains("no_compute");
    }

    @Test
    void registeredRoutesWinOverTheFallback() throws Exception {
        long jobId = emu.jobs().createJob("etl");

        Http.Reply list = http.get("/api/2.2/jobs/list");

        assertThat(list.json().at("/jobs/0/job_id").asLong()).isEqualTo(jobId);
        assertThat(list.json().at("/jobs/0/settings/name").asText()).isEqualTo("etl");
        assertThat(emu.fallback().answered()).doesNotContainKey("jobs.Jobs.list");
    }

    @Test
    void pathsOutsideTheSpecStay404AndWrongVerbs405WithTheSpecsVerbs() throws Exception {
        Http.Reply unknown = http.get("/api/2.0/apps-nope");
        Http.Reply otherVersion = http.get("/api/2.1/apps/x");
        Http.Reply wrongVerb = http.send("PUT", "/api/2.0/apps/x", "{}".getBytes(), "application/json");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error_code").asText()).isEqualTo("ENDPOINT_NOT_FOUND");
        assertThat(otherVersion.status()).isEqualTo(404);
        assertThat(wrongVerb.status()).isEqualTo(405);
        assertThat(wrongVerb.json().path("message").asText()).contains("DELETE, GET, PATCH");
    }

    @Test
    void theDataPlaneAndVersionInPathApisNeedTheTokenToo() throws Exception {
        Http anonymous = new Http(emu.url(), "wrong");

        assertThat(http.post("/serving-endpoints/my-model/invocations", "{}").status()).isEqualTo(200);
        assertThat(http.get("/api/data-quality/v1/monitors").status()).isEqualTo(200);
        assertThat(anonymous.post("/serving-endpoints/my-model/invocations", "{}").status()).isEqualTo(403);
        assertThat(anonymous.get("/api/data-quality/v1/monitors").status()).isEqualTo(403);
    }

    /** Null when the answer is right, else what is wrong. */
    private static String checkFallbackAnswer(SpecOperation op, Http.Reply reply, SchemaValidator validator) {
        if (reply.status() != 200) {
            return "status " + reply.status() + " " + reply.abbreviated();
        }
        if ("HEAD".equals(op.method())) {
            return null;
        }
        String type = op.responseContentType();
        if (type == null) {
            return reply.json() != null && reply.json().isObject() && reply.json().isEmpty() ? null
                    : "expected {} for an operation without a response body, got " + reply.abbreviated();
        }
        if (!type.contains("json")) {
            return reply.contentType().startsWith(type) ? null : "content type " + reply.contentType();
        }
        if (reply.json() == null) {
            return "not JSON: " + reply.abbreviated();
        }
        List<String> errors = validator.validate(reply.json(), op.responseSchema());
        return errors.isEmpty() ? null : errors.toString();
    }

    // ---- requests built from the spec

    static String concretePath(SpecOperation op) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(op.pathTemplate());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            JsonNode parameter = null;
            for (JsonNode p : op.parameters()) {
                if (name.equals(p.path("name").asText()) && "path".equals(p.path("in").asText())) {
                    parameter = p;
                }
            }
            String value;
            JsonNode schema = parameter == null ? null : OpenApiSpec.shared().resolve(parameter.path("schema"));
            if (parameter != null && parameter.path("x-databricks-multi-segment").asBoolean(false)) {
                value = "/Volumes/main/default/landing/dir/file.txt";
            } else if (schema != null && schema.has("enum")) {
                value = schema.get("enum").get(0).asText();
            } else if (schema != null && "integer".equals(schema.path("type").asText())) {
                value = "123";
            } else {
                value = "x-" + name.replace('_', '-');
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String requestContentType(SpecOperation op) {
        return op.requestContentType();
    }

    static byte[] requestBody(SpecOperation op) {
        String type = op.requestContentType();
        if (type == null || "GET".equals(op.method()) || "HEAD".equals(op.method())) {
            return null;
        }
        return (type.contains("json") ? "{}" : "hello").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A java.net.http fixture client: any verb, any body, the reply's JSON when it is JSON. */
    static final class Http {
        record Reply(int status, String contentType, String body, JsonNode json) {
            String abbreviated() {
                return body.length() > 300 ? body.substring(0, 300) + "..." : body;
            }
        }

        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String url;
        private final String token;

        Http(String url, String token) {
            this.url = url;
            this.token = token;
        }

        Reply send(String method, String pathAndQuery, byte[] body, String contentType) throws IOException,
                InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + pathAndQuery))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (body != null && contentType != null) {
                b.header("Content-Type", contentType);
            }
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = null;
            if (type.contains("json") && !r.body().isEmpty()) {
                try {
                    json = JSON.readTree(r.body());
                } catch (IOException e) {
                    json = null;
                }
            }
            return new Reply(r.statusCode(), type, r.body(), json);
        }

        Reply get(String pathAndQuery) throws IOException, InterruptedException {
            return send("GET", pathAndQuery, null, null);
        }

        Reply post(String path, String json) throws IOException, InterruptedException {
            return send("POST", path, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
        }
    }
}
