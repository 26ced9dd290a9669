package io.camelbricks.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain java.net.http client for tests: JSON in, status + JSON tree out. */
final class EmulatorClient {

    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, JsonNode json, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String errorCode() {
            return json.path("error_code").asText(null);
        }

        String message() {
            return json.path("message").asText(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String url;
    private final String token;

    EmulatorClient(DatabricksEmulator emu) {
        this(emu.url(), emu.token());
    }

    EmulatorClient(String url, String token) {
        this.url = url;
        this.token = token;
    }

    EmulatorClient withToken(String otherToken) {
        return new EmulatorClient(url, otherToken);
    }

    Reply get(String pathAndQuery) {
        return send(builder(pathAndQuery).GET());
    }

    Reply post(String path, String jsonBody) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    Reply post(String path, JsonNode body) {
        return post(path, body.toString());
    }

    /** POSTs raw bytes with a content type (multipart forms). */
    Reply post(String path, String contentType, byte[] body) {
        return send(builder(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A GET whose body is kept as bytes (downloads). */
    HttpResponse<byte[]> getBytes(String pathAndQuery) {
        try {
            return http.send(builder(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply send(String method, String path, String body) {
        return send(builder(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Submits a run with the given tasks JSON array text; returns its run_id. */
    long submit(String runName, String tasksJson) {
        Reply r = post("/api/2.2/jobs/runs/submit", "{\"run_name\":\"" + runName + "\",\"tasks\":" + tasksJson + "}");
        if (r.status() != 200) {
            throw new AssertionError("submit failed: " + r.status() + " " + r.json());
        }
        return r.json().get("run_id").asLong();
    }

    long submitNotebook(String runName, String notebookPath) {
        return submit(runName, "[{\"task_key\":\"main\",\"notebook_task\":{\"notebook_path\":\"" + notebookPath + "\"}}]");
    }

    JsonNode getRun(long runId) {
        Reply r = get("/api/2.2/jobs/runs/get?run_id=" + runId);
        if (r.status() != 200) {
            throw new AssertionError("runs/get failed: " + r.status() + " " + r.json());
        }
        return r.json();
    }

    String lifeCycle(long runId) {
        return getRun(runId).path("state").path("life_cycle_state").asText();
    }

    private HttpRequest.Builder builder(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + pathAndQuery)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body.isEmpty() ? JSON.createObjectNode() : parseOrText(body);
            return new Reply(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parseOrText(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
