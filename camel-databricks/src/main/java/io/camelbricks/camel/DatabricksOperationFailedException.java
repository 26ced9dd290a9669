package io.camelbricks.camel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;

import io.camelbricks.api.wait.WaitFailedException;

/**
 * What a {@code wait=true} exchange waited for ended in a failure state: a state the operation's waiter counts as
 * failed (e.g. a run's {@code INTERNAL_ERROR}, a cluster's {@code ERROR}), or a state of {@code failOnResultState}
 * (e.g. a run's result state {@code FAILED}). It carries the state, the state message, the ids of the entity and
 * its page URL; the same values are in the exchange's headers ({@code CamelDatabricksFailedState},
 * {@code CamelDatabricksRunId}, ...), so that {@code onException} can route on them. The cause is the client's
 * {@link WaitFailedException}, which holds the last polled entity.
 */
public class DatabricksOperationFailedException extends RuntimeCamelException {
    private final String operation;
    private final String state;
    private final String stateMessage;
    private final Map<String, Object> ids;
    private final String runPageUrl;

    public DatabricksOperationFailedException(String operation, String state, String stateMessage,
                                              Map<String, Object> ids, String runPageUrl, WaitFailedException cause) {
        super(message(operation, state, stateMessage, ids, runPageUrl), cause);
        this.operation = operation;
        this.state = state;
        this.stateMessage = stateMessage;
        this.ids = Collections.unmodifiableMap(new LinkedHashMap<>(ids));
        this.runPageUrl = runPageUrl;
    }

    private static String message(String operation, String state, String stateMessage, Map<String, Object> ids,
                                  String runPageUrl) {
        StringBuilder sb = new StringBuilder("databricks:").append(operation);
        ids.forEach((field, value) -> sb.append(' ').append(field).append('=').append(value));
        sb.append(" ended in failure state ").append(state);
        if (stateMessage != null && !stateMessage.isBlank()) {
            sb.append(": ").append(stateMessage);
        }
        if (runPageUrl != null && !runPageUrl.isBlank()) {
            sb.append(" (").append(runPageUrl).append(')');
        }
        return sb.toString();
    }

    /** The operation as in the URI, e.g. {@code jobs/submit}. */
    public String getOperation() {
        return operation;
    }

    /** The failure state reached, e.g. {@code INTERNAL_ERROR}, {@code FAILED}, {@code SKIPPED}. */
    public String getState() {
        return state;
    }

    /** The entity's state message (e.g. a run's {@code state.state_message}), or null. */
    public String getStateMessage() {
        return stateMessage;
    }

    /** The ids of the entity by wire name, e.g. {@code run_id → 5000000001, job_id → 3000000001}. */
    public Map<String, Object> getIds() {
        return ids;
    }

    /** The run's page URL, or null. */
    public String getRunPageUrl() {
        return runPageUrl;
    }

    /** The last polled entity (e.g. the {@code Run}). */
    public Object getEntity() {
        return getCause().getEntity();
    }

    @Override
    public WaitFailedException getCause() {
        return (WaitFailedException) super.getCause();
    }
}
