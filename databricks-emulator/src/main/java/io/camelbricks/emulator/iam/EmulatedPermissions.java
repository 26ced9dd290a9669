package io.camelbricks.emulator.iam;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The access control lists set through the Permissions API, per object ({@code jobs/123}, {@code clusters/x}, ...),
 * test-facing side. An object nobody set permissions on has none here (the API shows its owner and admins).
 * Thread-safe (one lock).
 */
public final class EmulatedPermissions {

    /** "type/id" → principal key ("user:x", "group:x", "sp:x") → level, in insertion order. */
    private final Map<String, Map<String, String>> acls = new LinkedHashMap<>();

    /**
     * The direct entries of an object, principal key ({@code user:ada@example.com}, {@code group:analysts},
     * {@code sp:<application id>}) → level, once permissions were set on it.
     */
    public synchronized Optional<Map<String, String>> entries(String type, String id) {
        Map<String, String> entries = acls.get(type + "/" + id);
        return entries == null ? Optional.empty() : Optional.of(Map.copyOf(entries));
    }

    public synchronized void reset() {
        acls.clear();
    }

    /** Runs {@code change} on the object's entries (created empty), under the lock. */
    synchronized <T> T update(String type, String id, Function<Map<String, String>, T> change) {
        return change.apply(acls.computeIfAbsent(type + "/" + id, k -> new LinkedHashMap<>()));
    }

    /** A copy of the object's entries, or null when none were set. */
    synchronized Map<String, String> snapshot(String type, String id) {
        Map<String, String> entries = acls.get(type + "/" + id);
        return entries == null ? null : new LinkedHashMap<>(entries);
    }
}
