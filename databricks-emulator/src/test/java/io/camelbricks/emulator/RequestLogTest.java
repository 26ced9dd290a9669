package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelbricks.emulator.server.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabricksEmulatorExtension.class)
class RequestLogTest {

    private final DatabricksEmulator emu;
    private final EmulatorClient client;

    RequestLogTest(DatabricksEmulator emu) {
        this.emu = emu;
        this.client = new EmulatorClient(emu);
    }

    @BeforeEach
    void freshWorkspace() {
        emu.reset();
    }

    @Test
    void recordsMethodPathQueryBodyAndStatus() {
        client.get("/api/2.2/jobs/list?limit=5&name=a%20b");
        client.post("/api/2.1/jobs/runs/submit", "{\"idempotency_token\":\"abc\",\"tasks\":[{\"task_key\":\"t\","
                + "\"notebook_task\":{\"notebook_path\":\"/a\"}}]}");
        client.withToken(null).get("/api/2.2/jobs/list");

        assertThat(emu.requests().count()).isEqualTo(3);
        RecordedRequest list = emu.requests().all().get(0);
        assertThat(list.method()).isEqualTo("GET");
        assertThat(list.path()).isEqualTo("/api/2.2/jobs/list");
        assertThat(list.version()).isEqualTo("2.2");
        assertThat(list.apiPath()).isEqualTo("/jobs/list");
        assertThat(list.query()).isEqualTo("limit=5&name=a%20b");
        assertThat(list.queryParameter("name")).isEqualTo("a b");
        assertThat(list.status()).isEqualTo(200);

        RecordedRequest submit = emu.requests().matching("POST", "/jobs/runs/submit").get(0);
        assertThat(submit.version()).isEqualTo("2.1");
        assertThat(submit.bodyText()).contains("\"idempotency_token\":\"abc\"");
        assertThat(emu.requests().count("POST", "/jobs/runs/submit")).isEqualTo(1);

        assertThat(emu.requests().last().orElseThrow().status()).isEqualTo(401);
    }

    @Test
    void neverKeepsTheToken() {
        client.get("/api/2.2/jobs/list");
        RecordedRequest r = emu.requests().last().orElseThrow();
        assertThat(r.headers().get("authorization")).containsExactly("Bearer ***");
        assertThat(r.toString()).doesNotContain(emu.token());
    }

    @Test
    void clearStartsCountingAgain() {
        client.get("/api/2.2/jobs/list");
        emu.requests().clear();
        assertThat(emu.requests().count()).isZero();
        assertThat(emu.requests().all()).isEmpty();
    }
}
