package io.camelbricks.camel;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Message;

/**
 * Copies the key identifiers and states of a response, polled entity or listed item into
 * {@code CamelDatabricks*} headers, by looking at its JSON form, the same way for every operation. Each header
 * takes the first of its paths present in the JSON.
 */
final class ResultHeaders {

    /** A header and the JSON paths it is read from, in order of preference. */
    private record Rule(String header, boolean number, List<String> paths, List<String[]> splitPaths) {
        Rule(String header, boolean number, List<String> paths) {
            this(header, number, paths, paths.stream().map(path -> path.split("\\.")).toList());
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(DatabricksConstants.RUN_ID, true, List.of("run_id")),
            new Rule(DatabricksConstants.JOB_ID, true, List.of("job_id")),
            new Rule(DatabricksConstants.CLUSTER_ID, false, List.of("cluster_id")),
            new Rule(DatabricksConstants.STATEMENT_ID, false, List.of("statement_id")),
            new Rule(DatabricksConstants.PIPELINE_ID, false, List.of("pipeline_id")),
            new Rule(DatabricksConstants.LIFE_CYCLE_STATE, false, List.of("state.life_cycle_state")),
            new Rule(DatabricksConstants.RESULT_STATE, false, List.of("state.result_state")),
            // the plain state: text state (clusters, warehouses, pipelines), else status.state (statements, runs)
            new Rule(DatabricksConstants.STATE, false, List.of("state", "status.state", "status")),
            new Rule(DatabricksConstants.STATE_MESSAGE, false, List.of("state.state_message", "state_message",
                    "status.error.message", "status.termination_details.message", "status.message")),
            new Rule(DatabricksConstants.TERMINATION_CODE, false, List.of("status.termination_details.code",
                    "termination_reason.code")),
            new Rule(DatabricksConstants.TERMINATION_TYPE, false, List.of("status.termination_details.type",
                    "termination_reason.type")),
            new Rule(DatabricksConstants.RUN_PAGE_URL, false, List.of("run_page_url")));

    /** Every header this component sets on a result, cleared before a call so that none is stale. */
    static final List<String> ALL = List.of(DatabricksConstants.RUN_ID, DatabricksConstants.JOB_ID,
            DatabricksConstants.CLUSTER_ID, DatabricksConstants.STATEMENT_ID, DatabricksConstants.PIPELINE_ID,
            DatabricksConstants.LIFE_CYCLE_STATE, DatabricksConstants.RESULT_STATE, DatabricksConstants.STATE,
            DatabricksConstants.STATE_MESSAGE, DatabricksConstants.TERMINATION_CODE,
            DatabricksConstants.TERMINATION_TYPE, DatabricksConstants.RUN_PAGE_URL, DatabricksConstants.STATUS_CODE,
            DatabricksConstants.RETRIES, DatabricksConstants.ERROR_CODE, DatabricksConstants.WAIT_TIMED_OUT,
            DatabricksConstants.FAILED_STATE);

    private ResultHeaders() {
    }

    /** {@link #ALL}, ignoring case as Camel's headers do. */
    private static final Set<String> ALL_NAMES = all();

    private static Set<String> all() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(ALL);
        return Collections.unmodifiableSet(names);
    }

    static void clear(Message message) {
        if (!message.hasHeaders()) {
            return;
        }
        Map<String, Object> headers = message.getHeaders();
        if (headers.size() < ALL.size()) {
            headers.keySet().removeIf(ALL_NAMES::contains); // fewer headers than names: one pass over the headers
        } else {
            ALL.forEach(message::removeHeader);
        }
    }

    /** Sets the headers found in {@code json} (an object); absent values leave headers as they are. */
    static void copy(JsonNode json, Message message) {
        if (json == null || !json.isObject()) {
            return;
        }
        for (Rule rule : RULES) {
            for (String path : rule.paths()) {
                JsonNode value = at(json, path);
                if (value != null) {
                    message.setHeader(rule.header(), rule.number() && value.canConvertToLong()
                            ? (Object) value.asLong() : value.asText());
                    break;
                }
            }
        }
    }

    /**
     * Sets the headers found in {@code value} (a response, polled entity or listed item: a typed model, a Map or a
     * JSON tree), read through {@code fields} without writing the value as JSON; the same headers as
     * {@link #copy(JsonNode, Message)} on its JSON. Absent values leave headers as they are.
     */
    static void copy(ResultFields fields, Object value, Message message) {
        if (value == null) {
            return;
        }
        if (value instanceof JsonNode json) {
            copy(json, message);
            return;
        }
        if (value instanceof InputStream || value instanceof byte[] || value instanceof Collection<?>
                || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value.getClass().isArray()) {
            copy(fields.mapper().<JsonNode>valueToTree(value), message); // not an object: as before, by its JSON
            return;
        }
        for (Rule rule : RULES) {
            for (String[] path : rule.splitPaths()) {
                Object scalar = fields.at(value, path);
                if (scalar != null) {
                    message.setHeader(rule.header(), rule.number() && scalar instanceof Number number
                            && fitsLong(number) ? (Object) number.longValue() : String.valueOf(scalar));
                    break;
                }
            }
        }
    }

    /** Whether a JSON number with this value converts to a long (Jackson's {@code canConvertToLong}). */
    private static boolean fitsLong(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return true;
        }
        if (number instanceof BigInteger big) {
            return big.bitLength() < 64;
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.compareTo(MIN_LONG) >= 0 && decimal.compareTo(MAX_LONG) <= 0;
        }
        double d = number.doubleValue();
        return d >= Long.MIN_VALUE && d <= Long.MAX_VALUE;
    }

    private static final BigDecimal MIN_LONG = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

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
