package io.camelbricks.api.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link JobsExt#repairRun(long, RepairOptions)} re-runs and with which parameters.
 *
 * <pre>{@code
 * RepairOptions.allFailedTasks()                                  // every FAILED, TIMEDOUT, CANCELED, UPSTREAM_* task
 * RepairOptions.tasks("ingest").rerunDependentTasks(true)         // ingest and everything downstream of it
 * RepairOptions.allFailedTasks().jobParameters(Map.of("day", "2025-01-02"))   // replace one job parameter
 * }</pre>
 *
 * By default the run's own parameters are sent again ({@code job_parameters} from the run, and
 * {@code notebook_params}, {@code python_params}, ... from its {@code overriding_parameters}), so a repair runs with
 * what the run ran with; {@link #jobParameters(Map)} overrides single job parameters, {@link #keepParameters(boolean)}
 * {@code false} sends none.
 */
public final class RepairOptions {
    private final List<String> rerunTasks;
    private boolean rerunDependentTasks;
    private boolean keepParameters = true;
    private final Map<String, String> jobParameters = new LinkedHashMap<>();

    private RepairOptions(List<String> rerunTasks) {
        this.rerunTasks = rerunTasks;
    }

    /** Re-run every failed task of the run (see {@link RunStates#isFailedTask}). */
    public static RepairOptions allFailedTasks() {
        return new RepairOptions(null);
    }

    /** Re-run these tasks (by key), failed or not. */
    public static RepairOptions tasks(String... taskKeys) {
        return tasks(List.of(taskKeys));
    }

    /** Re-run these tasks (by key), failed or not. */
    public static RepairOptions tasks(List<String> taskKeys) {
        if (Objects.requireNonNull(taskKeys, "taskKeys").isEmpty()) {
            throw new IllegalArgumentException("no task keys given; use allFailedTasks() to repair every failed task");
        }
        return new RepairOptions(List.copyOf(taskKeys));
    }

    /** Also re-run the tasks that depend on the re-run ones, even if they succeeded ({@code rerun_dependent_tasks}). */
    public RepairOptions rerunDependentTasks(boolean value) {
        this.rerunDependentTasks = value;
        return this;
    }

    /** Whether to send the run's own parameters again (default true). */
    public RepairOptions keepParameters(boolean value) {
        this.keepParameters = value;
        return this;
    }

    /** Job parameters to send instead of the run's values (the others keep theirs). */
    public RepairOptions jobParameters(Map<String, String> values) {
        jobParameters.putAll(Objects.requireNonNull(values, "values"));
        return this;
    }

    /** The task keys given, or null for "all failed tasks". */
    public List<String> rerunTasks() {
        return rerunTasks;
    }

    public boolean rerunDependentTasks() {
        return rerunDependentTasks;
    }

    public boolean keepParameters() {
        return keepParameters;
    }

    public Map<String, String> jobParameters() {
        return Map.copyOf(jobParameters);
    }
}
