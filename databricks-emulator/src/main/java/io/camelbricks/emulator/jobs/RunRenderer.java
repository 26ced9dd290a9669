package io.camelbricks.emulator.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.PageToken;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** Renders a {@link StoredRun} as the Jobs API {@code Run} object (Jobs 2.2 shape, accepted by 2.0/2.1 clients). */
final class RunRenderer {

    /** Jobs 2.2 returns at most this many tasks per {@code runs/get} page. */
    static final int TASK_PAGE_SIZE = 100;

    private final Supplier<String> baseUrl;
    private final String userName;

    RunRenderer(Supplier<String> baseUrl, String userName) {
        this.baseUrl = baseUrl;
        this.userName = userName;
    }

    /**
     * @param version        API version of the request (2.2 pages tasks, older versions return all)
     * @param includeTasks   false for {@code runs/list} without expand_tasks
     * @param tasksPageToken {@code page_token} of a {@code runs/get} call, or null
     */
    ObjectNode render(StoredRun run, String version, boolean includeTasks, String tasksPageToken) {
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
        json.put("format", "MULTI_TASK");
        json.put("attempt_number", 0);
        json.set("state", state(run));
        json.set("status", status(run.lifeCycleState(), run.isTerminal(), run.outcome().terminationCode(),
                run.outcome().terminationType(), run.outcome().stateMessage()));
        long start = run.createdAt.toEpochMilli();
        json.put("start_time", start);
        json.put("setup_duration", 0);
        json.put("execution_duration", 0);
        json.put("cleanup_duration", 0);
        json.put("end_time", run.isTerminal() ? run.endedAt().toEpochMilli() : 0);
        if (run.isTerminal()) {
            json.put("run_duration", run.endedAt().toEpochMilli() - start);
        }
        if (run.idempotencyToken != null) {
            json.put("idempotency_token", run.idempotencyToken);
        }
        if (run.overridingParameters != null && !run.overridingParameters.isEmpty()) {
            json.set("overriding_parameters", run.overridingParameters.deepCopy());
        }
        if (run.jobParameters != null && !run.jobParameters.isEmpty()) {
            json.set("job_parameters", run.jobParameters.deepCopy());
        }
        if (includeTasks) {
            List<StoredRun.StoredTask> tasks = run.tasks;
            int from = 0;
            int to = tasks.size();
            if ("2.2".equals(version)) {
                String scope = "run-" + run.runId + "-tasks";
                if (tasksPageToken != null && !tasksPageToken.isEmpty()) {
                    long offset = PageToken.decode(tasksPageToken, scope).boundary();
                    if (offset < 0 || offset > tasks.size()) {
                        throw ApiException.invalidParameter("Invalid page token: " + tasksPageToken);
                    }
                    from = (int) offset;
                }
                to = Math.min(tasks.size(), from + TASK_PAGE_SIZE);
                if (to < tasks.size()) {
                    json.put("has_more", true);
                    json.put("next_page_token", new PageToken(scope, true, to).encode());
                }
                if (from > 0) {
                    json.put("prev_page_token",
                            new PageToken(scope, true, Math.max(0, from - TASK_PAGE_SIZE)).encode());
                }
            }
            ArrayNode array = json.putArray("tasks");
            for (StoredRun.StoredTask task : tasks.subList(from, to)) {
                array.add(task(run, task));
            }
        }
        return json;
    }

    String runPageUrl(long jobId, long runId) {
        return baseUrl.get() + "/#job/" + jobId + "/run/" + runId;
    }

    private ObjectNode task(StoredRun run, StoredRun.StoredTask task) {
        ObjectNode json = task.spec().deepCopy();
        json.put("task_key", task.taskKey());
        json.put("run_id", task.runId());
        json.put("attempt_number", 0);
        json.put("run_page_url", runPageUrl(run.jobId, task.runId()));
        long start = run.createdAt.toEpochMilli();
        json.put("start_time", start);
        StoredRun.TaskEnd end = run.isTerminal() ? run.taskEnd(task.taskKey()) : null;
        Instant runningSince = run.runningSince();
        if (end == null) {
            String lifeCycle = run.lifeCycleState();
            ObjectNode state = json.putObject("state");
            state.put("life_cycle_state", lifeCycle);
            state.put("state_message", nonTerminalMessage(lifeCycle));
            state.put("user_cancelled_or_timedout", false);
            json.set("status", status(lifeCycle, false, null, null, null));
            json.put("setup_duration", 0);
            json.put("execution_duration", 0);
            json.put("end_time", 0);
        } else {
            long endTime = run.endedAt().toEpochMilli();
            ObjectNode state = json.putObject("state");
            state.put("life_cycle_state", end.lifeCycleState());
            if (end.resultState() != null) {
                state.put("result_state", end.resultState());
            }
            state.put("state_message", end.message());
            state.put("user_cancelled_or_timedout", end.userCancelledOrTimedOut());
            json.set("status", status(end.lifeCycleState(), true, end.terminationCode(), end.terminationType(),
                    end.message()));
            long executionStart = runningSince == null ? endTime : runningSince.toEpochMilli();
            json.put("setup_duration", executionStart - start);
            json.put("execution_duration", endTime - executionStart);
            json.put("end_time", endTime);
        }
        json.put("cleanup_duration", 0);
        return json;
    }

    private static ObjectNode state(StoredRun run) {
        ObjectNode state = Json.object();
        String lifeCycle = run.lifeCycleState();
        state.put("life_cycle_state", lifeCycle);
        if (run.isTerminal()) {
            RunOutcome o = run.outcome();
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

    private static ObjectNode status(String lifeCycle, boolean terminal, String code, String type, String message) {
        ObjectNode status = Json.object();
        status.put("state", terminal ? "TERMINATED" : v2State(lifeCycle));
        if (terminal) {
            ObjectNode details = status.putObject("termination_details");
            details.put("code", code);
            details.put("type", type);
            details.put("message", message == null ? "" : message);
        } else if ("QUEUED".equals(lifeCycle)) {
            ObjectNode queue = status.putObject("queue_details");
            queue.put("code", "MAX_CONCURRENT_RUNS_REACHED");
            queue.put("message", "Queued due to reaching maximum concurrent runs of the job.");
        }
        return status;
    }

    private static String v2State(String lifeCycle) {
        return "WAITING_FOR_RETRY".equals(lifeCycle) ? "WAITING" : lifeCycle;
    }

    private static String nonTerminalMessage(String lifeCycle) {
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
}
