package io.camelbricks.api.jobs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.camelbricks.api.service.jobs.Run;

/**
 * The outputs of every task of a job run, read task run by task run ({@code runs/get-output} refuses a job run id
 * with "Retrieving the output of runs with multiple tasks is not supported"). Made by
 * {@link JobsExt#getRunOutputs(long)}.
 *
 * <pre>{@code
 * RunOutputs outputs = w.jobs().getRunOutputs(runId);
 * String rows = outputs.byTaskKey().get("ingest").notebookResult();
 * outputs.tasks().stream().filter(TaskRunOutput::isFailed).forEach(t -> log.warn("{}: {}", t.taskKey(), t.error()));
 * }</pre>
 *
 * @param run   the job run, all pages of its tasks merged
 * @param tasks one output per task key (the latest attempt of a retried or repaired task), in the run's task order
 */
public record RunOutputs(Run run, List<TaskRunOutput> tasks) {

    public RunOutputs {
        tasks = List.copyOf(tasks);
    }

    /** The outputs by task key, in the run's task order. */
    public Map<String, TaskRunOutput> byTaskKey() {
        Map<String, TaskRunOutput> map = new LinkedHashMap<>();
        for (TaskRunOutput t : tasks) {
            map.put(t.taskKey(), t);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The output of the task {@code taskKey}, if the run has that task. */
    public Optional<TaskRunOutput> task(String taskKey) {
        return Optional.ofNullable(byTaskKey().get(taskKey));
    }

    /** The outputs of the failed tasks ({@link TaskRunOutput#isFailed()}). */
    public List<TaskRunOutput> failedTasks() {
        return tasks.stream().filter(TaskRunOutput::isFailed).toList();
    }
}
