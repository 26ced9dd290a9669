package io.camelbricks.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The Jobs service of an emulator as a test sees it ({@code emulator.jobs()}): seeding, inspection and the
 * scripting of run lifecycles. Everything here acts directly on the emulator's state, without HTTP, and none of
 * the inspection methods counts as an observation of a run.
 */
public final class EmulatedJobs {

    final JobStore jobs;
    final RunStore runs;
    final RunScriptRules scripts;
    final JobRenderer jobRenderer = new JobRenderer();
    final RunRenderer runRenderer;
    private final AtomicLong seeded = new AtomicLong();
    private final List<OutputRule> outputRules = new CopyOnWriteArrayList<>();

    private record OutputRule(Predicate<ObjectNode> taskSpec, TaskOutput output) {
    }

    /**
     * @param clock          the emulator clock (run times, clock-timed lifecycle steps)
     * @param userName       creator_user_name of jobs and runs
     * @param baseUrl        the emulator URL, for run_page_url
     * @param defaultScript  lifecycle of runs that no rule or queued script claims
     * @param failureMarkers whether "fail" / "internal-error" in a task's code location fails the run
     */
    public EmulatedJobs(Clock clock, String userName, Supplier<String> baseUrl, RunScript defaultScript,
                        boolean failureMarkers) {
        this.jobs = new JobStore(clock, userName);
        this.scripts = new RunScriptRules(defaultScript, failureMarkers);
        this.runs = new RunStore(clock, jobs::allocateJobId, jobs::find, scripts);
        this.runRenderer = new RunRenderer(baseUrl, userName);
    }

    // ---- jobs

    /** Creates a job from {@code jobs/create} settings (validated and defaulted like the API does). */
    public long createJob(ObjectNode settings) {
        return jobs.create(JobSettings.fromCreateRequest(settings)).jobId();
    }

    /** Creates a job named {@code name} with one notebook task {@code main}. */
    public long createJob(String name) {
        ObjectNode settings = Json.object();
        settings.put("name", name);
        ObjectNode task = settings.putArray("tasks").addObject();
        task.put("task_key", "main");
        task.putObject("notebook_task").put("notebook_path", "/Workspace/Shared/emulator/" + name);
        return createJob(settings);
    }

    /** Creates {@code n} jobs named {@code emulated-job-<k>} (k counts up across calls); returns their ids. */
    public List<Long> createJobs(int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(createJob("emulated-job-" + seeded.incrementAndGet()));
        }
        return ids;
    }

    public int jobCount() {
        return jobs.count();
    }

    /** The job as {@code GET /api/2.1/jobs/get} returns it (all tasks). */
    public Optional<ObjectNode> job(long jobId) {
        return jobs.find(jobId).map(j -> jobRenderer.render(j, "2.1", null));
    }

    public boolean deleteJob(long jobId) {
        return jobs.delete(jobId);
    }

    // ---- runs

    public int runCount() {
        return runs.count();
    }

    /** All run ids, ascending. */
    public List<Long> runIds() {
        return runs.runIds();
    }

    /** The run as {@code GET /api/2.1/jobs/runs/get} returns it, without counting as a poll. */
    public Optional<ObjectNode> run(long runId) {
        return runs.peek(runId, r -> runRenderer.render(r, "2.1", true, null));
    }

    /** The run's current {@code state.life_cycle_state}, without counting as a poll. */
    public Optional<String> lifeCycleState(long runId) {
        return runs.peek(runId, StoredRun::lifeCycleState);
    }

    /** Submits a one-time run as {@code runs/submit} would (request validated the same way); returns its id. */
    public long submitRun(ObjectNode submitRequest) {
        return JobsHandler.submit(this, submitRequest).runId();
    }

    /** Moves a run to the next step of its script now (the last step leads to its outcome). */
    public void advanceRun(long runId) {
        runs.advance(runId);
    }

    /** Ends a run now with {@code outcome}. */
    public void finishRun(long runId, RunOutcome outcome) {
        runs.finish(runId, outcome);
    }

    /**
     * {@code runs/list} shows the run only once the clock is {@code delay} past its creation, while {@code runs/get}
     * shows it at once: a run that becomes visible to listings late, with a {@code start_time} already in the past
     * (as the real service's list lags behind for some runs). Nothing else about the run changes.
     */
    public void delayListing(long runId, Duration delay) {
        runs.delayListing(runId, delay);
    }

    /** Cancels a run as {@code runs/cancel} does. */
    public void cancelRun(long runId) {
        runs.cancel(runId);
    }

    /**
     * The {@code runs/repair} request bodies the service accepted for this run, oldest first, exactly as sent
     * (so a test can assert the parameters and {@code latest_repair_id} a client passed). Refused repairs are not
     * listed.
     */
    public List<ObjectNode> repairRequests(long runId) {
        List<ObjectNode> bodies = new ArrayList<>();
        runs.repairs(runId).forEach(r -> bodies.add(r.request() == null ? Json.object() : r.request().deepCopy()));
        return bodies;
    }

    /** The ids of the repairs the service accepted for this run, oldest first. */
    public List<Long> repairIds(long runId) {
        List<Long> ids = new ArrayList<>();
        runs.repairs(runId).forEach(r -> ids.add(r.repairId()));
        return ids;
    }

    // ---- task output

    /**
     * What {@code runs/get-output} answers for the task runs of tasks with this {@code task_key} (in every run).
     * Rules are tried in the order added; the first match wins.
     */
    public void taskOutput(String taskKey, TaskOutput output) {
        taskOutputWhere(spec -> taskKey.equals(spec.path("task_key").asText()), output);
    }

    /** Like {@link #taskOutput(String, TaskOutput)} for the tasks whose specification matches. */
    public void taskOutputWhere(Predicate<ObjectNode> taskSpec, TaskOutput output) {
        outputRules.add(new OutputRule(taskSpec, output));
    }

    TaskOutput outputFor(ObjectNode taskSpec) {
        for (OutputRule rule : outputRules) {
            if (rule.taskSpec().test(taskSpec)) {
                return rule.output();
            }
        }
        return null;
    }

    // ---- lifecycle scripting

    /** The next run created fails (TERMINATED / FAILED, last task failed) after the default timing. */
    public void failNextRun() {
        failNextRun("Workload failed, see run output for details.");
    }

    public void failNextRun(String message) {
        scripts.scriptNextRunEndingWith(RunOutcome.failed(message));
    }

    /** The next run created ends with life_cycle_state INTERNAL_ERROR after the default timing. */
    public void internalErrorOnNextRun(String message) {
        scripts.scriptNextRunEndingWith(RunOutcome.internalError(message));
    }

    /** The next run created (after earlier queued ones) follows {@code script}. */
    public void scriptNextRun(RunScript script) {
        scripts.scriptNextRun(script);
    }

    /** Every new run matching {@code predicate} follows {@code script} (rules are tried in the order added). */
    public void scriptRunsWhere(Predicate<RunSpec> predicate, RunScript script) {
        scripts.addRule(predicate, script);
    }

    /** Every new run with this run name (for job runs: the job name) follows {@code script}. */
    public void scriptRunsNamed(String runName, RunScript script) {
        scriptRunsWhere(spec -> runName.equals(spec.runName()), script);
    }

    public RunScript defaultScript() {
        return scripts.defaultScript();
    }

    /** Replaces the script of runs that no rule or queued script claims. */
    public void defaultScript(RunScript script) {
        scripts.defaultScript(script);
    }

    /**
     * Deletes all jobs and runs and forgets queued scripts, rules and scripted task outputs; the default script
     * returns to its initial value.
     */
    public void reset() {
        runs.clear();
        jobs.clear();
        scripts.reset();
        outputRules.clear();
    }

    static List<ObjectNode> tasksOf(JsonNode settings) {
        List<ObjectNode> result = new ArrayList<>();
        JsonNode tasks = settings.path("tasks");
        if (tasks instanceof ArrayNode) {
            for (JsonNode t : tasks) {
                if (t instanceof ObjectNode) {
                    result.add((ObjectNode) t);
                }
            }
        }
        return result;
    }
}
