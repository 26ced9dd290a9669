package io.camelbricks.api.dbutils;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.camelbricks.api.DatabricksException;

/** {@code dbutils.jobs} on the cluster. */
public final class RemoteJobs {
    private final TaskValues taskValues;

    RemoteJobs(RemoteDbUtils remote) {
        this.taskValues = new TaskValues(remote);
    }

    public TaskValues taskValues() {
        return taskValues;
    }

    /** {@code dbutils.jobs.taskValues}: values set by earlier tasks of the job run the cluster runs. */
    public static final class TaskValues {
        private final RemoteDbUtils remote;

        TaskValues(RemoteDbUtils remote) {
            this.remote = remote;
        }

        /**
         * {@code dbutils.jobs.taskValues.get(taskKey, key, default, debugValue)} as JSON: inside a job run the value
         * task {@code taskKey} set, else {@code defaultValue}; outside a job run {@code debugValue}. Nulls are left
         * out, so dbutils raises where it would (no value and no default, or no debugValue outside a job).
         */
        public JsonNode getJson(String taskKey, String key, Object defaultValue, Object debugValue) {
            Map<String, Object> kwargs = new LinkedHashMap<>();
            kwargs.put("default", defaultValue);
            kwargs.put("debugValue", debugValue);
            return remote.call(new DbUtilsCall("jobs.taskValues.get", List.of(taskKey, key), kwargs));
        }

        /** As {@link #getJson}, as plain Java (String, Integer/Long/Double, Boolean, List, Map, or null). */
        public Object get(String taskKey, String key, Object defaultValue, Object debugValue) {
            return get(taskKey, key, defaultValue, debugValue, Object.class);
        }

        /** As {@link #getJson}, read as {@code type}. */
        public <T> T get(String taskKey, String key, T defaultValue, T debugValue, Class<T> type) {
            JsonNode value = getJson(taskKey, key, defaultValue, debugValue);
            try {
                return remote.api().mapper().treeToValue(value, type);
            } catch (JsonProcessingException e) {
                throw new DatabricksException("task value " + taskKey + "/" + key + " is not a " + type.getSimpleName()
                        + ": " + value, e);
            }
        }
    }
}
