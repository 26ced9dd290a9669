package io.camelbricks.api.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.service.jobs.BaseJob;
import io.camelbricks.api.service.jobs.BaseRun;
import io.camelbricks.api.service.jobs.CancelAllRuns;
import io.camelbricks.api.service.jobs.JobsGetRunOutputRequest;
import io.camelbricks.api.service.jobs.JobsGetRunRequest;
import io.camelbricks.api.service.jobs.JobsListRequest;
import io.camelbricks.api.service.jobs.JobsListRunsRequest;
import io.camelbricks.api.service.jobs.JobsService;
import io.camelbricks.api.service.jobs.RepairHistoryItem;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunOutput;
import io.camelbricks.api.service.jobs.RunTask;
import io.camelbricks.api.wait.WaitTimeoutException;

/**
 * {@code w.jobs()}: the generated Jobs service plus what orchestrators keep re-implementing around it.
 *
 * <pre>{@code
 * RunOutputs outputs = w.jobs().getRunOutputs(runId);              // every task's output, not a 400
 * Run run = w.jobs().requireSuccess(w.jobs().getRun(...));         // RunFailedException naming the failed tasks
 * long repairId = w.jobs().repairRun(runId, RepairOptions.allFailedTasks());   // parameters + latest_repair_id
 * long jobId = w.jobs().resolveJobId("nightly-etl");               // exactly one job with that name, or an error
 * w.jobs().cancelPreviousRuns(jobId);                              // runs/cancel-all, returns the ids it hit
 * IdempotentRun r = w.jobs().idempotentRuns().submit("order-42", submitRun);   // at most one live run per key
 * Run done = w.jobs().waitForRun(r.runId(), Duration.ofHours(2));  // terminal by status or state, never throws on it
 * }</pre>
 *
 * Every {@code runs/get} here merges all pages of a Jobs 2.2 run (more than 100 tasks). See {@link RunStates} for
 * what terminal, success and failed mean.
 */
public class JobsExt extends JobsService {
    /** How long the waiting variants wait when not told: 20 minutes, as the generated waiters. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(20);

    public JobsExt(ApiClient api) {
        super(api);
    }

    // ------------------------------------------------------------------------------------------ outputs

    /**
     * The output of every task of the run: {@code runs/get} (all pages), then {@code runs/get-output} per task run
     * id (the latest attempt of each task key). A run without a task list (a Jobs 2.0 single-task run) is read with
     * its own id. A task whose output cannot be read keeps the reason in {@link TaskRunOutput#unavailable()}.
     */
    public RunOutputs getRunOutputs(long runId) {
        return join(getRunOutputsAsync(runId));
    }

    /** As {@link #getRunOutputs(long)}, without blocking (the per-task calls run concurrently). */
    public CompletableFuture<RunOutputs> getRunOutputsAsync(long runId) {
        return getRunAsync(new JobsGetRunRequest().setRunId(runId)).thenCompose(this::getRunOutputsAsync);
    }

    /** The outputs of the tasks of {@code run} (already read with {@code runs/get}). */
    public RunOutputs getRunOutputs(Run run) {
        return join(getRunOutputsAsync(run));
    }

    /** As {@link #getRunOutputs(Run)}, without blocking. */
    public CompletableFuture<RunOutputs> getRunOutputsAsync(Run run) {
        return outputsOf(run, t -> true);
    }

    private CompletableFuture<RunOutputs> outputsOf(Run run, Predicate<RunTask> which) {
        List<RunTask> tasks = latestAttempts(run);
        if (tasks.isEmpty() && run.getRunId() != null) {
            RunTask self = new RunTask().setTaskKey(run.getRunName()).setRunId(run.getRunId())
                    .setState(run.getState()).setStatus(run.getStatus());
            tasks = List.of(self);
        }
        List<CompletableFuture<TaskRunOutput>> futures = new ArrayList<>();
        for (RunTask task : tasks) {
            if (which.test(task) && task.getRunId() != null) {
                futures.add(outputOf(task));
            }
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenApply(ignored ->
                new RunOutputs(run, futures.stream().map(CompletableFuture::join).toList()));
    }

    private CompletableFuture<TaskRunOutput> outputOf(RunTask task) {
        String outcome = RunStates.outcome(task.getState(), task.getStatus());
        return getRunOutputAsync(new JobsGetRunOutputRequest().setRunId(task.getRunId())).handle((output, failure) -> {
            if (failure == null) {
                return new TaskRunOutput(task.getTaskKey(), task.getRunId(), outcome, task, output, null);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            return new TaskRunOutput(task.getTaskKey(), task.getRunId(), outcome, task, (RunOutput) null,
                    String.valueOf(cause.getMessage()));
        });
    }

    // ------------------------------------------------------------------------------------------ failures

    /**
     * What failed in the terminal run {@code run}: the outputs of its failed tasks are read for their
     * {@code error}. See {@link RunFailure}.
     */
    public RunFailure describeFailure(Run run) {
        return RunFailure.of(run, join(outputsOf(run, RunStates::isFailedTask)));
    }

    /** {@link #describeFailure(Run)} without blocking: the outputs of the failed tasks are read concurrently. */
    public CompletableFuture<RunFailure> describeFailureAsync(Run run) {
        return outputsOf(run, RunStates::isFailedTask).thenApply(outputs -> RunFailure.of(run, outputs));
    }

    /**
     * Returns {@code run} when it succeeded ({@link RunStates#isSuccess(Run)}).
     *
     * @throws RunFailedException    when it ended without success (message: {@link RunFailure#message()})
     * @throws IllegalStateException when it has not ended yet
     */
    public Run requireSuccess(Run run) {
        Objects.requireNonNull(run, "run");
        if (!RunStates.isTerminal(run)) {
            throw new IllegalStateException("run " + run.getRunId() + " has not ended: "
                    + RunStates.outcome(run.getState(), run.getStatus()));
        }
        if (RunStates.isSuccess(run)) {
            return run;
        }
        throw new RunFailedException(describeFailure(run), run);
    }

    // ------------------------------------------------------------------------------------------ repair

    /**
     * Repairs the terminal job run {@code runId} and returns the repair id. The run is read with its repair history
     * first: {@code latest_repair_id} is sent when it was repaired before (the API refuses a second repair without
     * it), the failed tasks are named (or the tasks of {@code options}), and the run's own parameters are sent
     * again (see {@link RepairOptions}).
     *
     * @throws DatabricksException when {@code allFailedTasks()} finds no failed task
     */
    public long repairRun(long runId, RepairOptions options) {
        return join(repairRunAsync(runId, options));
    }

    /** As {@link #repairRun(long, RepairOptions)}, without blocking. */
    public CompletableFuture<Long> repairRunAsync(long runId, RepairOptions options) {
        Objects.requireNonNull(options, "options");
        return getRunAsync(new JobsGetRunRequest().setRunId(runId).setIncludeHistory(true))
                .thenCompose(run -> repairRunAsync(RepairRequests.of(run, options)))
                .thenApply(response -> response.getRepairId());
    }

    /** {@link #repairRunAndWait(long, RepairOptions, Duration)} within {@link #DEFAULT_TIMEOUT}. */
    public Run repairRunAndWait(long runId, RepairOptions options) {
        return repairRunAndWait(runId, options, DEFAULT_TIMEOUT);
    }

    /**
     * Repairs the run and waits until that repair has ended; returns the run then (check it with
     * {@link RunStates} or {@link #requireSuccess(Run)}). The wait polls {@code runs/get} with
     * {@code include_history} until the repair's own entry in {@code repair_history} is terminal, so the run's
     * state from before the repair is never mistaken for the end of the repair.
     *
     * @throws WaitTimeoutException when the repair has not ended within {@code timeout}
     */
    public Run repairRunAndWait(long runId, RepairOptions options, Duration timeout) {
        return join(repairRunAndWaitAsync(runId, options, timeout));
    }

    /** As {@link #repairRunAndWait(long, RepairOptions, Duration)}, holding no thread. */
    public CompletableFuture<Run> repairRunAndWaitAsync(long runId, RepairOptions options, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return repairRunAsync(runId, options).thenCompose(repairId -> new RunPoller(api, this).until(
                new JobsGetRunRequest().setRunId(runId).setIncludeHistory(true),
                run -> RunStates.isTerminal(run) && repairEnded(run, repairId), "repair " + repairId, timeout));
    }

    private static boolean repairEnded(Run run, long repairId) {
        if (run.getRepairHistory() == null) {
            return false;
        }
        for (RepairHistoryItem item : run.getRepairHistory()) {
            if (item.getId() != null && item.getId() == repairId) {
                return RunStates.isTerminal(item);
            }
        }
        return false;
    }

    /** The id of the run's latest repair, or null when it was never repaired (reads the run with its history). */
    public Long latestRepairId(long runId) {
        return RepairRequests.latestRepairId(getRun(new JobsGetRunRequest().setRunId(runId).setIncludeHistory(true)));
    }

    // ------------------------------------------------------------------------------------------ jobs by name

    /**
     * The id of the one job named exactly {@code jobName} ({@code jobs/list} with the {@code name} filter, all
     * pages; names are compared exactly, as the filter may not be).
     *
     * @throws DatabricksException when no job or more than one job has that name (the message lists their ids)
     */
    public long resolveJobId(String jobName) {
        Objects.requireNonNull(jobName, "jobName");
        List<Long> ids = new ArrayList<>();
        for (BaseJob job : list(new JobsListRequest().setName(jobName))) {
            if (job.getSettings() != null && jobName.equals(job.getSettings().getName()) && job.getJobId() != null) {
                ids.add(job.getJobId());
            }
        }
        if (ids.isEmpty()) {
            throw new DatabricksException("no job is named \"" + jobName + "\"");
        }
        if (ids.size() > 1) {
            throw new DatabricksException(ids.size() + " jobs are named \"" + jobName + "\" (job ids "
                    + ids.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
                    + "); use a job id or give the jobs distinct names");
        }
        return ids.get(0);
    }

    // ------------------------------------------------------------------------------------------ cancel

    /**
     * Cancels the active runs of the job (before a run-now that must not overlap them): lists its active runs, then
     * {@code runs/cancel-all}. Cancelling is asynchronous on the service side: the runs may still be TERMINATING when
     * this returns ({@link #cancelPreviousRunsAndWait} waits for them).
     *
     * @return the ids of the runs that were active
     */
    public List<Long> cancelPreviousRuns(long jobId) {
        List<Long> active = new ArrayList<>();
        for (BaseRun run : listRuns(new JobsListRunsRequest().setJobId(jobId).setActiveOnly(true))) {
            active.add(run.getRunId());
        }
        cancelAllRuns(new CancelAllRuns().setJobId(jobId));
        return active;
    }

    /** {@link #cancelPreviousRuns(long)}, then waits until each of those runs has ended; returns them. */
    public List<Run> cancelPreviousRunsAndWait(long jobId, Duration timeout) {
        List<Long> ids = cancelPreviousRuns(jobId);
        RunPoller poller = new RunPoller(api, this);
        List<CompletableFuture<Run>> ended = new ArrayList<>();
        for (long id : ids) {
            ended.add(poller.until(new JobsGetRunRequest().setRunId(id), RunStates::isTerminal, "the cancellation",
                    timeout));
        }
        return ended.stream().map(JobsExt::join).toList();
    }

    // ------------------------------------------------------------------------------------------ idempotency

    /** Submissions that create at most one live run per business key, across retries and restarts. */
    public IdempotentRuns idempotentRuns() {
        return IdempotentRuns.builder(this).build();
    }

    // ------------------------------------------------------------------------------------------ waiting

    /** {@link #waitForRun(long, Duration)} within {@link #DEFAULT_TIMEOUT}. */
    public Run waitForRun(long runId) {
        return waitForRun(runId, DEFAULT_TIMEOUT);
    }

    /**
     * Polls the run until it is terminal by {@link RunStates#isTerminal(Run)} ({@code status} preferred, the
     * deprecated {@code state} as fall-back; SKIPPED and INTERNAL_ERROR included) and returns it, success or not:
     * check it with {@link #requireSuccess(Run)}. Unlike the generated waiters, INTERNAL_ERROR is returned, not
     * thrown, so every ending is handled in one place.
     *
     * @throws WaitTimeoutException when the run has not ended within {@code timeout}
     */
    public Run waitForRun(long runId, Duration timeout) {
        return join(waitForRunAsync(runId, timeout));
    }

    /** As {@link #waitForRun(long, Duration)}, holding no thread. */
    public CompletableFuture<Run> waitForRunAsync(long runId, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return new RunPoller(api, this).until(new JobsGetRunRequest().setRunId(runId), RunStates::isTerminal,
                "the end", timeout);
    }

    // ------------------------------------------------------------------------------------------ shared

    /** The client this service calls through. */
    ApiClient apiClient() {
        return api;
    }

    /**
     * The run's tasks, one per task key: the latest attempt (highest {@code attempt_number}, the later one on a tie)
     * of a task retried or repaired, in the order the keys first appear.
     */
    static List<RunTask> latestAttempts(Run run) {
        Map<String, RunTask> byKey = new LinkedHashMap<>();
        if (run.getTasks() != null) {
            for (RunTask task : run.getTasks()) {
                String key = task.getTaskKey() == null ? String.valueOf(task.getRunId()) : task.getTaskKey();
                RunTask seen = byKey.get(key);
                if (seen == null || attempt(task) >= attempt(seen)) {
                    byKey.put(key, task);
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static long attempt(RunTask task) {
        return task.getAttemptNumber() == null ? 0 : task.getAttemptNumber();
    }

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabricksException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw cause instanceof RuntimeException re ? re
                    : new DatabricksException(String.valueOf(cause.getMessage()), cause);
        }
    }
}
