package io.camelbricks.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelbricks.api.registry.ApiScope;
import io.camelbricks.api.registry.BodyKind;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.registry.ResponseKind;
import io.camelbricks.api.testing.LoopbackServer;
import io.camelbricks.api.testing.LoopbackServer.Reply;
import io.camelbricks.api.testing.SpecSamples;
import io.camelbricks.api.testing.TestClients;

/**
 * Every one of the 987 operations of the spec, called through the generated registry against a loopback server:
 * the request carries a schema-valid sample (path, query and body exactly as the spec places them), the server
 * answers a schema-valid sample response, and the typed response holds all of it.
 */
class EveryOperationOnTheWireTest {
    private static final SpecSamples SPEC = new SpecSamples(Path.of("..", "codegen", "spec"));
    private static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private static LoopbackServer server;
    private static ApiClient client;
    private static ObjectMapper mapper;

    @BeforeAll
    static void start() {
        server = new LoopbackServer();
        client = TestClients.fast(new DatabricksConfig().setHost(server.url()).setToken(TestClients.TOKEN)
                .setAccountId("acc-123").resolve(Map.of()));
        mapper = client.mapper();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void theRegistryHoldsEveryOperationOfBothDocuments() {
        assertThat(SPEC.operationCount()).isEqualTo(987);
        assertThat(OperationRegistry.all()).hasSize(987);
        assertThat(OperationRegistry.inScope(ApiScope.WORKSPACE)).hasSize(812);
        assertThat(OperationRegistry.inScope(ApiScope.ACCOUNT)).hasSize(175);
        for (Operation<?, ?> op : OperationRegistry.all()) {
            assertThat(SPEC.operation(op.id())).as(op.id()).isNotNull();
            assertThat(op.httpMethod().name()).as(op.id()).isEqualTo(SPEC.verb(op.id()));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyOperationIsCallable() {
        return OperationRegistry.all().stream().map(op -> DynamicTest.dynamicTest(op.id(), () -> callAndCheck(op)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static synchronized void callAndCheck(Operation<?, ?> op) throws Exception {
        JsonNode spec = SPEC.operation(op.id());
        ObjectNode fields = mapper.createObjectNode();
        JsonNode bodySample = SPEC.requestBodySample(op.id());
        if (op.bodyKind() == BodyKind.JSON && bodySample instanceof ObjectNode object) {
            fields.setAll(object);
        } else if (op.bodyKind() == BodyKind.BODY_FIELD) {
            fields.set(op.bodyField(), bodySample);
        }
        List<String[]> expectedQuery = new ArrayList<>();
        String expectedPath = op.path();
        for (JsonNode p : spec.path("parameters")) {
            String name = p.path("name").asText();
            if (p.has("x-databricks-from-config")) {
                expectedPath = expectedPath.replace("{" + name + "}", "acc-123");
                continue;
            }
            JsonNode value = SPEC.paramSample(p);
            if ("path".equals(p.path("in").asText()) && value.isContainerNode()) {
                value = mapper.getNodeFactory().textNode("id-" + name); // an object-typed path parameter is sent as its id
            }
            fields.set(name, value);
            if ("path".equals(p.path("in").asText())) {
                expectedPath = expectedPath.replace("{" + name + "}", value.asText());
            } else {
                flatten(name, value, expectedQuery);
            }
        }
        Object request = op.hasRequest() ? mapper.convertValue(fields, op.requestType()) : null;
        byte[] upload = "uploaded bytes".getBytes(StandardCharsets.UTF_8);
        if (op.bodyKind() == BodyKind.BINARY) {
            Method setter = op.requestType().getMethod("setContents", InputStream.class);
            setter.invoke(request, new ByteArrayInputStream(upload));
        }
        JsonNode responseSample = SPEC.responseSample(op.id());
        if (io.camelbricks.api.paging.PagedResponses.of(op) != null && responseSample instanceof ObjectNode paged) {
            paged.remove("next_page_token"); // a complete entity: its pages are merged by the client (PagedJobEntitiesTest)
        }
        server.respondWith(r -> op.responseKind() == ResponseKind.BINARY
                ? new Reply(200, Map.of("Content-Type", "application/octet-stream", "Last-Modified", "Tue, 01 Dec 2026 00:00:00 GMT"), "downloaded")
                : Reply.ok(responseSample == null ? "{}" : responseSample.toString()));
        int before = server.requests().size();

        Object response = client.execute((Operation) op, request);

        List<LoopbackServer.Recorded> all = server.requests();
        assertThat(all).hasSize(before + 1);
        LoopbackServer.Recorded sent = all.get(all.size() - 1);
        assertThat(sent.method()).isEqualTo(op.httpMethod().name());
        URI uri = URI.create(sent.uri());
        assertThat(uri.getPath()).as("path").isEqualTo(expectedPath);
        assertThat(queryPairs(uri.getRawQuery())).as("query").containsExactlyInAnyOrderElementsOf(
                expectedQuery.stream().map(kv -> kv[0] + "=" + kv[1]).toList());
        switch (op.bodyKind()) {
            case NONE -> assertThat(sent.body()).as("body").isEmpty();
            case JSON -> assertThat(mapper.readTree(sent.body()).equals(NUMERIC,
                    bodySample == null ? mapper.createObjectNode() : bodySample)).as("body of " + op.id() + ": "
                    + sent.bodyText()).isTrue();
            case BODY_FIELD -> assertThat(mapper.readTree(sent.body()).equals(NUMERIC, bodySample))
                    .as("body field of " + op.id() + ": " + sent.bodyText()).isTrue();
            case BINARY -> assertThat(sent.body()).isEqualTo(upload);
        }
        switch (op.responseKind()) {
            case NONE -> assertThat(response).isNull();
            case JSON -> {
                JsonNode got = mapper.valueToTree(response);
                JsonNode want = responseSample == null ? mapper.createObjectNode() : responseSample;
                assertThat(got.equals(NUMERIC, want)).as("response of " + op.id() + "\n got: " + got + "\nwant: " + want)
                        .isTrue();
            }
            case BINARY -> {
                Method contents = response.getClass().getMethod("getContents");
                try (InputStream in = (InputStream) contents.invoke(response)) {
                    String expected = op.httpMethod() == io.camelbricks.api.registry.HttpMethod.HEAD ? "" : "downloaded";
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
                }
            }
        }
    }


    private static void flatten(String key, JsonNode node, List<String[]> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(item -> flatten(key, item, out));
        } else if (node.isObject()) {
            node.properties().forEach(e -> flatten(key + "." + e.getKey(), e.getValue(), out));
        } else {
            out.add(new String[] {key, node.asText()});
        }
    }

    private static List<String> queryPairs(String rawQuery) {
        List<String> pairs = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            pairs.add(decode(pair.substring(0, eq)) + "=" + decode(pair.substring(eq + 1)));
        }
        return pairs;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
