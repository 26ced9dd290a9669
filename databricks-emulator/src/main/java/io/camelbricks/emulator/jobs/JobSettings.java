package io.camelbricks.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;

/** Turns a {@code jobs/create} request into stored job settings: validation and the service's defaults. */
final class JobSettings {

    private JobSettings() {
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
