package io.camelbricks.emulator.sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One statement and its state machine (see {@link StatementScript}); brought up to date when it is looked at.
 * Guarded by its own monitor.
 */
final class StoredStatement {

    /** A slice of the result rows. */
    record Chunk(int index, int rowOffset, int rowCount, long byteCount) {
    }

    /** Everything the request asked for. */
    record Request(String warehouseId, String statement, String catalog, String schema,
                   List<SqlEngine.Parameter> parameters, String disposition, String format, long rowLimit,
                   long byteLimit) {
    }

    final String id;
    final Request request;
    final StatementScript script;
    final Instant createdAt;

    private String state = "PENDING";
    private int stepIndex;
    private int pollsInStep;
    private Instant stepEnteredAt;
    private boolean started;
    private String errorCode;
    private String errorMessage;
    private QueryResult result;
    private List<Chunk> chunks = List.of();
    private Instant finishedAt;

    StoredStatement(String id, Request request, StatementScript script, Instant createdAt) {
        this.id = id;
        this.request = request;
        this.script = script;
        this.createdAt = createdAt;
    }

    /** What runs the SQL at the end of the script (or throws {@link SqlFailure}). */
    interface Runner {
        QueryResult run(Request request);
    }

    /** The state after one look at {@code now}. */
    synchronized String look(Instant now, Supplier<Boolean> warehouseReady, Runner runner, ChunkPlanner planner) {
        if (isTerminal()) {
            return state;
        }
        if (!started) {
            if (!warehouseReady.get()) {
                state = "PENDING";
                return state;
            }
            started = true;
            stepEnteredAt = now;
        }
        List<StatementScript.Step> steps = script.steps();
        while (true) {
            if (stepIndex >= steps.size()) {
                finish(now, runner, planner);
                return state;
            }
            StatementScript.Step step = steps.get(stepIndex);
            if (step.timed()) {
                Instant end = stepEnteredAt.plus(step.duration());
                if (now.isBefore(end)) {
                    state = step.state();
                    return state;
                }
                stepEnteredAt = end;
            } else {
                if (pollsInStep < step.polls()) {
                    pollsInStep++;
                    state = step.state();
                    return state;
                }
                stepEnteredAt = now;
            }
            stepIndex++;
            pollsInStep = 0;
        }
    }

    /** Splits a result into chunks. */
    interface ChunkPlanner {
        List<Chunk> plan(QueryResult result, String format);
    }

    private void finish(Instant now, Runner runner, ChunkPlanner planner) {
        finishedAt = now;
        if (script.fails()) {
            fail(script.failCode(), script.failMessage());
            return;
        }
        try {
            result = runner.run(request);
            chunks = planner.plan(result, request.format());
            state = "SUCCEEDED";
        } catch (SqlFailure e) {
            fail(e.errorCode(), e.getMessage());
        }
    }

    private void fail(String code, String message) {
        state = "FAILED";
        errorCode = code;
        errorMessage = message;
        result = null;
    }

    /** Cancels a statement that has not ended; returns false when it had. */
    synchronized boolean cancel(Instant now) {
        if (isTerminal()) {
            return false;
        }
        state = "CANCELED";
        finishedAt = now;
        return true;
    }

    /** SUCCEEDED results are dropped after {@code retention}: the state becomes CLOSED. */
    synchronized void expire(Instant now, java.time.Duration retention) {
        if ("SUCCEEDED".equals(state) && finishedAt != null && !now.isBefore(finishedAt.plus(retention))) {
            state = "CLOSED";
            result = null;
            chunks = List.of();
        }
    }

    synchronized boolean isTerminal() {
        return !"PENDING".equals(state) && !"RUNNING".equals(state);
    }

    synchronized String state() {
        return state;
    }

    synchronized String errorCode() {
        return errorCode;
    }

    synchronized String errorMessage() {
        return errorMessage;
    }

    synchronized QueryResult result() {
        return result;
    }

    synchronized List<Chunk> chunks() {
        return new ArrayList<>(chunks);
    }
}
