package io.camelbricks.emulator.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.camelbricks.emulator.server.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code dbutils} of the workspace's clusters, as far as the emulator runs it: DBFS mounts ({@code fs.mounts},
 * {@code mount}, {@code updateMount}, {@code unmount}, {@code refreshMounts}), {@code widgets.get} and
 * {@code jobs.taskValues.get}, over state a test sets. One per workspace, shared by all clusters (mounts are
 * workspace-wide on a real workspace too). Thread-safe.
 *
 * <p>Task values: while none is set, commands run as in a notebook attached to an interactive cluster, where
 * {@code taskValues.get} answers its {@code debugValue} (a TypeError when there is none). Once a test sets one,
 * commands run as a task of a job run: the value set, else {@code default}, else a ValueError.
 */
final class EmulatedDbUtils {

    private final Map<String, Mount> mounts = new LinkedHashMap<>();
    private final Map<String, String> widgets = new LinkedHashMap<>();
    private final Map<String, JsonNode> taskValues = new LinkedHashMap<>();

    EmulatedDbUtils() {
        seed();
    }

    // ---- state for tests

    synchronized List<Mount> mounts() {
        return List.copyOf(mounts.values());
    }

    synchronized void putMount(Mount mount) {
        mounts.put(mount.mountPoint(), mount);
    }

    synchronized void setWidget(String name, String value) {
        widgets.put(name, value);
    }

    synchronized void removeWidget(String name) {
        widgets.remove(name);
    }

    synchronized void setTaskValue(String taskKey, String key, JsonNode value) {
        taskValues.put(taskKey + "\u0000" + key, value.deepCopy());
    }

    synchronized void reset() {
        mounts.clear();
        widgets.clear();
        taskValues.clear();
        seed();
    }

    // ---- running a call

    /** The result of {@code call} as JSON, or the {@link PythonError} dbutils raises. */
    synchronized JsonNode run(DbUtilsCall call) {
        return switch (call.function()) {
            case "fs.mounts" -> listMounts(bind(call));
            case "fs.mount" -> mount(bind(call, "source", "mount_point", "encryption_type", "owner", "extra_configs"), false);
            case "fs.updateMount" ->
                    mount(bind(call, "source", "mount_point", "encryption_type", "owner", "extra_configs"), true);
            case "fs.unmount" -> unmount(bind(call, "mount_point"));
            case "fs.refreshMounts" -> refresh(bind(call));
            case "widgets.get" -> widget(bind(call, "name"));
            case "jobs.taskValues.get" -> taskValue(bind(call, "taskKey", "key", "default", "debugValue"));
            default -> throw new PythonError("AttributeError", "dbutils." + call.function()
                    + " is not emulated (the emulator runs fs.mounts, mount, updateMount, unmount, refreshMounts, "
                    + "widgets.get and jobs.taskValues.get)");
        };
    }

    private JsonNode listMounts(JsonNode[] none) {
        ArrayNode list = Json.array();
        for (Mount m : mounts.values()) {
            // a MountInfo is a namedtuple: json.dumps writes it as [mountPoint, source, encryptionType]
            list.addArray().add(m.mountPoint()).add(m.source()).add(m.encryptionType());
        }
        return list;
    }

    private JsonNode mount(JsonNode[] a, boolean update) {
        String source = requiredText(a[0], "source");
        String mountPoint = requiredText(a[1], "mount_point");
        String encryption = a[2] == null ? "" : a[2].asText();
        if (!mountPoint.startsWith("/")) {
            throw PythonError.javaException("java.lang.IllegalArgumentException",
                    "requirement failed: the mount point must be an absolute path: " + mountPoint);
        }
        String key = normalise(mountPoint);
        if (update != mounts.containsKey(key)) {
            throw PythonError.javaException("java.rmi.RemoteException", (update ? "Directory not mounted: "
                    : "Directory already mounted: ") + key);
        }
        Map<String, String> configs = new LinkedHashMap<>();
        if (a[4] != null && a[4].isObject()) {
            a[4].fields().forEachRemaining(e -> configs.put(e.getKey(), e.getValue().asText()));
        } else if (a[4] != null) {
            throw PythonError.typeError("extra_configs must be a dict");
        }
        mounts.put(key, new Mount(key, source, encryption, configs));
        return BooleanNode.TRUE;
    }

    private JsonNode unmount(JsonNode[] a) {
        String key = normalise(requiredText(a[0], "mount_point"));
        if (mounts.remove(key) == null) {
            throw PythonError.javaException("java.rmi.RemoteException", "Directory not mounted: " + key);
        }
        return BooleanNode.TRUE;
    }

    private JsonNode refresh(JsonNode[] none) {
        return BooleanNode.TRUE;
    }

    private JsonNode widget(JsonNode[] a) {
        String name = requiredText(a[0], "name");
        String value = widgets.get(name);
        if (value == null) {
            throw PythonError.javaException("com.databricks.dbutils_v1.InputWidgetNotDefined",
                    "No input widget named " + name + " is defined");
        }
        return TextNode.valueOf(value);
    }

    private JsonNode taskValue(JsonNode[] a) {
        String taskKey = requiredText(a[0], "taskKey");
        String key = requiredText(a[1], "key");
        if (taskValues.isEmpty()) {
            if (a[3] == null || a[3].isNull()) {
                throw PythonError.typeError("Must pass debugValue when calling get outside of a job context. "
                        + "debugValue cannot be None.");
            }
            return a[3];
        }
        JsonNode value = taskValues.get(taskKey + "\u0000" + key);
        if (value != null) {
            return value.deepCopy();
        }
        if (a[2] == null || a[2].isNull()) {
            throw PythonError.valueError("No value found for task key '" + taskKey + "' and key '" + key
                    + "', and no default was given.");
        }
        return a[2];
    }

    /** Positional arguments first, then keyword arguments by name; a TypeError as Python raises it otherwise. */
    private static JsonNode[] bind(DbUtilsCall call, String... names) {
        if (call.args().size() > names.length) {
            throw PythonError.typeError(call.function() + "() takes " + names.length + " positional arguments but "
                    + call.args().size() + " were given");
        }
        List<String> known = Arrays.asList(names);
        List<String> unknown = new ArrayList<>();
        call.kwargs().fieldNames().forEachRemaining(n -> {
            if (!known.contains(n)) {
                unknown.add(n);
            }
        });
        if (!unknown.isEmpty()) {
            throw PythonError.typeError(call.function() + "() got an unexpected keyword argument '" + unknown.get(0)
                    + "'");
        }
        JsonNode[] bound = new JsonNode[names.length];
        for (int i = 0; i < names.length; i++) {
            if (i < call.args().size() && call.kwargs().has(names[i])) {
                throw PythonError.typeError(call.function() + "() got multiple values for argument '" + names[i]
                        + "'");
            }
            Optional<JsonNode> value = call.argument(i, names[i]);
            bound[i] = value.orElse(null);
        }
        return bound;
    }

    private static String requiredText(JsonNode value, String name) {
        if (value == null || value.isNull()) {
            throw PythonError.typeError("missing required argument: '" + name + "'");
        }
        if (!value.isTextual()) {
            throw PythonError.typeError("argument '" + name + "' must be str, not " + value.getNodeType()
                    .toString().toLowerCase(java.util.Locale.ROOT));
        }
        return value.asText();
    }

    private static String normalise(String mountPoint) {
        return mountPoint.length() > 1 && mountPoint.endsWith("/")
                ? mountPoint.substring(0, mountPoint.length() - 1) : mountPoint;
    }

    /** The mounts every workspace has. */
    private void seed() {
        for (String[] m : new String[][] {{"/databricks-datasets", "databricks-datasets"},
                {"/Volumes", "UnityCatalogVolumes"}, {"/databricks/mlflow-tracking", "databricks/mlflow-tracking"},
                {"/databricks-results", "databricks-results"}, {"/", "DatabricksRoot"}}) {
            mounts.put(m[0], new Mount(m[0], m[1], m[0].equals("/") ? "sse-s3" : "", Map.of()));
        }
    }
}
