package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelbricks.emulator.EmulatorClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabricksEmulatorExtension.class)
class AuthenticationAndErrorsTest {

    private final DatabricksEmulator emu;
    private final EmulatorClient client;

    AuthenticationAndErrorsTest(DatabricksEmulator emu) {
        this.emu = emu;
        this.client = new EmulatorClient(emu);
    }

    @BeforeEach
    void freshWorkspace() {
        emu.reset();
    }

    @Test
    void rejectsMissingBearerTokenWith401() {
        Reply r = client.withToken(null).get("/api/2.2/jobs/list");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(r.message()).isNotBlank();
        assertThat(r.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void rejectsBasicAuthenticationSchemeWith401() {
        Reply r = client.withToken(null).send("GET", "/api/2.2/jobs/list", null);
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void rejectsWrongTokenWith403InvalidAccessToken() {
        Reply r = client.withToken("dapi-not-the-right-one").get("/api/2.2/jobs/list");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("PERMISSION_DENIED");
        assertThat(r.message()).isEqualTo("Invalid access token.");
    }

    @Test
    void checksTheTokenBeforeRoutingSoUnknownEndpointsNeedAuthToo() {
        assertThat(client.withToken(null).get("/api/2.2/nope").status()).isEqualTo(401);
    }

    @Test
    void unknownEndpointAnswers404EndpointNotFoundNamingVerbAndPath() {
        Reply r = client.post("/api/2.2/jobs/runs/submitx", "{}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("ENDPOINT_NOT_FOUND");
        assertThat(r.message()).isEqualTo("No API found for 'POST /jobs/runs/submitx'");
    }

    @Test
    void unsupportedApiVersionAnswers404() {
        assertThat(client.get("/api/2.3/jobs/list").status()).isEqualTo(404);
        assertThat(client.get("/api/2.2/clusters/list").status()).isEqualTo(404);
    }

    @Test
    void wrongVerbAnswers405WithAllowHeader() {
        Reply r = client.get("/api/2.2/jobs/runs/submit");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).isEqualTo("POST");
        assertThat(r.errorCode()).isNotBlank();
        assertThat(r.message()).contains("GET").contains("POST");
    }

    @Test
    void malformedJsonAnswers400MalformedRequest() {
        Reply r = client.post("/api/2.2/jobs/runs/submit", "{\"run_name\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void jsonThatIsNotAnObjectAnswers400MalformedRequest() {
        assertThat(client.post("/api/2.2/jobs/runs/submit", "[1,2]").errorCode()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void wrongFieldTypeAnswers400MalformedRequest() {
        Reply r = client.post("/api/2.2/jobs/runs/cancel", "{\"run_id\": {\"x\": 1}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void missingTasksAnswers400InvalidParameterValueNamingTheField() {
        Reply r = client.post("/api/2.2/jobs/runs/submit", "{\"run_name\":\"x\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(r.message()).contains("tasks");
    }

    @Test
    void missingTaskKeyNamesTheTaskField() {
        Reply r = client.post("/api/2.2/jobs/runs/submit",
                "{\"tasks\":[{\"notebook_task\":{\"notebook_path\":\"/a\"}}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("tasks[0].task_key");
    }

    @Test
    void missingRunIdNamesTheParameter() {
        Reply r = client.get("/api/2.2/jobs/runs/get");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(r.message()).contains("run_id");
    }

    @Test
    void nonNumericRunIdAnswers400() {
        Reply r = client.get("/api/2.2/jobs/runs/get?run_id=abc");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
    }

    @Test
    void unknownRunAnswersLikeTheJobsServiceWith400DoesNotExist() {
        Reply r = client.get("/api/2.2/jobs/runs/get?run_id=123");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(r.message()).isEqualTo("Run 123 does not exist.");
        assertThat(client.post("/api/2.2/jobs/runs/cancel", "{\"run_id\":123}").message())
                .isEqualTo("Run 123 does not exist.");
    }

    @Test
    void unknownJobAnswers400JobDoesNotExist() {
        Reply r = client.get("/api/2.2/jobs/get?job_id=42");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(r.message()).isEqualTo("Job 42 does not exist.");
        assertThat(client.post("/api/2.2/jobs/run-now", "{\"job_id\":42}").message()).isEqualTo("Job 42 does not exist.");
    }

    @Test
    void errorBodyCarriesTheRequestIdInDetailsAndHeader() {
        Reply r = client.get("/api/2.2/jobs/runs/get?run_id=1");
        String requestId = r.header("x-request-id");
        assertThat(requestId).isNotBlank();
        assertThat(r.json().path("details").get(0).path("@type").asText())
                .isEqualTo("type.googleapis.com/google.rpc.RequestInfo");
        assertThat(r.json().path("details").get(0).path("request_id").asText()).isEqualTo(requestId);
    }

    @Test
    void rootPathAnswersWithoutAuthenticationButOtherPathsAre404() {
        assertThat(client.withToken(null).get("/").status()).isEqualTo(200);
        Reply r = client.withToken(null).get("/favicon.ico");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("ENDPOINT_NOT_FOUND");
    }
}
