package io.camelbricks.camel;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.spi.StateRepository;

/**
 * Where the run-events consumer ({@code jobs/listRuns?emit=changes}) starts its next listing: a {@code start_time}
 * (epoch ms), kept in a {@link StateRepository} under {@link #key()} so that a restart goes on from it.
 * <p>
 * Each poll lists the runs started from the cursor minus the {@code overlap} (a run may become visible to listings
 * with a {@code start_time} already a little in the past). After the poll's exchanges completed, the cursor moves to
 * the oldest start among the runs it must look at again (still in progress, or whose exchange failed), else to the
 * newest start it saw; see {@link RunEventWindow}. With no persisted cursor it starts at {@code startFrom}.
 */
final class RunEventCursor {
    /** {@code startFrom} values: the present, or the whole run history. */
    static final String NOW = "now";
    static final String EARLIEST = "earliest";
    /** Default overlap: runs may show up in listings a few minutes after their start_time. */
    static final long DEFAULT_OVERLAP_MILLIS = 5 * 60_000L;
    /** Request fields that page or shape the listing, not select runs: not part of the cursor's key. */
    private static final Set<String> NOT_FILTERS = Set.of("limit", "offset", "page_token", "expand_tasks");

    private final StateRepository<String, String> repository;
    private final String key;
    private final long overlapMillis;
    private final String startFrom;
    private final LongSupplier clock;

    RunEventCursor(StateRepository<String, String> repository, String key, long overlapMillis, String startFrom,
                   LongSupplier clock) {
        this.repository = repository;
        this.key = key;
        this.overlapMillis = Math.max(0, overlapMillis);
        this.startFrom = startFrom == null || startFrom.isBlank() ? NOW : startFrom.strip();
        this.clock = clock;
    }

    /**
     * {@code databricks:jobs/listRuns}, followed by the listing filters set on the URI in wire names and sorted
     * ({@code ?job_id=42&run_type=JOB_RUN}): consumers of different jobs keep different cursors, and the key does
     * not change with the connection or polling options.
     */
    static String keyFor(String path, Map<String, JsonNode> uriFields) {
        Map<String, String> filters = new TreeMap<>();
        uriFields.forEach((field, value) -> {
            if (!NOT_FILTERS.contains(field)) {
                filters.put(field, value.isValueNode() ? value.asText() : value.toString());
            }
        });
        StringBuilder key = new StringBuilder("databricks:").append(path);
        String separator = "?";
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            key.append(separator).append(filter.getKey()).append('=').append(filter.getValue());
            separator = "&";
        }
        return key.toString();
    }

    /** The key of the cursor in the state repository: the endpoint's operation and its listing filters. */
    String key() {
        return key;
    }

    /** The persisted cursor, else {@code startFrom} (now: the clock's time; earliest: 0). */
    long current() {
        String stored = repository.getState(key);
        if (stored != null && !stored.isBlank()) {
            try {
                return Long.parseLong(stored.strip());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("The run-events cursor " + key + " in the stateRepository is not an"
                        + " epoch-millisecond start_time: '" + stored + "'", e);
            }
        }
        return initial(startFrom, clock);
    }

    /** Opens the window of one poll: from the cursor minus the overlap. */
    RunEventWindow open() {
        long cursor = current();
        return new RunEventWindow(cursor, Math.max(0, cursor - overlapMillis));
    }

    /** Persists where the next poll starts (called once the poll's exchanges completed). */
    void commit(RunEventWindow window) {
        repository.setState(key, Long.toString(window.nextCursor()));
    }

    /**
     * Validates a {@code startFrom} option: {@code now}, {@code earliest}, an ISO-8601 instant
     * ({@code 2026-11-01T00:00:00Z}) or epoch milliseconds.
     */
    static long initial(String startFrom, LongSupplier clock) {
        String text = startFrom.strip().toLowerCase(Locale.ROOT);
        if (text.equals(NOW)) {
            return clock.getAsLong();
        }
        if (text.equals(EARLIEST)) {
            return 0;
        }
        if (text.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(text);
        }
        try {
            return Instant.parse(startFrom.strip()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("startFrom must be now, earliest, an ISO-8601 instant (e.g."
                    + " 2026-11-01T00:00:00Z) or epoch milliseconds, not '" + startFrom + "'", e);
        }
    }
}
