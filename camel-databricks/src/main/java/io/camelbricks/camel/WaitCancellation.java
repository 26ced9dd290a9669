package io.camelbricks.camel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelbricks.api.OperationRegistry;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.registry.WaitSpec;

/**
 * How to cancel what a wait waits for ({@code onWaitTimeout=cancel}): the operation that stops the entity the
 * waiter polls, called with the poll's own arguments ({@code jobs/getRun run_id} → {@code jobs/cancelRun run_id}).
 * The spec does not say which operation cancels which wait, so the pairs are listed here; a test checks that each
 * pair exists in the registry and that the cancel request takes the poll's fields.
 */
final class WaitCancellation {
    /** Poll operation of a waiter → the operation that cancels (or stops, or terminates) the polled entity. */
    static final Map<String, String> CANCEL_BY_POLL = Map.of(
            "jobs.Jobs.getRun", "jobs.Jobs.cancelRun",
            "compute.CommandExecution.commandStatus", "compute.CommandExecution.cancel",
            "compute.Clusters.get", "compute.Clusters.delete",
            "sql.Warehouses.get", "sql.Warehouses.stop",
            "apps.Apps.get", "apps.Apps.stop",
            "pipelines.Pipelines.get", "pipelines.Pipelines.stop");

    private final Operation<Object, Object> cancel;
    private final WaitSpec spec;

    private WaitCancellation(Operation<Object, Object> cancel, WaitSpec spec) {
        this.cancel = cancel;
        this.spec = spec;
    }

    /** The cancellation of {@code op}'s wait, or null when there is none (or {@code op} is the cancel itself). */
    @SuppressWarnings("unchecked")
    static WaitCancellation of(Operation<?, ?> op) {
        if (!op.hasWaiter()) {
            return null;
        }
        String cancelId = CANCEL_BY_POLL.get(op.waitSpec().pollOperationId());
        if (cancelId == null || cancelId.equals(op.id())) {
            return null;
        }
        return OperationRegistry.byId(cancelId)
                .map(c -> new WaitCancellation((Operation<Object, Object>) c, op.waitSpec()))
                .orElse(null);
    }

    Operation<Object, Object> operation() {
        return cancel;
    }

    /**
     * Whether the cancel stops work (a job run, a command) rather than a resource (a cluster, warehouse, app or
     * pipeline): only work is cancelled when a route stops while waiting ({@code cancelOnStop}).
     */
    boolean cancelsWork() {
        return cancel.id().equals("jobs.Jobs.cancelRun") || cancel.id().equals("compute.CommandExecution.cancel");
    }

    /** The cancel request: the waiter's poll arguments, taken from the request and response of the started call. */
    Object request(ObjectMapper mapper, Object request, Object response) {
        ObjectNode args = arguments(mapper, request, response);
        return cancel.hasRequest() ? mapper.convertValue(args, cancel.requestType()) : null;
    }

    /** {@code run_id=5000000001}: the arguments, for log lines and messages. */
    String describe(ObjectMapper mapper, Object request, Object response) {
        List<String> parts = new ArrayList<>();
        arguments(mapper, request, response).properties().forEach(e -> parts.add(e.getKey() + "=" + e.getValue().asText()));
        return OperationLookup.pathOf(cancel) + " " + String.join(", ", parts);
    }

    private ObjectNode arguments(ObjectMapper mapper, Object request, Object response) {
        ObjectNode args = mapper.createObjectNode();
        JsonNode requestTree = request == null ? null : mapper.valueToTree(request);
        JsonNode responseTree = response == null ? null : mapper.valueToTree(response);
        for (int i = 0; i < spec.pollArguments().size(); i++) {
            String source = spec.pollArguments().get(i);
            int dot = source.indexOf('.');
            JsonNode tree = "request".equals(source.substring(0, dot)) ? requestTree : responseTree;
            JsonNode value = tree == null ? null : tree.get(source.substring(dot + 1));
            if (value != null && !value.isNull()) {
                args.set(spec.pollFields().get(i), value);
            }
        }
        return args;
    }

    /** The operations whose wait can be cancelled, for error messages. */
    static String describeSupported() {
        List<String> paths = new ArrayList<>();
        for (Operation<?, ?> op : OperationRegistry.all()) {
            if (of(op) != null) {
                paths.add(OperationLookup.pathOf(op));
            }
        }
        return String.join(", ", paths);
    }
}
