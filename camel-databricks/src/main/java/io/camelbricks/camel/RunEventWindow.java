package io.camelbricks.camel;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One poll of the run-events consumer: the runs it listed and what became of their exchanges, from which the next
 * cursor follows.
 * <ul>
 * <li>A run is <b>held</b> when the next poll must list it again: it is still in progress (its later states are still
 * to come), or the exchange of one of its events failed or was not handed over (the event must come again).</li>
 * <li>Listing to the end of the window: the next cursor is the oldest start among the held runs, else the newest start
 * seen (else the cursor stays).</li>
 * <li>A listing cut short ({@code maxMessagesPerPoll}, stopping, newest runs come first): the cursor does not advance,
 * and goes back to a held run older than it.</li>
 * </ul>
 * The window settles once the listing is closed and every exchange handed over completed; only then is the cursor
 * committed, so that it never passes an event whose exchange has not completed.
 */
final class RunEventWindow {
    /** The life_cycle_states after which a run changes no more. */
    static final Set<String> FINAL_LIFE_CYCLE_STATES = Set.of("TERMINATED", "SKIPPED", "INTERNAL_ERROR");

    private final long cursor;
    private final long from;
    private long newest = Long.MIN_VALUE;
    private long oldestHeld = Long.MAX_VALUE;
    private boolean complete;
    private int pending;
    private boolean closed;
    private boolean settled;

    RunEventWindow(long cursor, long from) {
        this.cursor = cursor;
        this.from = from;
    }

    /** The cursor the poll started from. */
    long cursor() {
        return cursor;
    }

    /** The oldest start_time the poll lists (the cursor minus the overlap). */
    long from() {
        return from;
    }

    /** The run's start_time, or the cursor when the run has none (then it does not move the cursor). */
    long startOf(JsonNode run) {
        long start = run.path("start_time").asLong(0);
        return start > 0 ? start : cursor;
    }

    /** Whether the run may still change: not in a final life_cycle_state (a run without a state may). */
    static boolean inProgress(JsonNode run) {
        JsonNode lifeCycle = run.at("/state/life_cycle_state");
        if (lifeCycle.isTextual()) {
            return !FINAL_LIFE_CYCLE_STATES.contains(lifeCycle.asText());
        }
        JsonNode status = run.at("/status/state");
        return !status.isTextual() || !status.asText().equals("TERMINATED");
    }

    /** A run of the listing. */
    synchronized void listed(long start, boolean inProgress) {
        newest = Math.max(newest, start);
        if (inProgress) {
            hold(start);
        }
    }

    /** The next poll must list the run started at {@code start} again. */
    synchronized void hold(long start) {
        oldestHeld = Math.min(oldestHeld, start);
    }

    /** The listing reached the end of the window (the oldest run at or after {@link #from()}). */
    synchronized void listedToTheEnd() {
        complete = true;
    }

    /** An exchange is handed over to the route. */
    synchronized void handedOver() {
        pending++;
    }

    /** An exchange handed over completed; returns whether the window thereby settled (then commit it, once). */
    synchronized boolean exchangeDone(long start, boolean failed) {
        pending--;
        if (failed) {
            hold(start);
        }
        return settle();
    }

    /** Every exchange of the poll was handed over (or held); returns whether the window settled. */
    synchronized boolean close() {
        closed = true;
        return settle();
    }

    synchronized boolean isSettled() {
        return settled;
    }

    private boolean settle() {
        if (closed && pending == 0 && !settled) {
            settled = true;
            return true;
        }
        return false;
    }

    /** Where the next poll starts; see the class comment. */
    synchronized long nextCursor() {
        if (!complete) {
            return Math.min(cursor, oldestHeld);
        }
        if (oldestHeld != Long.MAX_VALUE) {
            return oldestHeld;
        }
        return newest == Long.MIN_VALUE ? cursor : Math.max(cursor, newest);
    }
}
