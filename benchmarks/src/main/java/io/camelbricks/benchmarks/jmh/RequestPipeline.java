package io.camelbricks.benchmarks.jmh;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.http.HttpRequest;
import io.camelbricks.api.http.HttpResponse;
import io.camelbricks.api.http.HttpTransport;
import io.camelbricks.api.service.jobs.Job;
import io.camelbricks.api.service.jobs.JobsGetRequest;
import io.camelbricks.api.service.jobs.JobsGetRunRequest;
import io.camelbricks.api.service.jobs.Run;

/**
 * What our client costs per call above the network: the whole pipeline (URL and query encoding, auth and
 * User-Agent headers, retry bookkeeping, round-trip logging with DEBUG off, status check, typed decoding) over a
 * transport that answers a captured emulator body from memory. {@code plainTree} is the plain loop's share of the
 * same work (a Jackson tree of the same body), the floor.
 *
 * <p>{@code BENCH_MAIN=org.openjdk.jmh.Main benchmarks/run.sh RequestPipeline -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestPipeline {
    private Payloads payloads;
    private WorkspaceClient client;
    private final ObjectMapper plain = new ObjectMapper();
    private JobsGetRequest getJob;
    private JobsGetRunRequest getRun;

    /** Answers jobs/get and runs/get from memory. */
    static final class CannedTransport implements HttpTransport {
        private final Payloads payloads;

        CannedTransport(Payloads payloads) {
            this.payloads = payloads;
        }

        @Override
        public HttpResponse execute(HttpRequest request) throws IOException {
            byte[] body = request.url().contains("runs/get") ? payloads.run : payloads.job;
            return new HttpResponse(200, "OK", List.of(Map.entry("Content-Type", "application/json")),
                    Payloads.stream(body), null);
        }

        @Override
        public void close() {
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        payloads = Payloads.capture();
        DatabricksConfig config = new DatabricksConfig().setHost("http://127.0.0.1:1").setToken("dapi-bench")
                .resolve(Map.of());
        client = new WorkspaceClient(ApiClient.builder(config).transport(new CannedTransport(payloads)).build());
        getJob = new JobsGetRequest().setJobId(payloads.jobId);
        getRun = new JobsGetRunRequest().setRunId(payloads.runId);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
    }

    @Benchmark
    public JsonNode plainTree() throws Exception {
        return plain.readTree(Payloads.stream(payloads.job));
    }

    @Benchmark
    public Job oursJobsGet() {
        return client.jobs().get(getJob);
    }

    @Benchmark
    public Run oursRunsGet() {
        return client.jobs().getRun(getRun);
    }
}
