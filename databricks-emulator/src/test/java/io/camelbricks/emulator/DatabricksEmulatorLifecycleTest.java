package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbricks.emulator.jobs.RunScript;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DatabricksEmulatorLifecycleTest {

    @Test
    void startsOnAnEphemeralLoopbackPortWithARandomPersonalAccessToken() {
        try (DatabricksEmulator a = new DatabricksEmulator().start();
             DatabricksEmulator b = new DatabricksEmulator().start()) {
            assertThat(a.url()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(a.port()).isPositive().isNotEqualTo(b.port());
            assertThat(a.token()).matches("dapi[0-9a-f]{32}");
            assertThat(a.token()).isNotEqualTo(b.token());
            assertThat(a.toString()).doesNotContain(a.token());
        }
    }

    @Test
    void switchesOffNagleSoSmallAnswersAreNotDelayed() {
        try (DatabricksEmulator emu = new DatabricksEmulator().start()) {
            // without it every exchange waits ~40 ms for a delayed ACK (measured 45 ms vs 2 ms per request)
            assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
        }
    }

    @Test
    void acceptsAGivenToken() {
        try (DatabricksEmulator emu = EmulatorOptions.builder().token("dapi-fixed").emulator().start()) {
            assertThat(emu.token()).isEqualTo("dapi-fixed");
            assertThat(new EmulatorClient(emu).get("/api/2.2/jobs/list").status()).isEqualTo(200);
            assertThat(emu.options().toString()).doesNotContain("dapi-fixed");
        }
    }

    @Test
    void aPublicUrlIsWhatDiscoveryAndResultLinksNameAndItOutlivesAReset() {
        try (DatabricksEmulator emu = new DatabricksEmulator().start()) {
            emu.publicUrl("https://localhost:8443");
            emu.reset();
            EmulatorClient client = new EmulatorClient(emu);
            JsonNode discovery = client.get("/oidc/.well-known/oauth-authorization-server").json();
            assertThat(discovery.path("issuer").asText()).isEqualTo("https://localhost:8443/oidc");
            assertThat(discovery.path("token_endpoint").asText()).isEqualTo("https://localhost:8443/oidc/v1/token");
            JsonNode statement = client.post("/api/2.0/sql/statements", "{\"warehouse_id\":\""
                    + io.camelbricks.emulator.sql.EmulatedSql.DEFAULT_WAREHOUSE_ID + "\",\"statement\":\"SELECT 1\","
                    + "\"disposition\":\"EXTERNAL_LINKS\"}").json();
            assertThat(statement.path("result").path("external_links").path(0).path("external_link").asText())
                    .startsWith("https://localhost:8443/cloud-storage/statement-results/");

            emu.publicUrl(null);
            assertThat(client.get("/oidc/.well-known/oauth-authorization-server").json().path("issuer").asText())
                    .isEqualTo(emu.url() + "/oidc");
            assertThatThrownBy(() -> emu.publicUrl("https://localhost:8443/path"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("scheme://host[:port] with no path");
        }
    }

    @Test
    void closeStopsTheServer() {
        DatabricksEmulator emu = new DatabricksEmulator().start();
        int port = emu.port();
        emu.close();
        emu.close();
        assertThat(emu.isRunning()).isFalse();
        assertThatThrownBy(() -> new Socket(InetAddress.getByName("127.0.0.1"), port).close())
                .isInstanceOf(ConnectException.class);
        assertThatThrownBy(emu::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stopThenStartRestartsTheSameWorkspaceOnTheSamePort() {
        DatabricksEmulator emu = new DatabricksEmulator().start();
        try (emu) {
            String url = emu.url();
            int port = emu.port();
            EmulatorClient client = new EmulatorClient(emu);
            long runId = client.submitNotebook("survives", "/Shared/a");
            assertThat(client.lifeCycle(runId)).isEqualTo("PENDING");

            emu.stop();
            emu.stop();
            assertThat(emu.isRunning()).isFalse();
            assertThat(emu.url()).isEqualTo(url);
            assertThatThrownBy(() -> new Socket(InetAddress.getByName("127.0.0.1"), port).close())
                    .isInstanceOf(ConnectException.class);

            emu.start();
            assertThat(emu.isRunning()).isTrue();
            assertThat(emu.url()).isEqualTo(url);
            assertThat(emu.port()).isEqualTo(port);
            // the run goes on where it was: its second poll finds it RUNNING
            assertThat(new EmulatorClient(emu).lifeCycle(runId)).isEqualTo("RUNNING");
            assertThat(emu.jobs().runIds()).containsExactly(runId);
            assertThat(emu.requests().count("POST", "/jobs/runs/submit")).isEqualTo(1);

            emu.restart();
            assertThat(emu.port()).isEqualTo(port);
            assertThat(new EmulatorClient(emu).lifeCycle(runId)).isEqualTo("TERMINATED");
        }
        assertThatThrownBy(emu::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cannotBeStartedTwiceAndHasNoUrlBeforeStart() {
        DatabricksEmulator emu = new DatabricksEmulator();
        assertThatThrownBy(emu::url).isInstanceOf(IllegalStateException.class);
        try (emu) {
            emu.start();
            assertThatThrownBy(emu::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void stateSeededBeforeStartIsServed() {
        DatabricksEmulator emu = new DatabricksEmulator();
        long jobId = emu.jobs().createJob("early");
        try (emu) {
            emu.start();
            JsonNode job = new EmulatorClient(emu).get("/api/2.2/jobs/get?job_id=" + jobId).json();
            assertThat(job.at("/settings/name").asText()).isEqualTo("early");
        }
    }

    @Test
    void clockTimedRunsMoveWithTheInjectedClockNotWithPolls() {
        ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
        try (DatabricksEmulator emu = EmulatorOptions.builder().clock(clock)
                .timedRuns(Duration.ofSeconds(30), Duration.ofMinutes(2)).emulator().start()) {
            EmulatorClient client = new EmulatorClient(emu);
            long runId = client.submitNotebook("timed", "/Shared/a");

            assertThat(client.lifeCycle(runId)).isEqualTo("PENDING");
            assertThat(client.lifeCycle(runId)).isEqualTo("PENDING");
            clock.advance(Duration.ofSeconds(30));
            assertThat(client.lifeCycle(runId)).isEqualTo("RUNNING");
            clock.advance(Duration.ofMinutes(10));
            JsonNode run = client.getRun(runId);
            assertThat(run.at("/state/life_cycle_state").asText()).isEqualTo("TERMINATED");
            long start = Instant.parse("2025-03-01T10:00:00Z").toEpochMilli();
            assertThat(run.get("start_time").asLong()).isEqualTo(start);
            // ends exactly when the script says, not when it was next looked at
            assertThat(run.get("end_time").asLong()).isEqualTo(start + Duration.ofSeconds(150).toMillis());
            assertThat(run.get("run_duration").asLong()).isEqualTo(150_000);
            assertThat(run.at("/tasks/0/execution_duration").asLong()).isEqualTo(120_000);
        }
    }

    @Test
    void defaultRunScriptComesFromTheOptions() {
        try (DatabricksEmulator emu = EmulatorOptions.builder()
                .runScript(RunScript.builder().running(2).thenFail("always")).emulator().start()) {
            EmulatorClient client = new EmulatorClient(emu);
            long runId = client.submitNotebook("x", "/Shared/a");
            assertThat(client.lifeCycle(runId)).isEqualTo("RUNNING");
            assertThat(client.lifeCycle(runId)).isEqualTo("RUNNING");
            assertThat(client.getRun(runId).at("/state/result_state").asText()).isEqualTo("FAILED");
        }
    }

    @Test
    void failureMarkersCanBeSwitchedOff() {
        try (DatabricksEmulator emu = EmulatorOptions.builder().failureMarkers(false).emulator().start()) {
            EmulatorClient client = new EmulatorClient(emu);
            long runId = client.submitNotebook("x", "/Shared/failover-report");
            client.getRun(runId);
            client.getRun(runId);
            assertThat(client.getRun(runId).at("/state/result_state").asText()).isEqualTo("SUCCESS");
        }
    }

    @Test
    void keepsAnHttp11ConnectionOpenAcrossRequests() throws IOException {
        try (DatabricksEmulator emu = new DatabricksEmulator().start();
             Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), emu.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < 3; i++) {
                String body = "{\"tasks\":[{\"task_key\":\"t\",\"notebook_task\":{\"notebook_path\":\"/a\"}}]}";
                String request = "POST /api/2.2/jobs/runs/submit HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nAuthorization: Bearer " + emu.token() + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String response = readResponse(in);
                assertThat(response).startsWith("HTTP/1.1 200");
                assertThat(response).contains("\"run_id\"");
            }
            // an error answer keeps the connection usable too
            out.write(("GET /api/2.2/nope HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + emu.token() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 404");
            assertThat(emu.jobs().runCount()).isEqualTo(3);
        }
    }

    /** Reads one response using its Content-Length (fails if there is none). */
    private static String readResponse(InputStream in) {
        try {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                head.write(c);
                matched = (c == '\r' || c == '\n') && "\r\n\r\n".charAt(matched) == c ? matched + 1 : 0;
            }
            String headers = head.toString(StandardCharsets.US_ASCII);
            int length = -1;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            assertThat(length).as("Content-Length in " + headers).isGreaterThanOrEqualTo(0);
            byte[] body = in.readNBytes(length);
            return headers + new String(body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
