package io.camelbricks.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import java.util.Iterator;
import java.util.Map;

/** Turns a {@code jobs/create} request into stored job settings: validation and the service's defaults. */
final class JobSettings {

    private JobSettings() {
    }

    /** Arrays of the settings that {@code jobs/update} merges by key instead of replacing. */
    private static final Map<String, String> KEYED_ARRAYS = Map.of("tasks", "task_key", "job_clusters",
            "job_cluster_key", "parameters", "name", "environments", "environment_key");

    /**
     * {@code jobs/update}: {@code fields_to_remove} first (top-level fields, or {@code tasks/<task_key>},
     * {@code job_clusters/<key>}, {@code parameters/<name>}, {@code environments/<key>}), then the top-level fields of
     * {@code new_settings} replace the current ones, except the keyed arrays whose entries replace or join the current
     * entries with the same key. The result is validated like {@code jobs/create}.
     */
    static ObjectNode update(ObjectNode current, JsonNode newSettings, JsonNode fieldsToRemove) {
        ObjectNode result = current.deepCopy();
        if (fieldsToRemove != null && !fieldsToRemove.isNull()) {
            if (!fieldsToRemove.isArray()) {
                throw ApiException.malformedRequest("expected an array for field 'fields_to_remove'");
            }
            for (JsonNode f : fieldsToRemove) {
                String field = f.asText();
                int slash = field.indexOf('/');
                if (slash < 0) {
                    result.remove(field);
                    continue;
                }
                String array = field.substring(0, slash);
                String key = field.substring(slash + 1);
                String keyField = KEYED_ARRAYS.get(array);
                if (keyField == null || key.isEmpty()) {
                    throw ApiException.invalidParameter("Invalid field in fields_to_remove: " + field
                            + ". Only top-level fields and tasks/<task_key>, job_clusters/<job_cluster_key>,"
                            + " parameters/<name> and environments/<environment_key> can be removed.");
                }
                JsonNode entries = result.get(array);
                if (entries instanceof ArrayNode arrayNode) {
                    for (int i = arrayNode.size() - 1; i >= 0; i--) {
                        if (key.equals(arrayNode.get(i).path(keyField).asText(null))) {
                            arrayNode.remove(i);
                        }
                    }
                }
            }
        }
        if (newSettings != null && !newSettings.isNull()) {
            if (!newSettings.isObject()) {
                throw ApiException.malformedRequest("expected an object for field 'new_settings'");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = newSettings.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String keyField = KEYED_ARRAYS.get(f.getKey());
                JsonNode existing = result.get(f.getKey());
                if (keyField != null && f.getValue().isArray() && existing instanceof ArrayNode merged) {
                    for (JsonNode entry : f.getValue()) {
                        String key = entry.path(keyField).asText(null);
                        boolean replaced = false;
                        for (int i = 0; i < merged.size() && key != null; i++) {
                            if (key.equals(merged.get(i).path(keyField).asText(null))) {
                                merged.set(i, entry.deepCopy());
                                replaced = true;
                                break;
                            }
                        }
                        if (!replaced) {
                            merged.add(entry.deepCopy());
                        }
                    }
                } else {
                    result.set(f.getKey(), f.getValue().deepCopy());
                }
            }
        }
        return fromCreateRequest(result);
    }

    static ObjectNode fromCreateRequest(ObjectNode request) {
        ObjectNode settings = request.deepCopy();
        settings.remove("access_control_list");
        TaskValidator.validate(settings.get("tasks"), false);
        JsonNode name = settings.get("name");
        if (name == null || name.isNull() || name.asText().isEmpty()) {
            settings.put("name", "Untitled");
        } else if (!name.isTextual()) {
            throw ApiException.malformedRequest("expected a string for field 'name'");
        }
        JsonNode max = settings.get("max_concurrent_runs");
        if (max == null || max.isNull()) {
            settings.put("max_concurrent_runs", 1);
        } else if (!max.canConvertToInt() || max.asInt() < 0 || max.asInt() > 1000) {
            throw ApiException.invalidParameter("max_concurrent_runs must be between 0 and 1000.");
        }
        if (!settings.has("timeout_seconds")) {
            settings.put("timeout_seconds", 0);
        }
        if (!settings.has("email_notifications")) {
            settings.putObject("email_notifications");
        }
        if (!settings.has("webhook_notifications")) {
            settings.putObject("webhook_notifications");
        }
        settings.put("format", "MULTI_TASK");
        return settings;
    }
}
