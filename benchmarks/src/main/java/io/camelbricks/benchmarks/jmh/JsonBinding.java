package io.camelbricks.benchmarks.jmh;

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
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.service.jobs.ListJobsResponse;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.wire.JsonMapper;

/**
 * Binding one {@code jobs/list} page (100 jobs) and one terminated {@code Run}, as the emulator answers them: a
 * Jackson tree (the plain loop), our generated models with our mapper, the official SDK's models with its mapper.
 *
 * <p>{@code BENCH_MAIN=org.openjdk.jmh.Main benchmarks/run.sh JsonBinding -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonBinding {
    private Payloads payloads;
    private final ObjectMapper plain = new ObjectMapper();
    private final ObjectMapper ours = JsonMapper.create();
    private final ObjectMapper sdk = com.databricks.sdk.core.utils.SerDeUtils.createMapper();

    @Setup(Level.Trial)
    public void capture() throws Exception {
        payloads = Payloads.capture();
    }

    @Benchmark
    public JsonNode listPageTree() throws Exception {
        return plain.readTree(payloads.jobsPage);
    }

    @Benchmark
    public ListJobsResponse listPageOurs() throws Exception {
        return ours.readValue(payloads.jobsPage, ListJobsResponse.class);
    }

    @Benchmark
    public com.databricks.sdk.service.jobs.ListJobsResponse listPageSdk() throws Exception {
        return sdk.readValue(payloads.jobsPage, com.databricks.sdk.service.jobs.ListJobsResponse.class);
    }

    @Benchmark
    public JsonNode runTree() throws Exception {
        return plain.readTree(payloads.run);
    }

    @Benchmark
    public Run runOurs() throws Exception {
        return ours.readValue(payloads.run, Run.class);
    }

    @Benchmark
    public com.databricks.sdk.service.jobs.Run runSdk() throws Exception {
        return sdk.readValue(payloads.run, com.databricks.sdk.service.jobs.Run.class);
    }
}
