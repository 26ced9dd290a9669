package io.camelbricks.api.observe;

import static io.camelbricks.api.testing.ThingOperations.CREATE;
import static io.camelbricks.api.testing.ThingOperations.GET;
import static io.camelbricks.api.testing.ThingOperations.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.ApiResponse;
import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.error.ResourceDoesNotExist;
import io.camelbricks.api.error.InternalError;
import io.camelbricks.api.error.TransportException;
import io.camelbricks.api.retry.RetryPolicy;
import io.camelbricks.api.testing.LoopbackServer;
import io.camelbricks.api.testing.LoopbackServer.Reply;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.api.testing.TestModels.Item;

class ApiCallListenerTest {
    private static final String BUSY = "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"busy\"}";

    private final LoopbackServer server = new LoopbackServer();
    private final ApiClient client = TestClients.fast(server);
    private final List<ApiCall> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aCallRetriedTwiceIsReportedOnceWithItsStatusAndRetries() {
        client.addCallListener(calls::add);
        server.enqueue(Reply.json(503, BUSY), Reply.json(503, BUSY), Reply.ok("{\"id\":\"1\"}"));

        ApiResponse<Item> response = client.executeWithResponse(GET, named("a"));

        assertThat(response.retries()).isEqualTo(2);
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.operation()).isEqualTo("test.Things.get");
            assertThat(call.method()).isEqualTo("GET");
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.attempts()).isEqualTo(3);
            assertThat(call.retries()).isEqualTo(2);
            assertThat(call.outcome()).isEqualTo(ApiCall.Outcome.SUCCESS);
            assertThat(call.duration()).isPositive();
        });
    }

    @Test
    void anAsyncCallThatFailsIsReportedWithTheErrorStatusAndTheExceptionKnowsItsRetries() {
        client.addCallListener(calls::add);
        server.enqueue(Reply.json(503, BUSY), Reply.json(404,
                "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"no such thing\"}"));

        assertThatThrownBy(() -> client.executeWithResponseAsync(GET, named("gone")).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(ResourceDoesNotExist.class)
                .satisfies(e -> assertThat(((DatabricksException) e).getRetries()).isEqualTo(1));
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.status()).isEqualTo(404);
            assertThat(call.retries()).isEqualTo(1);
            assertThat(call.outcome()).isEqualTo(ApiCall.Outcome.CLIENT_ERROR);
            assertThat(call.failure()).isInstanceOf(ResourceDoesNotExist.class);
        });
    }

    @Test
    void aServerErrorThatIsNotRetriedIsAServerErrorOutcome() {
        client.addCallListener(calls::add);
        server.enqueue(Reply.json(500, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"boom\"}"));

        assertThatThrownBy(() -> client.execute(CREATE, named("a"))).isInstanceOf(InternalError.class);

        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.status()).isEqualTo(500);
            assertThat(call.retries()).as("a POST without idempotency token is not retried").isZero();
            assertThat(call.outcome()).isEqualTo(ApiCall.Outcome.SERVER_ERROR);
        });
    }

    @Test
    void noAnswerIsAnIoErrorWithStatusZero() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabricksConfig config = new DatabricksConfig().setHost("http://127.0.0.1:" + closedPort)
                .setToken(TestClients.TOKEN).resolve(Map.of());
        try (ApiClient unreachable = ApiClient.builder(config)
                .retryPolicy(new RetryPolicy(Duration.ofMillis(30), Duration.ofMillis(5), Duration.ofMillis(5), false))
                .build()) {
            unreachable.addCallListener(calls::add);
            assertThatThrownBy(() -> unreachable.execute(GET, named("a"))).isInstanceOf(TransportException.class);
        }
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.status()).isZero();
            assertThat(call.attempts()).as("retried within the budget").isGreaterThanOrEqualTo(1);
            assertThat(call.outcome()).isEqualTo(ApiCall.Outcome.IO_ERROR);
        });
    }

    @Test
    void aFailingListenerChangesNothingAndARemovedOneHearsNothing() {
        ApiCallListener failing = call -> {
            throw new IllegalStateException("listener bug");
        };
        client.addCallListener(failing);
        client.addCallListener(calls::add);
        server.enqueue(Reply.ok("{\"id\":\"1\"}"), Reply.ok("{\"id\":\"2\"}"));

        assertThat(client.execute(GET, named("a")).id).isEqualTo("1");
        assertThat(client.removeCallListener(failing)).isTrue();
        assertThat(client.removeCallListener(calls::add)).as("another instance").isFalse();
        assertThat(client.execute(GET, named("b")).id).isEqualTo("2");

        assertThat(calls).hasSize(2);
    }
}
