package io.camelbricks.api;

import static io.camelbricks.api.testing.ThingOperations.CREATE;
import static io.camelbricks.api.testing.ThingOperations.GET;
import static io.camelbricks.api.testing.ThingOperations.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.error.InternalError;
import io.camelbricks.api.error.ResourceDoesNotExist;
import io.camelbricks.api.error.TemporarilyUnavailable;
import io.camelbricks.api.error.TooManyRequests;
import io.camelbricks.api.error.TransportException;
import io.camelbricks.api.registry.HttpMethod;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.registry.Param;
import io.camelbricks.api.retry.RetryPolicy;
import io.camelbricks.api.testing.LoopbackServer;
import io.camelbricks.api.testing.LoopbackServer.Reply;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.api.testing.TestModels.Item;
import io.camelbricks.api.testing.TestModels.Req;

class ApiClientPipelineTest {
    private final LoopbackServer server = new LoopbackServer();
    private final ApiClient client = TestClients.fast(server);

    private static final Operation<Req, Void> UPLOAD = Operation.<Req, Void>builder("test.Things.upload",
                    HttpMethod.PUT, "/api/2.0/fs/files{file_path}", Req.class, Void.class).accessor("things")
            .param(Param.path("file_path", "filePath", String.class, (Req r) -> r.filePath).multiSegment())
            .binaryBody((Req r) -> r.contents).build();

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void clientsShareOneMapperUnlessGivenTheirOwn() {
        try (ApiClient second = TestClients.fast(server);
             ApiClient own = ApiClient.builder(TestClients.config(server))
                     .mapper(io.camelbricks.api.wire.JsonMapper.create()).build()) {
            assertThat(second.mapper()).isSameAs(client.mapper()).isSameAs(io.camelbricks.api.wire.JsonMapper.shared());
            assertThat(own.mapper()).isNotSameAs(client.mapper());
        }
    }

    @Test
    void sendsBearerTokenUserAgentAndParsesTheResponse() {
        server.enqueue(Reply.ok("{\"id\":\"1\",\"name\":\"a\",\"future_field\":true}"));
        Item item = client.execute(GET, named("a"));
        assertThat(item.id).isEqualTo("1");
        LoopbackServer.Recorded r = server.lastRequest();
        assertThat(r.uri()).isEqualTo("/api/2.0/things/get?name=a");
        assertThat(r.header("Authorization")).isEqualTo("Bearer " + TestClients.TOKEN);
        assertThat(r.header("User-Agent")).startsWith("camelbricks/").contains(" java/", " os/", " auth/pat");
    }

    @Test
    void theStatusAndHeadersOfASuccessfulAnswerAreAvailable() throws Exception {
        server.enqueue(Reply.ok("{\"id\":\"1\"}").withHeader("x-request-id", "r-7"), Reply.json(201, "{\"id\":\"2\"}"));
        ApiResponse<Item> blocking = client.executeWithResponse(GET, named("a"));
        assertThat(blocking.status()).isEqualTo(200);
        assertThat(blocking.header("X-Request-Id")).isEqualTo("r-7");
        assertThat(blocking.body().id).isEqualTo("1");
        ApiResponse<Item> async = client.executeWithResponseAsync(GET, named("a")).get(10, TimeUnit.SECONDS);
        assertThat(async.status()).isEqualTo(201);
        assertThat(async.body().id).isEqualTo("2");
    }

    @Test
    void retriesA503ThenReturnsTheItem() {
        server.enqueue(Reply.json(503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"busy\"}"),
                Reply.ok("{\"id\":\"2\"}"));
        assertThat(client.execute(GET, named("x")).id).isEqualTo("2");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void honoursRetryAfterOn429() {
        server.enqueue(Reply.json(429, "{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"slow\"}")
                .withHeader("Retry-After", "1"), Reply.ok("{\"id\":\"3\"}"));
        long start = System.nanoTime();
        assertThat(client.execute(CREATE, named("x")).id).isEqualTo("3");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void doesNotRetryANonIdempotentPostOn500() {
        server.enqueue(Reply.json(500, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"boom\"}"), Reply.ok("{}"));
        assertThatThrownBy(() -> client.execute(CREATE, named("x"))).isInstanceOf(InternalError.class)
                .hasMessageContaining("boom");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void retriesAPostOn500WhenItCarriesAnIdempotencyToken() {
        server.enqueue(Reply.json(500, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"boom\"}"), Reply.ok("{\"id\":\"4\"}"));
        Req r = named("x");
        r.idempotencyToken = "tok-1";
        assertThat(client.execute(CREATE, r).id).isEqualTo("4");
        assertThat(server.requests()).extracting(LoopbackServer.Recorded::bodyText)
                .allSatisfy(body -> assertThat(body).contains("\"idempotency_token\":\"tok-1\""));
    }

    @Test
    void autoIdempotencyTokenIsFilledOnACopyAndKeptAcrossRetries() {
        Operation<Req, Item> create = Operation.<Req, Item>builder("test.Things.createWithToken", HttpMethod.POST,
                        "/api/2.0/things/create", Req.class, Item.class).accessor("things").jsonBody().jsonResponse()
                .autoIdempotency("idempotency_token", (Req r) -> r.idempotencyToken, (Req r, String v) -> r.idempotencyToken = v)
                .build();
        server.enqueue(Reply.json(500, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"boom\"}"), Reply.ok("{\"id\":\"7\"}"));
        Req r = named("x");
        assertThat(client.execute(create, r).id).isEqualTo("7");
        assertThat(r.idempotencyToken).as("the caller's request is not modified").isNull();
        List<String> bodies = server.requests().stream().map(LoopbackServer.Recorded::bodyText).toList();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0)).containsPattern("\"idempotency_token\":\"[0-9a-f-]{36}\"").isEqualTo(bodies.get(1));
    }

    @Test
    void neverResendsAConsumedStream() {
        server.enqueue(Reply.json(503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"busy\"}"), Reply.ok("{}"));
        Req r = new Req();
        r.filePath = "/Volumes/a/b";
        r.contents = new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> client.execute(UPLOAD, r)).isInstanceOf(TemporarilyUnavailable.class);
        assertThat(server.requests()).hasSize(1);
        assertThat(server.lastRequest().bodyText()).isEqualTo("hello");
        assertThat(server.lastRequest().header("Content-Type")).isEqualTo("application/octet-stream");
    }

    @Test
    void givesUpWhenTheRetryBudgetIsSpent() {
        ApiClient tight = ApiClient.builder(TestClients.config(server))
                .retryPolicy(new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(20), Duration.ofMillis(20), false))
                .build();
        server.respondWith(r -> Reply.json(429, "{\"error_code\":\"TOO_MANY_REQUESTS\",\"message\":\"no\"}"));
        try (tight) {
            assertThatThrownBy(() -> tight.execute(GET, named("x"))).isInstanceOf(TooManyRequests.class);
        }
        assertThat(server.requests().size()).isBetween(2, 5);
    }

    @Test
    void mapsErrorBodiesToTypedExceptions() {
        server.enqueue(Reply.json(404, "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"Thing x does not exist.\"}")
                .withHeader("x-request-id", "req-9"));
        assertThatThrownBy(() -> client.execute(GET, named("x"))).isInstanceOfSatisfying(ResourceDoesNotExist.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(404);
            assertThat(e.getRequestId()).isEqualTo("req-9");
            assertThat(e.getRequest()).isEqualTo("GET /api/2.0/things/get?name=x");
        });
    }

    @Test
    void asyncCallsCompleteWithoutBlockingAndRetryOnTheScheduler() throws Exception {
        server.enqueue(Reply.json(503, "{}"), Reply.json(503, "{}"), Reply.ok("{\"id\":\"5\"}"));
        CompletableFuture<Item> future = client.executeAsync(GET, named("x"));
        assertThat(future.get(10, TimeUnit.SECONDS).id).isEqualTo("5");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aCallFromTheCallerIsAnsweredOnItsThreadAndRetriedOnTheScheduler() throws Exception {
        server.enqueue(Reply.ok("{\"id\":\"6\"}"), Reply.json(503, "{}"), Reply.ok("{\"id\":\"7\"}"));

        CompletableFuture<ApiResponse<Item>> answered = client.executeWithResponseFromCaller(GET, named("x"));
        assertThat(answered).as("answered during the call, on this thread").isCompleted();
        assertThat(answered.join().body().id).isEqualTo("6");

        CompletableFuture<ApiResponse<Item>> retried = client.executeWithResponseFromCaller(GET, named("y"));
        assertThat(retried.get(10, TimeUnit.SECONDS).body().id).isEqualTo("7");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aCallFromTheCallerOnAClosedClientFailsWithoutARequest() {
        client.close();
        CompletableFuture<ApiResponse<Item>> call = client.executeWithResponseFromCaller(GET, named("x"));
        assertThat(call).isCompletedExceptionally();
        assertThatThrownBy(call::join).hasRootCauseMessage("the client was closed");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aCallFromTheCallerWaitingForARetryIsFailedByClosingTheClient() {
        server.enqueue(Reply.json(503, "{}").withHeader("Retry-After", "5")); // within the 10 s retry budget
        CompletableFuture<ApiResponse<Item>> call = client.executeWithResponseFromCaller(GET, named("x"));
        assertThat(call).as("the retry waits on the scheduler").isNotDone();
        client.close();
        assertThat(call).isCompletedExceptionally();
        assertThatThrownBy(call::join).hasRootCauseMessage("the client was closed");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void asyncFailuresCompleteTheFutureExceptionally() {
        server.enqueue(Reply.json(400, "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"bad\"}"));
        CompletableFuture<Item> future = client.executeAsync(GET, named("x"));
        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(io.camelbricks.api.error.InvalidParameterValue.class);
    }

    @Test
    void connectionRefusedIsATransportErrorNamingTheRequest() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DatabricksConfig cfg = new DatabricksConfig().setHost("http://127.0.0.1:" + port).setToken("t").resolve(java.util.Map.of());
        try (ApiClient dead = ApiClient.builder(cfg)
                .retryPolicy(new RetryPolicy(Duration.ofMillis(30), Duration.ofMillis(5), Duration.ofMillis(5), false)).build()) {
            assertThatThrownBy(() -> dead.execute(GET, named("x"))).isInstanceOf(TransportException.class)
                    .hasMessageStartingWith("GET /api/2.0/things/get?name=x failed: ");
        }
    }

    @Test
    void redirectsAreNotFollowedSoCredentialsNeverReachAnotherHost() {
        try (LoopbackServer elsewhere = new LoopbackServer()) {
            server.enqueue(new Reply(302, Map.of("Location", elsewhere.url() + "/api/2.0/things/get?name=x"), ""));
            assertThatThrownBy(() -> client.execute(GET, named("x"))).isInstanceOf(io.camelbricks.api.error.DatabricksError.class)
                    .hasMessageContaining("HTTP 302");
            assertThat(elsewhere.requests()).isEmpty();
        }
    }

    @Test
    void jdkTransportWorksBehindTheSameInterface() {
        server.enqueue(Reply.ok("{\"id\":\"6\"}"));
        DatabricksConfig cfg = TestClients.config(server);
        try (var transport = new io.camelbricks.api.http.JdkHttpTransport(new io.camelbricks.api.http.TransportSettings(
                Duration.ofSeconds(5), Duration.ofSeconds(5), 4, false));
             ApiClient jdk = ApiClient.builder(cfg).transport(transport).build()) {
            assertThat(jdk.execute(GET, named("x")).id).isEqualTo("6");
        }
    }

    @Test
    void rateLimitIsEnforcedPerClient() {
        DatabricksConfig cfg = TestClients.config(server).setRateLimit(20);
        try (ApiClient limited = new ApiClient(cfg)) {
            long start = System.nanoTime();
            for (int i = 0; i < 30; i++) {
                limited.execute(GET, named("x"));
            }
            // 20 go in the burst, the next 10 are spaced 50 ms apart
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        }
    }

    @Test
    void streamedResponsesAreNotBuffered() throws Exception {
        Operation<Req, InputStream> download = Operation.<Req, InputStream>builder("test.Things.download", HttpMethod.GET,
                        "/api/2.0/fs/files{file_path}", Req.class, InputStream.class).accessor("things")
                .param(Param.path("file_path", "filePath", String.class, (Req r) -> r.filePath).multiSegment())
                .binaryResponse((in, headers) -> in).build();
        server.enqueue(new Reply(200, java.util.Map.of("Content-Type", "application/octet-stream"), "bytes!"));
        Req r = new Req();
        r.filePath = "/Volumes/x";
        try (InputStream in = client.execute(download, r)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("bytes!");
        }
    }
}
