package io.camelbricks.api.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.service.jobs.JobParameter;
import io.camelbricks.api.service.jobs.RepairHistoryItem;
import io.camelbricks.api.service.jobs.RepairRun;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunParameters;
import io.camelbricks.api.service.jobs.RunTask;

/** Builds the {@code runs/repair} request for a run (read with {@code include_history}) and {@link RepairOptions}. */
final class RepairRequests {
    private RepairRequests() {
    }

    static RepairRun of(Run run, RepairOptions options) {
        RepairRun request = new RepairRun().setRunId(run.getRunId());
        Long latest = latestRepairId(run);
        if (latest != null) {
            request.setLatestRepairId(latest);
        }
        List<String> tasks = options.rerunTasks() != null ? options.rerunTasks() : failedTaskKeys(run);
        request.setRerunTasks(tasks);
        if (options.rerunDependentTasks()) {
            request.setRerunDependentTasks(true);
        }
        Map<String, String> jobParameters = new LinkedHashMap<>();
        if (options.keepParameters()) {
            copyOverridingParameters(run.getOverridingParameters(), request);
            if (run.getJobParameters() != null) {
                for (JobParameter p : run.getJobParameters()) {
                    if (p.getName() != null) {
                        jobParameters.put(p.getName(), p.getValue() != null ? p.getValue() : p.getDefault());
                    }
                }
            }
        }
        jobParameters.putAll(options.jobParameters());
        jobParameters.values().removeIf(v -> v == null);
        if (!jobParameters.isEmpty()) {
            request.setJobParameters(jobParameters);
        }
        return request;
    }

    /**
     * The id of the run's latest repair from its {@code repair_history} (the API requires it from the second repair
     * on), or null when it was never repaired.
     */
    static Long latestRepairId(Run run) {
        Long latest = null;
        if (run.getRepairHistory() != null) {
            for (RepairHistoryItem item : run.getRepairHistory()) {
                boolean repair = item.getType() == null || "REPAIR".equals(item.getType().value());
                if (repair && item.getId() != null && (latest == null || item.getId() > latest)) {
                    latest = item.getId();
                }
            }
        }
        return latest;
    }

    private static List<String> failedTaskKeys(Run run) {
        List<String> keys = new ArrayList<>();
        for (RunTask task : JobsExt.latestAttempts(run)) {
            if (RunStates.isFailedTask(task)) {
                keys.add(task.getTaskKey());
            }
        }
        if (keys.isEmpty()) {
            throw new DatabricksException("run " + run.getRunId() + " has no failed task to repair ("
                    + RunStates.outcome(run.getState(), run.getStatus()) + "); name the tasks to re-run instead");
        }
        return keys;
    }

    private static void copyOverridingParameters(RunParameters p, RepairRun request) {
        if (p == null) {
            return;
        }
        request.setNotebookParams(p.getNotebookParams());
        request.setPythonParams(p.getPythonParams());
        request.setJarParams(p.getJarParams());
        request.setSparkSubmitParams(p.getSparkSubmitParams());
        request.setPythonNamedParams(p.getPythonNamedParams());
        request.setSqlParams(p.getSqlParams());
        request.setDbtCommands(p.getDbtCommands());
        request.setPipelineParams(p.getPipelineParams());
    }
}
