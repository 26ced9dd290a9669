package io.camelbricks.emulator.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.clusters.EmulatedClusters;
import io.camelbricks.emulator.server.Json;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Command Execution API (API 1.2) as a test sees it ({@code emulator.commands()}): the {@code dbutils} state of the
 * clusters (mounts, widgets, task values), the lifecycle of commands, and what was run.
 *
 * <pre>{@code
 * emu.commands().setWidget("date", "2025-01-01");
 * emu.commands().setTaskValue("ingest", "rows", 1234);          // commands now run as a task of a job run
 * emu.commands().script(CommandScript.of(Step.polls(2), Step.lasting(Duration.ofSeconds(30))));
 * emu.commands().mounts();  emu.commands().openContexts(clusterId);  emu.commands().destroyedContexts();
 * }</pre>
 *
 * The emulator runs no code: a command must be a call of the camelbricks dbutils call protocol (see
 * {@link DbUtilsCall}); anything else finishes with a Python error naming the protocol.
 */
public final class EmulatedCommands {

    final EmulatedClusters clusters;
    final ExecutionContexts contexts;
    final EmulatedDbUtils dbutils = new EmulatedDbUtils();
    private volatile CommandScript script = CommandScript.defaults();

    public EmulatedCommands(Clock clock, EmulatedClusters clusters) {
        this.clusters = clusters;
        this.contexts = new ExecutionContexts(clock);
    }

    // ---- dbutils state

    /** The DBFS mounts, in mount order (a new workspace has {@code /}, {@code /databricks-datasets}, ...). */
    public List<Mount> mounts() {
        return dbutils.mounts();
    }

    public Optional<Mount> mount(String mountPoint) {
        return mounts().stream().filter(m -> m.mountPoint().equals(mountPoint)).findFirst();
    }

    /** Adds or replaces a mount, as {@code dbutils.fs.mount} would. */
    public void putMount(String mountPoint, String source, Map<String, String> extraConfigs) {
        dbutils.putMount(new Mount(mountPoint, source, "", extraConfigs));
    }

    /** The value {@code dbutils.widgets.get(name)} answers. */
    public void setWidget(String name, String value) {
        dbutils.setWidget(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    }

    public void removeWidget(String name) {
        dbutils.removeWidget(name);
    }

    /**
     * A task value of the job run the commands run in ({@code dbutils.jobs.taskValues.set} by task {@code taskKey});
     * {@code value} is anything Jackson writes as JSON. From now on commands run as a task of a job run.
     */
    public void setTaskValue(String taskKey, String key, Object value) {
        dbutils.setTaskValue(taskKey, key, Json.MAPPER.valueToTree(value));
    }

    // ---- lifecycle and inspection

    public CommandScript script() {
        return script;
    }

    /** How long commands stay Queued and Running from now on (default: one poll each). */
    public void script(CommandScript script) {
        this.script = Objects.requireNonNull(script, "script");
    }

    /** Ids of the open execution contexts of a cluster ({@code null}: of all clusters). */
    public List<String> openContexts(String clusterId) {
        return contexts.open(clusterId);
    }

    /** Ids of the contexts destroyed with {@code contexts/destroy}, in order. */
    public List<String> destroyedContexts() {
        return contexts.destroyed();
    }

    /** The code of every command executed, in order. */
    public List<String> executedCode() {
        return contexts.codes();
    }

    /** No contexts or commands, the seeded mounts, no widgets or task values, the default script. */
    public void reset() {
        contexts.clear();
        dbutils.reset();
        script = CommandScript.defaults();
    }

    /** The {@code results} of a finished command: its dbutils call run, or the Python error it raised. */
    ObjectNode evaluate(StoredCommand command, String language) {
        try {
            if (!"python".equals(language)) {
                throw PythonError.syntaxError("the Databricks emulator runs no " + language + "; it answers only the "
                        + "camelbricks dbutils call protocol " + DbUtilsCall.VERSION + " in a python context");
            }
            ObjectNode results = Json.object();
            results.put("resultType", "text");
            results.put("data", Json.MAPPER.writeValueAsString(dbutils.run(DbUtilsCall.parse(command.code))));
            return results;
        } catch (PythonError e) {
            return e.results("<command-" + command.id + ">");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new PythonError("TypeError", e.getOriginalMessage()).results("<command-" + command.id + ">");
        }
    }
}
