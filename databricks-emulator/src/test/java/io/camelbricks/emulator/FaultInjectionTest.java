package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelbricks.emulator.EmulatorClient.Reply;
import io.camelbricks.emulator.faults.FaultRule;
import io.camelbricks.emulator.faults.InjectedFault;
import io.camelbricks.emulator.faults.RateLimit;
import io.camelbricks.emulator.server.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    static final ManualClock CLOCK = new ManualClock();
    static DatabricksEmulator emu;
    static EmulatorClient client;

    @BeforeAll
    static void start() {
        emu = EmulatorOptions.builder().clock(CLOCK).threads(1).emulator().start();
        client = new EmulatorClient(emu);
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
    void theFirstNMatchingRequestsGetTheInjectedStatusThenTheOperationAnswers() {
        emu.faults().on("POST", "/jobs/runs/submit").respond(503).times(2);

        List<Integer> statuses = new ArrayList<>();
        Reply first = null;
        for (int i = 0; i < 3; i++) {
            Reply r = client.post("/api/2.2/jobs/runs/submit", NOTEBOOK_RUN);
            first = first == null ? r : first;
            statuses.add(r.status());
        }

        assertThat(statuses).containsExactly(503, 503, 200);
        assertThat(first.errorCode()).isEqualTo("TEMPORARILY_UNAVAILABLE");
        assertThat(first.json().at("/details/0/@type").asText()).isEqualTo("type.googleapis.com/google.rpc.RequestInfo");
        assertThat(emu.jobs().runCount()).isEqualTo(1);
        assertThat(emu.faults().injectedCount()).isEqualTo(2);
        assertThat(emu.faults().injectedCount("POST", "/jobs/runs/submit")).isEqualTo(2);
        InjectedFault injected = emu.faults().injected().get(0);
        assertThat(injected.fault()).isEqualTo("503");
        assertThat(injected.operationId()).isEqualTo("jobs.Jobs.submit");
        assertThat(injected.path()).isEqualTo("/api/2.2/jobs/runs/submit");
        List<RecordedRequest> marked = emu.requests().withInjectedFaults();
        assertThat(marked).hasSize(2).allSatisfy(r -> {
            assertThat(r.injectedFault()).isEqualTo("503");
            assertThat(r.status()).isEqualTo(503);
        });
        assertThat(emu.requests().last().orElseThrow().injectedFault()).isNull();
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        emu.faults().on("/jobs/list").respond(429).once();
        emu.faults().on("/jobs/runs/list").respond(503).retryAfter(Duration.ofSeconds(7)).once();

        Reply limited = client.get("/api/2.2/jobs/list");
        Reply unavailable = client.get("/api/2.2/jobs/runs/list");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.header("Retry-After")).isEqualTo("7");
    }

    @Test
    void everyNthAndSkipCountMatchingRequests() {
        emu.faults().on("GET", "/jobs/list").respond(500).every(3);
        emu.faults().on("GET", "/jobs/runs/list").respond(504).skip(1).times(1);

        List<Integer> lists = new ArrayList<>();
        List<Integer> runLists = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lists.add(client.get("/api/2.2/jobs/list").status());
            runLists.add(client.get("/api/2.2/jobs/runs/list").status());
        }

        assertThat(lists).containsExactly(200, 200, 500, 200, 200, 500);
        assertThat(runLists).containsExactly(200, 504, 200, 200, 200, 200);
        assertThat(emu.faults().injectedByKind()).isEqualTo(Map.of("500", 2L, "504", 1L));
    }

    @Test
    void aProbabilityWithTheSameSeedHitsTheSameRequests() {
        FaultRule rule = emu.faults().on("/jobs/list").respond(500).probability(0.3).seed(42);
        List<Integer> first = statuses(40);
        emu.faults().clear();
        emu.faults().on("/jobs/list").respond(500).probability(0.3).seed(42);
        List<Integer> again = statuses(40);
        emu.faults().clear();
        emu.faults().on("/jobs/list").respond(500).probability(0.3).seed(7);
        List<Integer> otherSeed = statuses(40);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first).contains(200, 500);
        assertThat(rule.matchedCount()).isEqualTo(40);
        assertThat(rule.injectedCount()).isEqualTo(first.stream().filter(s -> s == 500).count());
    }

    @Test
    void anHtmlErrorPageComesAsTextHtml() {
        emu.faults().on("/clusters/list").respondHtml(502).once();

        Reply r = client.get("/api/2.1/clusters/list");

        assertThat(r.status()).isEqualTo(502);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.raw().body()).contains("<title>502 Bad Gateway</title>");
        assertThat(emu.requests().last().orElseThrow().injectedFault()).isEqualTo("502 html");
    }

    @Test
    void aResetConnectionClosesWithoutAnAnswerAndTheOperationDoesNotRun() throws IOException {
        emu.faults().on("POST", "/jobs/create").resetConnection().once();

        byte[] answer = rawExchange("POST", "/api/2.2/jobs/create", "{\"name\":\"etl\"}");

        assertThat(answer).isEmpty();
        assertThat(emu.jobs().jobCount()).isZero();
        RecordedRequest logged = emu.requests().last().orElseThrow();
        assertThat(logged.status()).isZero();
        assertThat(logged.injectedFault()).isEqualTo("reset");
        assertThat(client.post("/api/2.2/jobs/create", "{\"name\":\"etl\"}").status()).isEqualTo(200);
    }

    @Test
    void theJdkHttpClientRetriesAGetOnceAfterAResetButAPostFails() {
        emu.faults().on("GET", "/jobs/list").resetConnection().once();
        emu.faults().on("POST", "/jobs/create").resetConnection().once();
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<String> list = send(fresh, get("/api/2.2/jobs/list", Duration.ofSeconds(10)));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(emu.requests().matching("GET", "/jobs/list")).extracting(RecordedRequest::status)
                .containsExactly(0, 200);

        assertThatThrownBy(() -> fresh.send(HttpRequest.newBuilder(URI.create(emu.url() + "/api/2.2/jobs/create"))
                .header("Authorization", "Bearer " + emu.token())
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"etl\"}")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        assertThat(emu.jobs().jobCount()).isZero();
    }

    @Test
    void aLostResponseRunsTheOperationButTheClientGetsNoAnswer() throws IOException {
        emu.faults().on("POST", "/jobs/create").loseResponse().once();

        byte[] answer = rawExchange("POST", "/api/2.2/jobs/create", "{\"name\":\"etl\"}");

        assertThat(answer).isEmpty();
        assertThat(emu.jobs().jobCount()).isEqualTo(1);
        assertThat(emu.requests().last().orElseThrow().injectedFault()).isEqualTo("lose-response");
        assertThat(emu.requests().last().orElseThrow().status()).isEqualTo(200);
    }

    @Test
    void aTruncatedBodyDeclaresTheFullLengthAndStopsHalfway() throws IOException {
        emu.jobs().createJobs(3);
        emu.faults().on("/jobs/list").truncateBody().once();

        String answer = new String(rawExchange("GET", "/api/2.2/jobs/list", null), StandardCharsets.ISO_8859_1);

        int split = answer.indexOf("\r\n\r\n");
        Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(answer.substring(0, split));
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(length.find()).isTrue();
        int declared = Integer.parseInt(length.group(1));
        int received = answer.length() - split - 4;
        assertThat(received).isEqualTo(declared / 2).isLessThan(declared);
        assertThat(client.get("/api/2.2/jobs/list").json().path("jobs").size()).isEqualTo(3);
    }

    @Test
    void aDelayedAnswerHoldsNoServerThread() throws Exception {
        // the emulator has a single worker thread: a delay that held it would block the second request
        emu.faults().on("/jobs/list").delay(Duration.ofMillis(400)).once();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(get("/api/2.2/jobs/list", Duration.ofSeconds(10)),
                HttpResponse.BodyHandlers.ofString());
        awaitRequests(1);

        HttpResponse<String> quick = http.send(get("/api/2.2/jobs/runs/list", Duration.ofSeconds(10)),
                HttpResponse.BodyHandlers.ofString());

        assertThat(quick.statusCode()).isEqualTo(200);
        assertThat(slow).isNotDone();
        assertThat(slow.get().statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(emu.faults().injected().get(0).fault()).isEqualTo("delay 400ms");
    }

    @Test
    void aDelayLongerThanTheClientTimeoutTimesTheClientOut() {
        emu.faults().on("/jobs/list").delay(Duration.ofSeconds(2)).once();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        assertThatThrownBy(() -> http.send(get("/api/2.2/jobs/list", Duration.ofMillis(100)),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void aRateLimitAnswers429UntilTheEmulatorClockRefillsTheBucket() {
        RateLimit limit = emu.faults().rateLimit("/jobs/runs/get", 2);
        long runId = client.submitNotebook("r", "/a");

        List<Integer> burst = new ArrayList<>();
        Reply limited = null;
        for (int i = 0; i < 3; i++) {
            Reply r = client.get("/api/2.2/jobs/runs/get?run_id=" + runId);
            burst.add(r.status());
            limited = r;
        }
        assertThat(burst).containsExactly(200, 200, 429);
        assertThat(limited.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(client.get("/api/2.2/jobs/list").status()).as("other endpoints").isEqualTo(200);

        CLOCK.advance(Duration.ofMillis(500));   // one token back at 2 per second
        assertThat(client.get("/api/2.2/jobs/runs/get?run_id=" + runId).status()).isEqualTo(200);
        assertThat(client.get("/api/2.2/jobs/runs/get?run_id=" + runId).status()).isEqualTo(429);
        CLOCK.advance(Duration.ofMinutes(1));    // a full bucket holds 2, not 120
        assertThat(statuses("/api/2.2/jobs/runs/get?run_id=" + runId, 3)).containsExactly(200, 200, 429);

        assertThat(limit.rejectedCount()).isEqualTo(3);
        assertThat(limit.allowedCount()).isEqualTo(5);
        assertThat(emu.faults().injectedByKind()).isEqualTo(Map.of("429 rate-limit", 3L));
    }

    @Test
    void aBurstCanBeLargerThanTheRate() {
        emu.faults().rateLimit("GET", "/jobs/list", 1).burst(3);

        assertThat(statuses(4)).containsExactly(200, 200, 200, 429);
        assertThat(client.post("/api/2.2/jobs/create", "{\"name\":\"x\"}").status()).as("POST is not limited")
                .isEqualTo(200);
    }

    @Test
    void patternsAreGlobsOrRegexesOnTheVersionlessPath() {
        emu.faults().on("/jobs/runs/*").respond(500);
        emu.faults().on("regex:/clusters/(list|get)").respond(501);
        emu.faults().on("/api/2.0/jobs/list").respond(502);
        emu.faults().on("/unity-catalog/**").respond(503);

        assertThat(client.get("/api/2.2/jobs/runs/list").status()).isEqualTo(500);
        assertThat(client.get("/api/2.2/jobs/list").status()).isEqualTo(200);
        assertThat(client.get("/api/2.0/jobs/list").status()).isEqualTo(502);
        assertThat(client.get("/api/2.1/clusters/list").status()).isEqualTo(501);
        assertThat(client.get("/api/2.1/clusters/list-node-types").status()).isNotEqualTo(501);
        assertThat(client.get("/api/2.1/unity-catalog/schemas/main.default").status()).isEqualTo(503);
    }

    @Test
    void faultsComeBeforeAuthenticationAndApplyToTheOAuthServerToo() {
        emu.faults().on("/jobs/list").respond(500).once();
        emu.faults().on("POST", "/oidc/v1/token").respond(503).once();

        assertThat(client.withToken(null).get("/api/2.2/jobs/list").status()).isEqualTo(500);
        assertThat(client.send("POST", "/oidc/v1/token", "grant_type=client_credentials").status()).isEqualTo(503);
        assertThat(client.withToken(null).get("/api/2.2/jobs/list").status()).isEqualTo(401);
    }

    @Test
    void clearAndResetRemoveRulesAndForgetInjectedFaults() {
        FaultRule rule = emu.faults().on("/jobs/list").respond(500);
        assertThat(client.get("/api/2.2/jobs/list").status()).isEqualTo(500);
        rule.remove();
        assertThat(client.get("/api/2.2/jobs/list").status()).isEqualTo(200);

        emu.faults().on("/jobs/list").respond(500);
        emu.faults().clear();
        assertThat(client.get("/api/2.2/jobs/list").status()).isEqualTo(200);
        assertThat(emu.faults().injected()).isEmpty();

        emu.faults().rateLimit("/jobs/list", 1);
        emu.reset();
        assertThat(statuses(3)).containsOnly(200);
        assertThat(emu.faults().rules()).isEmpty();
        assertThat(emu.faults().rateLimits()).isEmpty();
    }

    // ---- helpers

    private static final String NOTEBOOK_RUN =
            "{\"run_name\":\"r\",\"tasks\":[{\"task_key\":\"main\",\"notebook_task\":{\"notebook_path\":\"/a\"}}]}";

    private static List<Integer> statuses(int n) {
        return statuses("/api/2.2/jobs/list", n);
    }

    private static List<Integer> statuses(String path, int n) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            statuses.add(client.get(path).status());
        }
        return statuses;
    }

    private static HttpRequest get(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(emu.url() + path)).timeout(timeout)
                .header("Authorization", "Bearer " + emu.token()).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the server has taken {@code n} requests into the fault injector (no sleeping). */
    private static void awaitRequests(int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (emu.faults().injectedCount() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the delayed request never arrived");
            }
            Thread.onSpinWait();
        }
    }

    /** One request on a fresh connection ({@code Connection: close}); everything the server sent until it closed. */
    private static byte[] rawExchange(String method, String path, String body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), emu.port())) {
            socket.setSoTimeout(5000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + emu.token()
                    + "\r\nConnection: close\r\n"
                    + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n")
                    + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            return in.readAllBytes();
        }
    }
}
