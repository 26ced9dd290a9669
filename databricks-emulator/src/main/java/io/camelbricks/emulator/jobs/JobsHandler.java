package io.camelbricks.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.KeysetPager;
import io.camelbricks.emulator.server.PageSizes;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Jobs API ({@code /api/2.0|2.1|2.2/jobs/...}): create, get, list, reset, update, delete, run-now, and
 * runs/submit, get, list, cancel, cancel-all, get-output, export, repair, delete.
 */
public final class JobsHandler implements ServiceHandler {

    private static final int JOBS_DEFAULT_LIMIT = 20;
    private static final int JOBS_MAX_LIMIT = 100;
    private static final int RUNS_DEFAULT_LIMIT = 20;
    private static final int RUNS_MAX_LIMIT = 25;
    private static final int IDEMPOTENCY_TOKEN_MAX = 64;
    private static final List<String> OVERRIDING_PARAMETERS = List.of("notebook_params", "python_params",
            "jar_params", "spark_submit_params", "python_named_params", "sql_params", "dbt_commands",
            "pipeline_params");

    private final EmulatedJobs jobs;
    private final PageSizes pageSizes;
    private final KeysetPager<StoredJob> jobPager = new KeysetPager<>("jobs", StoredJob::jobId, false);

    public JobsHandler(EmulatedJobs jobs) {
        this(jobs, new PageSizes(0));
    }

    /** @param pageSizes forced page sizes ({@code jobs.Jobs.list}, {@code jobs.Jobs.listRuns}) */
    public JobsHandler(EmulatedJobs jobs, PageSizes pageSizes) {
        this.jobs = jobs;
        this.pageSizes = pageSizes;
    }

    @Override
    public void register(Router router) {
        Set<String> v = Router.Versions.JOBS;
        router.post(v, "/jobs/create", this::create)
              .get(v, "/jobs/get", this::get)
              .get(v, "/jobs/list", this::list)
              .post(v, "/jobs/delete", this::delete)
              .post(v, "/jobs/run-now", this::runNow)
              .post(v, "/jobs/runs/submit", this::submit)
              .get(v, "/jobs/runs/get", this::getRun)
              .get(v, "/jobs/runs/list", this::listRuns)
              .post(v, "/jobs/runs/cancel", this::cancelRun)
              .post(v, "/jobs/reset", this::reset)
              .post(v, "/jobs/update", this::update)
              .post(v, "/jobs/runs/cancel-all", this::cancelAll)
              .get(v, "/jobs/runs/get-output", this::getOutput)
              .get(v, "/jobs/runs/export", this::export)
              .post(v, "/jobs/runs/repair", this::repair)
              .post(v, "/jobs/runs/delete", this::deleteRun);
    }

    // ---- jobs

    private ApiResponse create(ApiRequest request) {
        long jobId = jobs.createJob(request.body());
        ObjectNode json = Json.object();
        json.put("job_id", jobId);
        return ApiResponse.ok(json);
    }

    private ApiResponse get(ApiRequest request) {
        StoredJob job = jobs.jobs.get(request.requiredLong("job_id"));
        return ApiResponse.ok(jobs.jobRenderer.render(job, request.version(),
                request.optionalString("page_token").orElse(null)));
    }

    private ApiResponse list(ApiRequest request) {
        int limit = forced(limit(request, JOBS_DEFAULT_LIMIT, JOBS_DEFAULT_LIMIT, JOBS_MAX_LIMIT), "jobs.Jobs.list",
                "/jobs/list");
        long offset = request.optionalLong("offset").orElse(0);
        if (offset < 0) {
            throw ApiException.invalidParameter("Invalid offset: " + offset + ". offset must not be negative.");
        }
        boolean expandTasks = request.optionalBoolean("expand_tasks");
        String name = request.optionalString("name").filter(s -> !s.isEmpty()).orElse(null);
        KeysetPager.Page<StoredJob> page = jobs.jobs.page(jobPager, name, limit,
                request.optionalString("page_token").orElse(null), offset);
        ObjectNode json = Json.object();
        if (!page.items().isEmpty()) {
            ArrayNode array = json.putArray("jobs");
            page.items().forEach(j -> array.add(jobs.jobRenderer.renderListItem(j, expandTasks)));
        }
        json.put("has_more", page.hasMore());
        putTokens(json, page);
        return ApiResponse.ok(json);
    }

    private ApiResponse delete(ApiRequest request) {
        long jobId = request.requiredLong("job_id");
        if (!jobs.jobs.delete(jobId)) {
            throw ApiException.legacyDoesNotExist("Job " + jobId + " does not exist.");
        }
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse runNow(ApiRequest request) {
        ObjectNode body = request.body();
        StoredJob job = jobs.jobs.get(request.requiredLong("job_id"));
        List<ObjectNode> tasks = EmulatedJobs.tasksOf(job.settings());
        JsonNode only = body.get("only");
        if (only != null && !only.isNull()) {
            if (!only.isArray()) {
                throw ApiException.malformedRequest("expected an array for field 'only'");
            }
            Set<String> keys = new LinkedHashSet<>();
            only.forEach(k -> keys.add(k.asText()));
            for (String key : keys) {
                if (tasks.stream().noneMatch(t -> key.equals(t.path("task_key").asText()))) {
                    throw ApiException.invalidParameter("Task " + key + " does not exist in job " + job.jobId() + ".");
                }
            }
            List<ObjectNode> selected = new ArrayList<>();
            for (ObjectNode t : tasks) {
                if (keys.contains(t.path("task_key").asText())) {
                    selected.add(t);
                }
            }
            tasks = selected;
        }
        ObjectNode overriding = overridingParameters(body);
        Boolean queue = null;
        JsonNode queueNode = body.get("queue");
        if (queueNode != null && !queueNode.isNull()) {
            if (!queueNode.isObject()) {
                throw ApiException.malformedRequest("expected an object for field 'queue'");
            }
            queue = queueNode.path("enabled").asBoolean(false);
        }
        JsonNode clusters = job.settings().get("job_clusters");
        RunStore.Created created = jobs.runs.create(new RunStore.NewRun("JOB_RUN", job.jobId(), job.name(), tasks,
                idempotencyToken(body), overriding, jobParameters(job, body.get("job_parameters")),
                job.settings().path("timeout_seconds").asLong(0),
                clusters instanceof ArrayNode array ? array.deepCopy() : null, queue), job);
        ObjectNode json = Json.object();
        json.put("run_id", created.runId());
        json.put("number_in_job", created.runId());
        return ApiResponse.ok(json);
    }

    private static ObjectNode overridingParameters(ObjectNode body) {
        ObjectNode overriding = Json.object();
        for (String field : OVERRIDING_PARAMETERS) {
            JsonNode value = body.get(field);
            if (value != null && !value.isNull()) {
                overriding.set(field, value.deepCopy());
            }
        }
        return overriding;
    }

    private ApiResponse reset(ApiRequest request) {
        long jobId = request.requiredLong("job_id");
        JsonNode newSettings = request.body().get("new_settings");
        if (newSettings == null || newSettings.isNull()) {
            throw ApiException.missingField("new_settings");
        }
        if (!newSettings.isObject()) {
            throw ApiException.malformedRequest("expected an object for field 'new_settings'");
        }
        jobs.jobs.get(jobId);
        jobs.jobs.replaceSettings(jobId, JobSettings.fromCreateRequest((ObjectNode) newSettings));
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse update(ApiRequest request) {
        long jobId = request.requiredLong("job_id");
        ObjectNode body = request.body();
        StoredJob job = jobs.jobs.get(jobId);
        jobs.jobs.replaceSettings(jobId, JobSettings.update(job.settings(), body.get("new_settings"),
                body.get("fields_to_remove")));
        return ApiResponse.ok(Json.object());
    }

    private static ArrayNode jobParameters(StoredJob job, JsonNode given) {
        if (given != null && !given.isNull() && !given.isObject()) {
            throw ApiException.malformedRequest("expected an object for field 'job_parameters'");
        }
        ArrayNode result = Json.array();
        Set<String> seen = new LinkedHashSet<>();
        JsonNode definitions = job == null ? Json.array() : job.settings().path("parameters");
        for (JsonNode definition : definitions) {
            String name = definition.path("name").asText();
            seen.add(name);
            ObjectNode p = result.addObject();
            p.put("name", name);
            p.put("default", definition.path("default").asText(""));
            JsonNode value = given == null ? null : given.get(name);
            p.put("value", value == null || value.isNull() ? definition.path("default").asText("") : value.asText());
        }
        if (given != null && given.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = given.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (!seen.contains(f.getKey())) {
                    ObjectNode p = result.addObject();
                    p.put("name", f.getKey());
                    p.put("value", f.getValue().asText());
                }
            }
        }
        return result;
    }

    // ---- runs

    private ApiResponse submit(ApiRequest request) {
        ObjectNode json = Json.object();
        json.put("run_id", submit(jobs, request.body()).runId());
        return ApiResponse.ok(json);
    }

    static RunStore.Created submit(EmulatedJobs jobs, ObjectNode body) {
        List<ObjectNode> tasks = TaskValidator.validate(body.get("tasks"), true);
        JsonNode runName = body.get("run_name");
        if (runName != null && !runName.isNull() && !runName.isTextual()) {
            throw ApiException.malformedRequest("expected a string for field 'run_name'");
        }
        String name = runName == null || runName.isNull() || runName.asText().isEmpty() ? "Untitled" : runName.asText();
        JsonNode timeout = body.get("timeout_seconds");
        if (timeout != null && !timeout.isNull() && !timeout.canConvertToLong()) {
            throw ApiException.malformedRequest("expected an integer for field 'timeout_seconds'");
        }
        return jobs.runs.create(new RunStore.NewRun("SUBMIT_RUN", 0, name, tasks, idempotencyToken(body), null, null,
                timeout == null ? 0 : timeout.asLong(0), null, null));
    }

    private ApiResponse getRun(ApiRequest request) {
        long runId = request.requiredLong("run_id");
        String pageToken = request.optionalString("page_token").filter(s -> !s.isEmpty()).orElse(null);
        boolean firstPage = pageToken == null;
        boolean includeHistory = request.optionalBoolean("include_history");
        ObjectNode json = jobs.runs.observe(runId, firstPage, (run, task) -> task != null
                ? jobs.runRenderer.renderTaskRun(run, task)
                : jobs.runRenderer.render(run, request.version(), true, pageToken, includeHistory));
        return ApiResponse.ok(json);
    }

    private ApiResponse listRuns(ApiRequest request) {
        int limit = forced(limit(request, RUNS_DEFAULT_LIMIT, RUNS_MAX_LIMIT, RUNS_MAX_LIMIT), "jobs.Jobs.listRuns",
                "/jobs/runs/list");
        boolean activeOnly = request.optionalBoolean("active_only");
        boolean completedOnly = request.optionalBoolean("completed_only");
        if (activeOnly && completedOnly) {
            throw ApiException.invalidParameter("active_only and completed_only cannot both be true.");
        }
        OptionalLong jobId = request.optionalLong("job_id");
        String runType = request.optionalString("run_type").filter(s -> !s.isEmpty()).orElse(null);
        OptionalLong from = request.optionalLong("start_time_from");
        OptionalLong to = request.optionalLong("start_time_to");
        long offset = request.optionalLong("offset").orElse(0);
        boolean expandTasks = request.optionalBoolean("expand_tasks");
        Predicate<StoredRun> filter = run -> (jobId.isEmpty() || run.jobId == jobId.getAsLong())
                && (!activeOnly || !run.isTerminal())
                && (!completedOnly || run.isTerminal())
                && (runType == null || runType.equals(run.runType))
                && (from.isEmpty() || run.createdAt.toEpochMilli() >= from.getAsLong())
                && (to.isEmpty() || run.createdAt.toEpochMilli() <= to.getAsLong());
        KeysetPager.Page<ObjectNode> page = jobs.runs.list(filter, limit,
                request.optionalString("page_token").orElse(null), offset,
                run -> jobs.runRenderer.render(run, request.version(), expandTasks, null));
        ObjectNode json = Json.object();
        if (!page.items().isEmpty()) {
            json.putArray("runs").addAll(page.items());
        }
        json.put("has_more", page.hasMore());
        putTokens(json, page);
        return ApiResponse.ok(json);
    }

    private ApiResponse cancelRun(ApiRequest request) {
        jobs.runs.cancel(request.requiredLong("run_id"));
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse cancelAll(ApiRequest request) {
        OptionalLong jobId = request.optionalLong("job_id");
        boolean allQueued = request.optionalBoolean("all_queued_runs");
        if (jobId.isEmpty() && !allQueued) {
            throw ApiException.invalidParameter("Either job_id or all_queued_runs must be set.");
        }
        if (jobId.isPresent()) {
            jobs.jobs.get(jobId.getAsLong());
        }
        jobs.runs.cancelAll(jobId.isPresent() ? jobId.getAsLong() : null, allQueued);
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse deleteRun(ApiRequest request) {
        jobs.runs.delete(request.requiredLong("run_id"));
        return ApiResponse.ok(Json.object());
    }

    /**
     * Output of one task run. A job run id is refused as the service does from Jobs 2.1 on (even with one task);
     * under 2.0 a job run with exactly one task answers that task's output.
     */
    private ApiResponse getOutput(ApiRequest request) {
        long runId = request.requiredLong("run_id");
        String version = request.version();
        ObjectNode json = jobs.runs.observe(runId, false, (run, task) -> {
            StoredRun.TaskRun target = task;
            if (target == null) {
                if (!"2.0".equals(version) || run.tasks().size() != 1) {
                    throw ApiException.invalidParameter("Retrieving the output of runs with multiple tasks is not "
                            + "supported. Please retrieve the output of each individual task run instead.");
                }
                target = run.tasks().iterator().next();
            }
            return RunOutputRenderer.output(target, jobs.outputFor(target.spec),
                    jobs.runRenderer.renderTaskRun(run, target));
        });
        return ApiResponse.ok(json);
    }

    private ApiResponse export(ApiRequest request) {
        long runId = request.requiredLong("run_id");
        String views = request.optionalString("views_to_export").filter(s -> !s.isEmpty()).orElse("CODE");
        if (!Set.of("CODE", "DASHBOARDS", "ALL").contains(views)) {
            throw ApiException.invalidParameter("Invalid views_to_export: " + views
                    + ". Expected one of CODE, DASHBOARDS, ALL.");
        }
        ObjectNode json = jobs.runs.observe(runId, false, (run, task) -> {
            StoredRun.TaskRun target = task;
            if (target == null) {
                if (run.tasks().size() != 1) {
                    throw ApiException.invalidParameter("Exporting runs with multiple tasks is not supported. "
                            + "Please export each individual task run instead.");
                }
                target = run.tasks().iterator().next();
            }
            if (!target.spec.has("notebook_task")) {
                throw ApiException.invalidParameter("Run " + runId + " is not a notebook task run: only notebook "
                        + "runs can be exported.");
            }
            return RunOutputRenderer.export(target, jobs.outputFor(target.spec), views);
        });
        return ApiResponse.ok(json);
    }

    private ApiResponse repair(ApiRequest request) {
        long runId = request.requiredLong("run_id");
        ObjectNode body = request.body();
        List<String> rerunTasks = new ArrayList<>();
        JsonNode rerun = body.get("rerun_tasks");
        if (rerun != null && !rerun.isNull()) {
            if (!rerun.isArray()) {
                throw ApiException.malformedRequest("expected an array for field 'rerun_tasks'");
            }
            rerun.forEach(k -> rerunTasks.add(k.asText()));
        }
        OptionalLong latest = request.optionalLong("latest_repair_id");
        StoredRun run = jobs.runs.observe(runId, false, (r, task) -> r);
        StoredJob job = "JOB_RUN".equals(run.runType) ? jobs.jobs.find(run.jobId).orElse(null) : null;
        ArrayNode jobParameters = null;
        JsonNode givenParameters = body.get("job_parameters");
        if (givenParameters != null && !givenParameters.isNull()) {
            jobParameters = job != null ? jobParameters(job, givenParameters) : jobParameters(null, givenParameters);
        }
        java.util.function.Function<String, ObjectNode> currentSpec = job == null ? null : key -> {
            for (ObjectNode t : EmulatedJobs.tasksOf(job.settings())) {
                if (key.equals(t.path("task_key").asText())) {
                    return t;
                }
            }
            return null;
        };
        long repairId = jobs.runs.repair(new RunStore.RepairRequest(runId, rerunTasks,
                request.optionalBoolean("rerun_all_failed_tasks"), request.optionalBoolean("rerun_dependent_tasks"),
                latest.isPresent() ? latest.getAsLong() : null, overridingParameters(body), jobParameters,
                currentSpec, body));
        ObjectNode json = Json.object();
        json.put("repair_id", repairId);
        return ApiResponse.ok(json);
    }

    // ---- shared

    /** The limit within the emulator's forced page size for this list, if one is set. */
    private int forced(int limit, String... keys) {
        int max = pageSizes.forcedMax(keys);
        return max > 0 ? Math.min(limit, max) : limit;
    }

    private static int limit(ApiRequest request, int absent, int zero, int max) {
        OptionalLong given = request.optionalLong("limit");
        if (given.isEmpty()) {
            return absent;
        }
        long limit = given.getAsLong();
        if (limit == 0) {
            return zero;
        }
        if (limit < 0 || limit > max) {
            throw ApiException.invalidParameter("Invalid limit: " + limit + ". limit must be between 1 and " + max + ".");
        }
        return (int) limit;
    }

    private static String idempotencyToken(ObjectNode body) {
        JsonNode token = body.get("idempotency_token");
        if (token == null || token.isNull() || token.asText().isEmpty()) {
            return null;
        }
        if (!token.isTextual()) {
            throw ApiException.malformedRequest("expected a string for field 'idempotency_token'");
        }
        if (token.textValue().length() > IDEMPOTENCY_TOKEN_MAX) {
            throw ApiException.invalidParameter("idempotency_token must be at most " + IDEMPOTENCY_TOKEN_MAX
                    + " characters.");
        }
        return token.textValue();
    }

    private static void putTokens(ObjectNode json, KeysetPager.Page<?> page) {
        if (page.nextPageToken() != null) {
            json.put("next_page_token", page.nextPageToken());
        }
        if (page.prevPageToken() != null) {
            json.put("prev_page_token", page.prevPageToken());
        }
    }
}
