package io.camelbricks.api.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.service.jobs.NotebookTask;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunTask;
import io.camelbricks.api.service.jobs.SubmitRun;
import io.camelbricks.api.service.jobs.SubmitTask;
import io.camelbricks.api.service.jobs.TaskDependency;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.emulator.DatabricksEmulator;

/** What the jobs emulator tests share: a fast client and task builders. */
final class JobsTesting {
    private JobsTesting() {
    }

    /** A client with 2 ms polls and fast retries against {@code emu}. */
    static WorkspaceClient client(DatabricksEmulator emu) {
        return new WorkspaceClient(TestClients.fast(new DatabricksConfig().setHost(emu.url()).setToken(emu.token())
                .resolve(Map.of())));
    }

    static SubmitTask notebook(String key, String... dependsOn) {
        List<TaskDependency> deps = new ArrayList<>();
        for (String d : dependsOn) {
            deps.add(new TaskDependency().setTaskKey(d));
        }
        return new SubmitTask().setTaskKey(key).setNotebookTask(new NotebookTask().setNotebookPath("/Shared/" + key))
                .setDependsOn(deps.isEmpty() ? null : deps);
    }

    static SubmitRun submitRun(String name, SubmitTask... tasks) {
        return new SubmitRun().setRunName(name).setTasks(List.of(tasks));
    }

    static RunTask task(Run run, String key) {
        return run.getTasks().stream().filter(t -> key.equals(t.getTaskKey())).findFirst().orElseThrow();
    }
}
