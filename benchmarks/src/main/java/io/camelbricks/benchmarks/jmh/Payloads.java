package io.camelbricks.benchmarks.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.camelbricks.emulator.DatabricksEmulator;

/** Real answers of the emulator, captured once per benchmark fork, replayed without a network. */
final class Payloads {
    final byte[] jobsPage;
    final byte[] run;
    final byte[] job;
    final long jobId;
    final long runId;

    private Payloads(byte[] jobsPage, byte[] run, byte[] job, long jobId, long runId) {
        this.jobsPage = jobsPage;
        this.run = run;
        this.job = job;
        this.jobId = jobId;
        this.runId = runId;
    }

    static Payloads capture() throws IOException, InterruptedException {
        try (DatabricksEmulator emu = new DatabricksEmulator().start()) {
            List<Long> ids = emu.jobs().createJobs(100);
            HttpClient http = HttpClient.newHttpClient();
            byte[] page = get(http, emu, "/api/2.2/jobs/list?limit=100");
            byte[] job = get(http, emu, "/api/2.2/jobs/get?job_id=" + ids.get(0));
            byte[] submitted = http.send(HttpRequest.newBuilder(URI.create(emu.url() + "/api/2.2/jobs/runs/submit"))
                    .header("Authorization", "Bearer " + emu.token())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"run_name\":\"bench\",\"tasks\":[{\"task_key\":\"main\","
                            + "\"notebook_task\":{\"notebook_path\":\"/x\"}}]}")).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            long runId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(submitted).path("run_id").asLong();
            get(http, emu, "/api/2.2/jobs/runs/get?run_id=" + runId);
            get(http, emu, "/api/2.2/jobs/runs/get?run_id=" + runId);
            byte[] run = get(http, emu, "/api/2.2/jobs/runs/get?run_id=" + runId); // TERMINATED
            return new Payloads(page, run, job, ids.get(0), runId);
        }
    }

    private static byte[] get(HttpClient http, DatabricksEmulator emu, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(emu.url() + path))
                .header("Authorization", "Bearer " + emu.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException(path + " -> " + r.statusCode());
        }
        return r.body();
    }

    static InputStream stream(byte[] bytes) {
        return new java.io.ByteArrayInputStream(bytes);
    }
}
