package io.camelbricks.benchmarks;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.service.jobs.Job;
import io.camelbricks.api.service.jobs.JobsGetRequest;
import io.camelbricks.emulator.DatabricksEmulator;

/**
 * Sequential {@code jobs/get} against the emulator on loopback: a plain Apache HttpClient + Jackson loop (the
 * practical limit) and our typed client, one after the other in the same process on the same server, each after a
 * warm-up. Prints calls per second and our time per call relative to the plain loop.
 *
 * <p>{@code mvn -q -pl benchmarks -am install -DskipTests && mvn -q -pl benchmarks exec:java -Dexec.args="20000"}
 */
public final class JobsGetThroughput {
    private JobsGetThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (DatabricksEmulator emu = new DatabricksEmulator().start()) {
            long jobId = emu.jobs().createJob("benchmark");
            try (Loop plainLoop = plainLoop(emu, jobId); Loop clientLoop = clientLoop(emu, jobId)) {
                // alternate rounds so that neither side profits from running last (JIT, emulator warm-up)
                for (int round = 1; round <= ROUNDS; round++) {
                    double plain = measure("plain Apache+Jackson loop", calls, plainLoop);
                    double ours = measure("camelbricks WorkspaceClient", calls, clientLoop);
                    System.out.printf(Locale.ROOT, "round %d ratio (our time per call / plain loop's): %.3f%n",
                            round, plain / ours);
                }
            }
        }
    }

    /** One benchmark loop: makes {@code n} calls. */
    private interface Loop extends AutoCloseable {
        void run(int n) throws Exception;
    }

    private static final int ROUNDS = 3;

    private static double measure(String name, int calls, Loop loop) throws Exception {
        loop.run(Math.max(1000, calls / 5));
        long start = System.nanoTime();
        loop.run(calls);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = calls / seconds;
        System.out.printf(Locale.ROOT, "%-30s %,10d calls in %6.2f s = %,10.0f calls/s%n", name, calls, seconds, rate);
        return rate;
    }

    private static Loop plainLoop(DatabricksEmulator emu, long jobId) {
        CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().build()).build();
        ObjectMapper mapper = new ObjectMapper();
        String url = emu.url() + "/api/2.2/jobs/get?job_id=" + jobId;
        return new Loop() {
            @Override
            public void run(int n) throws IOException {
                for (int i = 0; i < n; i++) {
                    HttpGet get = new HttpGet(url);
                    get.addHeader("Authorization", "Bearer " + emu.token());
                    JsonNode job = http.execute(get, response -> mapper.readTree(EntityUtils.toByteArray(response.getEntity())));
                    if (job.path("job_id").asLong() != jobId) {
                        throw new IllegalStateException("unexpected answer " + job);
                    }
                }
            }

            @Override
            public void close() throws IOException {
                http.close();
            }
        };
    }

    private static Loop clientLoop(DatabricksEmulator emu, long jobId) {
        WorkspaceClient w = new WorkspaceClient(new DatabricksConfig().setHost(emu.url()).setToken(emu.token())
                .resolve(Map.of()));
        JobsGetRequest request = new JobsGetRequest().setJobId(jobId);
        return new Loop() {
            @Override
            public void run(int n) {
                for (int i = 0; i < n; i++) {
                    Job job = w.jobs().get(request);
                    if (job.getJobId() != jobId) {
                        throw new IllegalStateException("unexpected answer " + job);
                    }
                }
            }

            @Override
            public void close() {
                w.close();
            }
        };
    }
}
