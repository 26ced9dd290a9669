package io.camelbricks.camel;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.jobs.IdempotentRun;
import io.camelbricks.api.jobs.IdempotentRuns;
import io.camelbricks.api.jobs.JobsExt;
import io.camelbricks.api.jobs.RepairOptions;
import io.camelbricks.api.jobs.RunFailure;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunNow;
import io.camelbricks.api.service.jobs.SubmitRun;

/**
 * What the producer does around the runs that {@code jobs/submit}, {@code jobs/runNow} and {@code jobs/repairRun}
 * start: start a run with a business key by the generation walk (adopting the run of an earlier attempt), resolve
 * {@code jobName} into a job id, cancel the job's active runs first ({@code cancelPreviousRuns}),
 * reattach to a run instead of starting one ({@code CamelDatabricksReattachRunId}), repair a failed run up to
 * {@code repairAttempts} times, and describe a failed run task by task (from the outputs of its failed tasks).
 */
final class JobRuns {
    static final Set<String> RUN_STARTERS = Set.of("jobs.Jobs.submit", "jobs.Jobs.runNow", "jobs.Jobs.repairRun");
    private static final Logger LOG = LoggerFactory.getLogger(JobRuns.class);
    private static final String RUN_NOW = "jobs.Jobs.runNow";
    private static final String SUBMIT = "jobs.Jobs.submit";

    private final String endpointPath;
    private final Operation<Object, Object> op;
    private final String jobName;
    private final boolean cancelPreviousRuns;
    private final int repairAttempts;

    private JobRuns(String endpointPath, Operation<Object, Object> op, String jobName, boolean cancelPreviousRuns,
                    int repairAttempts) {
        this.endpointPath = endpointPath;
        this.op = op;
        this.jobName = jobName;
        this.cancelPreviousRuns = cancelPreviousRuns;
        this.repairAttempts = repairAttempts;
    }

    /**
     * The run support of {@code endpoint}, or null when its operation does not start runs.
     *
     * @throws IllegalArgumentException when jobName, cancelPreviousRuns or repairAttempts is set where it cannot apply
     */
    static JobRuns of(DatabricksEndpoint endpoint) {
        Operation<Object, Object> op = endpoint.definition();
        String path = "databricks:" + endpoint.getPath();
        boolean runNow = RUN_NOW.equals(op.id());
        String jobName = endpoint.getJobName() == null || endpoint.getJobName().isBlank() ? null
                : endpoint.getJobName().strip();
        if (jobName != null && !runNow) {
            throw new IllegalArgumentException("jobName on " + path + ": only jobs/runNow starts a job by name");
        }
        if (jobName != null && endpoint.requestAssembler().uriFields().containsKey("job_id")) {
            throw new IllegalArgumentException("jobName and jobId on " + path + ": set one of them");
        }
        if (endpoint.isCancelPreviousRuns() && !runNow) {
            throw new IllegalArgumentException("cancelPreviousRuns on " + path + ": only jobs/runNow runs a job whose"
                    + " previous runs can be cancelled");
        }
        if (endpoint.getRepairAttempts() < 0) {
            throw new IllegalArgumentException("repairAttempts on " + path + " must be 0 or more, got "
                    + endpoint.getRepairAttempts());
        }
        if (endpoint.getRepairAttempts() > 0 && (!RUN_STARTERS.contains(op.id()) || !endpoint.isWait())) {
            throw new IllegalArgumentException("repairAttempts on " + path + ": a failed run is repaired only by"
                    + " jobs/submit, jobs/runNow or jobs/repairRun with wait=true");
        }
        if (!RUN_STARTERS.contains(op.id())) {
            return null;
        }
        return new JobRuns(endpoint.getPath(), op, jobName, endpoint.isCancelPreviousRuns(),
                endpoint.getRepairAttempts());
    }

    /**
     * The request as it is sent: with the job id of {@code jobName}, after the job's active runs were cancelled
     * with {@code cancelPreviousRuns}. Runs on {@code blocking} (lookups are blocking calls).
     */
    CompletableFuture<Object> prepare(ApiClient client, Object request, Executor blocking) {
        if (jobName == null && !cancelPreviousRuns) {
            return CompletableFuture.completedFuture(request);
        }
        return CompletableFuture.supplyAsync(() -> {
            JobsExt jobs = new JobsExt(client);
            Object prepared = request;
            if (jobName != null) {
                prepared = withJobId(client.mapper(), request, jobs.resolveJobId(jobName));
            }
            if (cancelPreviousRuns) {
                long jobId = client.mapper().valueToTree(prepared).path("job_id").asLong(0);
                if (jobId == 0) {
                    throw new IllegalArgumentException("cancelPreviousRuns on databricks:" + endpointPath
                            + " needs the job id (jobId or jobName)");
                }
                jobs.cancelPreviousRuns(jobId);
            }
            return prepared;
        }, blocking);
    }

    private Object withJobId(ObjectMapper mapper, Object request, long jobId) {
        ObjectNode tree = mapper.valueToTree(request);
        tree.put("job_id", jobId);
        try {
            return mapper.treeToValue(tree, op.requestType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot set job_id on " + op.requestType().getSimpleName(), e);
        }
    }

    /**
     * Whether the run of this exchange is started by the generation walk of {@link IdempotentRuns}: jobs/submit or
     * jobs/runNow with a business key ({@code CamelDatabricksIdempotencyKey}) and automatic tokens. The walk adopts
     * the run of an earlier attempt that is still running or succeeded, in this process or one that crashed, and
     * moves past the runs of attempts that failed.
     */
    boolean walks(Message message, boolean autoIdempotencyToken) {
        String key = message.getHeader(DatabricksConstants.IDEMPOTENCY_KEY, String.class);
        return autoIdempotencyToken && key != null && !key.isBlank()
                && (SUBMIT.equals(op.id()) || RUN_NOW.equals(op.id()));
    }

    /**
     * Starts (or adopts) the run by the generation walk, from the exchange's generation (generations that failed in
     * this exchange are skipped); the request must carry no token. Answers like the call would: {@code run_id}.
     */
    CompletableFuture<Object> startByKey(ApiClient client, Object request, Exchange exchange) {
        String key = exchange.getMessage().getHeader(DatabricksConstants.IDEMPOTENCY_KEY, String.class);
        int from = IdempotencyTokens.generation(exchange);
        IdempotentRuns runs = new JobsExt(client).idempotentRuns();
        CompletableFuture<IdempotentRun> started = SUBMIT.equals(op.id())
                ? runs.submitAsync(key, (SubmitRun) request, from) : runs.runNowAsync(key, (RunNow) request, from);
        return started.thenApply(run -> {
            if (run.existedBefore()) {
                LOG.info("databricks:{}: key {} adopted run_id={} of an earlier attempt", endpointPath, key,
                        run.runId());
            }
            return responseFor(client.mapper(), run.runId());
        });
    }

    /** The run id of header {@code CamelDatabricksReattachRunId}, or null: wait on that run, start none. */
    Long reattachRunId(Message message) {
        if (SUBMIT.equals(op.id()) || RUN_NOW.equals(op.id())) {
            return message.getHeader(DatabricksConstants.REATTACH_RUN_ID, Long.class);
        }
        return null;
    }

    /** The response the call would have given for {@code runId} ({@code {"run_id": ...}}), to wait on. */
    Object responseFor(ObjectMapper mapper, long runId) {
        return mapper.convertValue(java.util.Map.of("run_id", runId), op.responseType());
    }

    /** How many times a failed run may be repaired. */
    int repairAttempts() {
        return repairAttempts;
    }

    /** Repairs the failed tasks of {@code run} (with its parameters and latest repair id) and waits for the repair. */
    CompletableFuture<Run> repair(ApiClient client, Run run, Duration timeout) {
        return new JobsExt(client).repairRunAndWaitAsync(run.getRunId(), RepairOptions.allFailedTasks(), timeout);
    }

    /** Which tasks failed and why, from the outputs of the failed tasks; never fails (the cause is logged away). */
    CompletableFuture<RunFailure> describe(ApiClient client, Run run) {
        return new JobsExt(client).describeFailureAsync(run).handle((failure, error) -> error == null ? failure
                : RunFailure.of(run, null));
    }

    /** The keys of the failed tasks. */
    static List<String> failedTaskKeys(RunFailure failure) {
        return failure.failedTasks().stream().map(RunFailure.TaskFailure::taskKey).toList();
    }
}
