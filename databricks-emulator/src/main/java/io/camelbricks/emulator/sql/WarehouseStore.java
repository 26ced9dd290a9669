package io.camelbricks.emulator.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL warehouses, in creation order. Lifecycle: {@code STARTING → RUNNING}, {@code STOPPING → STOPPED},
 * {@code DELETED}; STARTING and STOPPING last a number of looks ({@code GET}, a list page, a statement waiting for
 * the warehouse) or an amount of clock time ({@link Timing}). A RUNNING warehouse with {@code auto_stop_mins} stops
 * when it has been idle that long on the clock. Thread-safe.
 */
final class WarehouseStore {

    /** How long a transition lasts: {@code polls} looks, or {@code duration} of clock time when set. */
    record Timing(int polls, Duration duration) {
        static Timing ofPolls(int polls) {
            if (polls < 0) {
                throw new IllegalArgumentException("polls must not be negative");
            }
            return new Timing(polls, null);
        }

        static Timing ofDuration(Duration duration) {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("duration must not be negative");
            }
            return new Timing(0, duration);
        }
    }

    static final class StoredWarehouse {
        final String id;
        final long sequence;
        ObjectNode config;
        String state;
        int pollsInState;
        Instant enteredAt;
        Instant lastActivity;

        StoredWarehouse(String id, long sequence, ObjectNode config, String state, Instant now) {
            this.id = id;
            this.sequence = sequence;
            this.config = config;
            this.state = state;
            this.enteredAt = now;
            this.lastActivity = now;
        }

        long sequence() {
            return sequence;
        }
    }

    private final Map<String, StoredWarehouse> warehouses = new LinkedHashMap<>();
    private long nextSequence = 1;
    private Timing startup = Timing.ofPolls(1);
    private Timing shutdown = Timing.ofPolls(1);

    synchronized void timings(Timing startup, Timing shutdown) {
        if (startup != null) {
            this.startup = startup;
        }
        if (shutdown != null) {
            this.shutdown = shutdown;
        }
    }

    synchronized StoredWarehouse create(String id, ObjectNode config, String state, Instant now) {
        StoredWarehouse w = new StoredWarehouse(id, nextSequence++, config.deepCopy(), state, now);
        warehouses.put(id, w);
        return w;
    }

    synchronized Optional<StoredWarehouse> find(String id) {
        return Optional.ofNullable(warehouses.get(id));
    }

    /** Brings the warehouse up to date; a look counts one poll of a STARTING or STOPPING state. */
    synchronized String observe(StoredWarehouse w, Instant now, boolean look) {
        settle(w, now);
        if (look && ("STARTING".equals(w.state) || "STOPPING".equals(w.state))) {
            Timing t = "STARTING".equals(w.state) ? startup : shutdown;
            if (t.duration() == null) {
                if (w.pollsInState >= t.polls()) {
                    enter(w, "STARTING".equals(w.state) ? "RUNNING" : "STOPPED", now);
                } else {
                    w.pollsInState++;
                }
            }
        }
        return w.state;
    }

    /** Clock-driven changes: timed transitions and auto stop. */
    private void settle(StoredWarehouse w, Instant now) {
        if ("STARTING".equals(w.state) || "STOPPING".equals(w.state)) {
            Timing t = "STARTING".equals(w.state) ? startup : shutdown;
            if (t.duration() != null && !now.isBefore(w.enteredAt.plus(t.duration()))) {
                Instant at = w.enteredAt.plus(t.duration());
                enter(w, "STARTING".equals(w.state) ? "RUNNING" : "STOPPED", at);
                w.lastActivity = at;
            } else if (t.duration() == null && t.polls() == 0) {
                enter(w, "STARTING".equals(w.state) ? "RUNNING" : "STOPPED", now);
            }
        }
        if ("RUNNING".equals(w.state)) {
            long autoStop = w.config.path("auto_stop_mins").asLong(0);
            if (autoStop > 0 && !now.isBefore(w.lastActivity.plus(Duration.ofMinutes(autoStop)))) {
                enter(w, "STOPPED", w.lastActivity.plus(Duration.ofMinutes(autoStop)));
            }
        }
    }

    private static void enter(StoredWarehouse w, String state, Instant at) {
        w.state = state;
        w.pollsInState = 0;
        w.enteredAt = at;
    }

    /** start: STOPPED/STOPPING → STARTING; RUNNING and STARTING stay. Returns false for a deleted warehouse. */
    synchronized boolean start(StoredWarehouse w, Instant now) {
        settle(w, now);
        if ("DELETED".equals(w.state)) {
            return false;
        }
        if ("STOPPED".equals(w.state) || "STOPPING".equals(w.state)) {
            enter(w, "STARTING", now);
            settle(w, now);
        }
        w.lastActivity = now;
        return true;
    }

    synchronized boolean stop(StoredWarehouse w, Instant now) {
        settle(w, now);
        if ("DELETED".equals(w.state)) {
            return false;
        }
        if ("RUNNING".equals(w.state) || "STARTING".equals(w.state)) {
            enter(w, "STOPPING", now);
            settle(w, now);
        }
        return true;
    }

    synchronized void delete(StoredWarehouse w, Instant now) {
        enter(w, "DELETED", now);
    }

    synchronized void force(StoredWarehouse w, String state, Instant now) {
        enter(w, state, now);
    }

    synchronized void touch(StoredWarehouse w, Instant now) {
        w.lastActivity = now;
    }

    synchronized void edit(StoredWarehouse w, ObjectNode config) {
        w.config = config.deepCopy();
    }

    /** Every warehouse that is not deleted, in creation order. */
    synchronized List<StoredWarehouse> list() {
        List<StoredWarehouse> result = new ArrayList<>();
        warehouses.values().stream().filter(w -> !"DELETED".equals(w.state)).forEach(result::add);
        return result;
    }

    synchronized ObjectNode config(StoredWarehouse w) {
        return w.config.deepCopy();
    }

    synchronized void clear() {
        warehouses.clear();
        nextSequence = 1;
        startup = Timing.ofPolls(1);
        shutdown = Timing.ofPolls(1);
    }

    static ObjectNode emptyConfig() {
        return Json.object();
    }
}
