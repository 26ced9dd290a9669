package io.camelbricks.emulator.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Function;

/**
 * One command of an execution context: Queued → Running → Finished as its {@link CommandScript} says (or Cancelled),
 * evaluated lazily when looked at. Its results are computed when it reaches Finished, so a mount it makes appears
 * then and not before. Guarded by the {@link ExecutionContexts} lock.
 */
final class StoredCommand {
    final String id;
    final String clusterId;
    final String contextId;
    final String code;
    private final CommandScript script;
    private final Function<StoredCommand, ObjectNode> evaluation;
    private String status = "Queued";
    private Instant stateSince;
    private int pollsInState;
    private ObjectNode results;

    StoredCommand(String id, String clusterId, String contextId, String code, CommandScript script, Instant now,
                  Function<StoredCommand, ObjectNode> evaluation) {
        this.id = id;
        this.clusterId = clusterId;
        this.contextId = contextId;
        this.code = code;
        this.script = script;
        this.stateSince = now;
        this.evaluation = evaluation;
    }

    String status() {
        return status;
    }

    ObjectNode results() {
        return results;
    }

    /** Applies the transitions that are due at {@code now}. */
    void settle(Instant now) {
        while (true) {
            CommandScript.Step step = switch (status) {
                case "Queued" -> script.queued();
                case "Running" -> script.running();
                default -> null;
            };
            if (step == null) {
                return;
            }
            Instant end = step.isTimed() ? stateSince.plus(step.duration()) : null;
            boolean due = step.isTimed() ? !now.isBefore(end) : pollsInState >= step.polls();
            if (!due) {
                return;
            }
            Instant at = end != null ? end : now;
            if ("Queued".equals(status)) {
                enter("Running", at);
            } else {
                results = evaluation.apply(this);
                enter("Finished", at);
            }
        }
    }

    /** Counts one look at the command ({@code commands/status}). */
    void observed() {
        pollsInState++;
    }

    /** commands/cancel: a command that has not finished is Cancelled and produces nothing. */
    void cancel(Instant now) {
        if ("Queued".equals(status) || "Running".equals(status)) {
            enter("Cancelled", now);
        }
    }

    private void enter(String next, Instant at) {
        status = next;
        stateSince = at;
        pollsInState = 0;
    }
}
