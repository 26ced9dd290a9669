package io.camelbricks.camel;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Message;

/**
 * Copies the key identifiers and states of a response, polled entity or listed item into
 * {@code CamelDatabricks*} headers, by looking at its JSON form, the same way for every operation: {@code run_id},
 * {@code job_id}, {@code cluster_id}, {@code statement_id}, {@code state.life_cycle_state},
 * {@code state.result_state}, and a plain state ({@code state} as text for clusters and warehouses, else
 * {@code status.state} for statements and runs).
 */
final class ResultHeaders {

    private record Rule(String path, String header, boolean number) {
    }

    private static final List<Rule> IDS = List.of(
            new Rule("run_id", DatabricksConstants.RUN_ID, true),
            new Rule("job_id", DatabricksConstants.JOB_ID, true),
            new Rule("cluster_id", DatabricksConstants.CLUSTER_ID, false),
            new Rule("statement_id", DatabricksConstants.STATEMENT_ID, false),
            new Rule("state.life_cycle_state", DatabricksConstants.LIFE_CYCLE_STATE, false),
            new Rule("state.result_state", DatabricksConstants.RESULT_STATE, false));

    /** Tried in order; the first textual value becomes {@link DatabricksConstants#STATE}. */
    private static final List<String> STATE_PATHS = List.of("state", "status.state", "status");

    /** Every header this class may set, cleared before a call so that none is stale from an earlier endpoint. */
    static final List<String> ALL = List.of(DatabricksConstants.RUN_ID, DatabricksConstants.JOB_ID,
            DatabricksConstants.CLUSTER_ID, DatabricksConstants.STATEMENT_ID, DatabricksConstants.LIFE_CYCLE_STATE,
            DatabricksConstants.RESULT_STATE, DatabricksConstants.STATE, DatabricksConstants.STATUS_CODE,
            DatabricksConstants.ERROR_CODE);

    private ResultHeaders() {
    }

    static void clear(Message message) {
        ALL.forEach(message::removeHeader);
    }

    /** Sets the headers found in {@code json} (an object); absent values leave headers as they are. */
    static void copy(JsonNode json, Message message) {
        if (json == null || !json.isObject()) {
            return;
        }
        for (Rule rule : IDS) {
            JsonNode value = at(json, rule.path());
            if (value != null) {
                message.setHeader(rule.header(), rule.number() && value.canConvertToLong() ? (Object) value.asLong()
                        : value.asText());
            }
        }
        for (String path : STATE_PATHS) {
            JsonNode value = at(json, path);
            if (value != null) {
                message.setHeader(DatabricksConstants.STATE, value.asText());
                break;
            }
        }
    }

    /** The scalar at a dotted path, or null when absent, null or not a scalar. */
    static JsonNode at(JsonNode json, String dottedPath) {
        JsonNode node = json;
        for (String part : dottedPath.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(part);
        }
        return node == null || node.isNull() || node.isContainerNode() ? null : node;
    }
}
