package io.camelbricks.emulator.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A job as the emulator holds it: id, creation facts and the settings (owned, never handed out uncopied). */
record StoredJob(long jobId, long createdTime, String creatorUserName, ObjectNode settings) {

    String name() {
        return settings.path("name").asText("Untitled");
    }

    int maxConcurrentRuns() {
        return settings.path("max_concurrent_runs").asInt(1);
    }

    boolean queueEnabled() {
        return settings.path("queue").path("enabled").asBoolean(false);
    }
}
