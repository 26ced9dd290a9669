package io.camelbricks.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.PageToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Renders a {@link StoredRun} as the Jobs API {@code Run} object (Jobs 2.2 shape, accepted by 2.0/2.1 clients). */
final class RunRenderer {

    /** Jobs 2.2 returns at most this many tasks (and job clusters, job parameters, repairs) per {@code runs/get} page. */
    static final int TASK_PAGE_SIZE = 100;

    private final Supplier<String> baseUrl;
    private final String userName;

    RunRenderer(Supplier<String> baseUrl, String userName) {
        this.baseUrl = baseUrl;
        this.userName = userName;
    }

    ObjectNode render(StoredRun run, String version, boolean includeTasks, String tasksPageToken) {
        return render(run, version, includeTasks, tasksPageToken, false);
    }

    /**
     * @param version        API version of the request (2.2 pages the arrays, older versions return all)
     * @param includeTasks   false for {@code runs/list} without expand_tasks
     * @param tasksPageToken {@code page_token} of a {@code runs/get} call, or null
     * @param includeHistory {@code include_history}: add {@code repair_history}
     */
    ObjectNode render(StoredRun run, String version, boolean includeTasks, String tasksPageToken,
                      boolean includeHistory) {
        ObjectNode json = Json.object();
        json.put("job_id", run.jobId);
        json.put("run_id", run.runId);
        json.put("number_in_job", run.runId);
        json.put("original_attempt_run_id", run.runId);
        json.put("creator_user_name", userName);
        json.put("run_name", run.runName);
        json.put("run_page_url", runPageUrl(run.jobId, run.runId));
        json.put("run_type", run.runType);
        json.put("trigger", "ONE_TIME");
        if (!"2.2".equals(version)) {
            json.put("format", "MULTI_TASK");
        }
        json.put("attempt_number", 0);
        json.set("state", state(run.lifeCycleState(), run.isTerminal(), run.outcome()));
        json.set("status", status(run.lifeCycleState(), run.isTerminal(), run.outcome()));
        long start = run.createdAt.toEpochMilli();
        json.put("start_time", start);
        json.put("setup_duration", 0);
        json.put("execution_duration", 0);
        json.put("cleanup_duration", 0);
        json.put("end_time", run.isTerminal() ? run.endedAt().toEpochMilli() : 0);
        if (run.isTerminal()) {
            json.put("run_duration", run.endedAt().toEpochMilli() - start);
        }
        if (run.startedAt() != null && run.startedAt().isAfter(run.createdAt)) {
            json.put("queue_duration", run.startedAt().toEpochMilli() - start);
        }
        if (run.idempotencyToken != null) {
            json.put("idempotency_token", run.idempotencyToken);
        }
        if (run.overridingParameters != null && !run.overridingParameters.isEmpty()) {
            json.set("overriding_parameters", run.overridingParameters.deepCopy());
        }
        if (!includeTasks) {
            putAll(json, "job_parameters", run.jobParameters);
            return json;
        }
        List<JsonNode> tasks = new ArrayList<>();
        run.tasks().forEach(t -> tasks.add(task(run, t)));
        List<JsonNode> history = includeHistory ? repairHistory(run) : List.of();
        if (!"2.2".equals(version)) {
            putAll(json, "job_clusters", run.jobClusters);
            putAll(json, "job_parameters", run.jobParameters);
            putList(json, "repair_history", history, includeHistory);
            json.putArray("tasks").addAll(tasks);
            return json;
        }
        String scope = "run-" + run.runId + "-tasks";
        int from = 0;
        if (tasksPageToken != null && !tasksPageToken.isEmpty()) {
            long offset = PageToken.decode(tasksPageToken, scope).boundary();
            if (offset < 0 || offset > Math.max(tasks.size(), history.size()) + TASK_PAGE_SIZE) {
                throw ApiException.invalidParameter("Invalid page token: " + tasksPageToken);
            }
            from = (int) offset;
        }
        int to = from + TASK_PAGE_SIZE;
        List<JsonNode> clusters = list(run.jobClusters);
        List<JsonNode> parameters = list(run.jobParameters);
        putList(json, "job_clusters", slice(clusters, from, to), false);
        putList(json, "job_parameters", slice(parameters, from, to), false);
        putList(json, "repair_history", slice(history, from, to), from == 0 && includeHistory);
        json.putArray("tasks").addAll(slice(tasks, from, to));
        int longest = Math.max(Math.max(tasks.size(), history.size()), Math.max(clusters.size(), parameters.size()));
        if (to < longest) {
            json.put("has_more", true);
            json.put("next_page_token", new PageToken(scope, true, to).encode());
        }
        if (from > 0) {
            json.put("prev_page_token", new PageToken(scope, true, Math.max(0, from - TASK_PAGE_SIZE)).encode());
        }
        return json;
    }

    /**
     * A task run as a {@code Run} ({@code runs/get} with a task run id, the {@code metadata} of
     * {@code runs/get-output}): the task's identity and state at the top, and the task itself in {@code tasks}.
     */
    ObjectNode renderTaskRun(StoredRun run, StoredRun.TaskRun task) {
        ObjectNode taskJson = task(run, task);
        ObjectNode json = Json.object();
        json.put("job_id", run.jobId);
        json.put("run_id", task.runId);
        json.put("job_run_id", run.runId);
        json.put("number_in_job", task.runId);
        json.put("original_attempt_run_id", task.originalAttemptRunId);
        json.put("creator_user_name", userName);
        json.put("run_name", run.runName);
        json.put("run_page_url", runPageUrl(run.jobId, task.runId));
        json.put("run_type", run.runType);
        json.put("trigger", "ONE_TIME");
        json.put("attempt_number", task.attemptNumber);
        for (String field : List.of("state", "status", "start_time", "setup_duration", "execution_duration",
                "cleanup_duration", "end_time", "run_duration")) {
            if (taskJson.has(field)) {
                json.set(field, taskJson.get(field).deepCopy());
            }
        }
        if (run.overridingParameters != null && !run.overridingParameters.isEmpty()) {
            json.set("overriding_parameters", run.overridingParameters.deepCopy());
        }
        putAll(json, "job_parameters", run.jobParameters);
        json.putArray("tasks").add(taskJson);
        return json;
    }

    String runPageUrl(long jobId, long runId) {
        return baseUrl.get() + "/#job/" + jobId + "/run/" + runId;
    }

    private ObjectNode task(StoredRun run, StoredRun.TaskRun task) {
        ObjectNode json = task.spec.deepCopy();
        json.put("task_key", task.taskKey);
        json.put("run_id", task.runId);
        json.put("attempt_number", task.attemptNumber);
        json.put("run_page_url", runPageUrl(run.jobId, task.runId));
        Instant started = task.phase.startedAt != null ? task.phase.startedAt : run.createdAt;
        long start = started.toEpochMilli();
        json.put("start_time", start);
        StoredRun.TaskEnd end = task.end;
        Instant runningSince = task.phase.runningSince;
        if (end == null) {
            String lifeCycle = run.taskLifeCycleState(task);
            ObjectNode state = json.putObject("state");
            state.put("life_cycle_state", lifeCycle);
            state.put("state_message", nonTerminalMessage(lifeCycle));
            state.put("user_cancelled_or_timedout", false);
            json.set("status", status(lifeCycle, false, null));
            json.put("setup_duration", 0);
            json.put("execution_duration", 0);
            json.put("end_time", 0);
        } else {
            long endTime = task.endedAt.toEpochMilli();
            ObjectNode state = json.putObject("state");
            state.put("life_cycle_state", end.lifeCycleState());
            if (end.resultState() != null) {
                state.put("result_state", end.resultState());
            }
            state.put("state_message", end.message());
            state.put("user_cancelled_or_timedout", end.userCancelledOrTimedOut());
            json.set("status", terminatedStatus(end.terminationCode(), end.terminationType(), end.message()));
            long executionStart = runningSince == null || runningSince.isAfter(task.endedAt) ? endTime
                    : runningSince.toEpochMilli();
            json.put("setup_duration", executionStart - start);
            json.put("execution_duration", endTime - executionStart);
            json.put("end_time", endTime);
            json.put("run_duration", endTime - start);
        }
        json.put("cleanup_duration", 0);
        return json;
    }

    private List<JsonNode> repairHistory(StoredRun run) {
        List<JsonNode> items = new ArrayList<>();
        for (StoredRun.Phase p : run.phases()) {
            ObjectNode item = Json.object();
            item.put("type", p.repairId == 0 ? "ORIGINAL" : "REPAIR");
            if (p.repairId != 0) {
                item.put("id", p.repairId);
            }
            Instant started = p.startedAt != null ? p.startedAt : run.createdAt;
            item.put("start_time", p.repairId == 0 ? run.createdAt.toEpochMilli() : started.toEpochMilli());
            item.put("end_time", p.terminal ? p.endedAt.toEpochMilli() : 0);
            String lifeCycle = run.isQueued() ? "QUEUED" : p.lifeCycleState();
            RunOutcome o = p.terminal ? p.runOutcome : p.outcome;
            item.set("state", state(lifeCycle, p.terminal, o));
            item.set("status", status(lifeCycle, p.terminal, o));
            ArrayNode ids = item.putArray("task_run_ids");
            p.tasks.forEach(t -> ids.add(t.runId));
            items.add(item);
        }
        return items;
    }

    private static ObjectNode state(String lifeCycle, boolean terminal, RunOutcome o) {
        ObjectNode state = Json.object();
        state.put("life_cycle_state", lifeCycle);
        if (terminal) {
            if (o.resultState() != null) {
                state.put("result_state", o.resultState());
            }
            state.put("state_message", o.stateMessage());
            state.put("user_cancelled_or_timedout", o.userCancelledOrTimedOut());
        } else {
            state.put("state_message", nonTerminalMessage(lifeCycle));
            state.put("user_cancelled_or_timedout", false);
            if ("QUEUED".equals(lifeCycle)) {
                state.put("queue_reason", "Queued due to reaching maximum concurrent runs of the job.");
            }
        }
        return state;
    }

    private static ObjectNode status(String lifeCycle, boolean terminal, RunOutcome o) {
        if (terminal) {
            return terminatedStatus(o.terminationCode(), o.terminationType(), o.stateMessage());
        }
        ObjectNode status = Json.object();
        status.put("state", v2State(lifeCycle));
        if ("QUEUED".equals(lifeCycle)) {
            ObjectNode queue = status.putObject("queue_details");
            queue.put("code", "MAX_CONCURRENT_RUNS_REACHED");
            queue.put("message", "Queued due to reaching maximum concurrent runs of the job.");
        }
        return status;
    }

    private static ObjectNode terminatedStatus(String code, String type, String message) {
        ObjectNode status = Json.object();
        status.put("state", "TERMINATED");
        ObjectNode details = status.putObject("termination_details");
        details.put("code", code);
        details.put("type", type);
        details.put("message", message == null ? "" : message);
        return status;
    }

    private static String v2State(String lifeCycle) {
        return "WAITING_FOR_RETRY".equals(lifeCycle) ? "WAITING" : lifeCycle;
    }

    static String nonTerminalMessage(String lifeCycle) {
        switch (lifeCycle) {
            case "PENDING":
                return "Waiting for cluster";
            case "QUEUED":
                return "Queued due to reaching maximum concurrent runs of the job.";
            case "BLOCKED":
                return "Blocked by an upstream run";
            case "RUNNING":
                return "In run";
            case "TERMINATING":
                return "Terminating";
            case "WAITING_FOR_RETRY":
                return "Waiting for retry";
            default:
                return "";
        }
    }

    private static List<JsonNode> list(ArrayNode array) {
        List<JsonNode> result = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> result.add(n.deepCopy()));
        }
        return result;
    }

    private static List<JsonNode> slice(List<JsonNode> items, int from, int to) {
        return from >= items.size() ? List.of() : items.subList(from, Math.min(items.size(), to));
    }

    private static void putAll(ObjectNode json, String field, ArrayNode array) {
        if (array != null && !array.isEmpty()) {
            json.set(field, array.deepCopy());
        }
    }

    private static void putList(ObjectNode json, String field, List<JsonNode> items, boolean evenIfEmpty) {
        if (!items.isEmpty() || evenIfEmpty) {
            json.putArray(field).addAll(items);
        }
    }
}
