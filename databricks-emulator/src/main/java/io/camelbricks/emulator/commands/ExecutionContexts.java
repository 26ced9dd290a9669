package io.camelbricks.emulator.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The execution contexts of the workspace's clusters and their commands. A context belongs to one cluster and to the
 * Spark context the cluster had when it was created: when the cluster restarts or terminates, its contexts are gone,
 * as on a real cluster. A context is Pending for one look ({@code contexts/status}), then Running. At most
 * {@value #MAX_CONTEXTS_PER_CLUSTER} contexts per cluster. Thread-safe.
 */
final class ExecutionContexts {

    static final int MAX_CONTEXTS_PER_CLUSTER = 150;

    /** A context: its cluster, language, Spark context and how often it has been looked at. */
    static final class Context {
        final String id;
        final String clusterId;
        final String language;
        final long sparkContextId;
        int looks;

        Context(String id, String clusterId, String language, long sparkContextId) {
            this.id = id;
            this.clusterId = clusterId;
            this.language = language;
            this.sparkContextId = sparkContextId;
        }
    }

    private final Clock clock;
    private final Map<String, Context> contexts = new LinkedHashMap<>();
    private final Map<String, StoredCommand> commands = new LinkedHashMap<>();
    private final List<String> destroyed = new ArrayList<>();
    private long nextContext = 1;
    private long nextCommand = 1;

    ExecutionContexts(Clock clock) {
        this.clock = clock;
    }

    synchronized Context create(String clusterId, String language, long sparkContextId) {
        long open = contexts.values().stream().filter(c -> c.clusterId.equals(clusterId)).count();
        if (open >= MAX_CONTEXTS_PER_CLUSTER) {
            throw new ApiException(400, "RESOURCE_EXHAUSTED", "Too many execution contexts are open right now. "
                    + "(Limit set currently to " + MAX_CONTEXTS_PER_CLUSTER + ")");
        }
        Context c = new Context(String.valueOf(7_000_000_000_000_000_000L + nextContext++), clusterId, language,
                sparkContextId);
        contexts.put(c.id, c);
        return c;
    }

    /** The context, if it exists on that cluster and the cluster still has the Spark context it was made in. */
    synchronized Context require(String clusterId, String contextId, long sparkContextId) {
        Context c = contexts.get(contextId);
        if (c == null || !c.clusterId.equals(clusterId)) {
            throw ApiException.invalidParameter("Context " + contextId + " does not exist on cluster " + clusterId
                    + ".");
        }
        if (c.sparkContextId != sparkContextId) {
            contexts.remove(contextId);
            throw ApiException.invalidParameter("Context " + contextId + " does not exist on cluster " + clusterId
                    + ": the cluster restarted or terminated since it was created.");
        }
        return c;
    }

    /** contexts/status: Pending at the first look, then Running. */
    synchronized String look(Context c) {
        return c.looks++ == 0 ? "Pending" : "Running";
    }

    synchronized void destroy(String clusterId, String contextId) {
        Context c = contexts.get(contextId);
        if (c == null || !c.clusterId.equals(clusterId)) {
            throw ApiException.invalidParameter("Context " + contextId + " does not exist on cluster " + clusterId
                    + ".");
        }
        contexts.remove(contextId);
        destroyed.add(contextId);
        commands.values().forEach(cmd -> {
            if (cmd.contextId.equals(contextId)) {
                cmd.cancel(clock.instant());
            }
        });
    }

    synchronized StoredCommand execute(Context c, String code, CommandScript script,
                                       Function<StoredCommand, ObjectNode> evaluation) {
        StoredCommand cmd = new StoredCommand(Long.toHexString(0x5eed_0000_0000L + nextCommand++), c.clusterId, c.id,
                code, script, clock.instant(), evaluation);
        commands.put(cmd.id, cmd);
        return cmd;
    }

    /** commands/status: due transitions applied, the answer built, then one look counted. */
    synchronized <T> T observe(Context c, String commandId, Function<StoredCommand, T> view) {
        StoredCommand cmd = command(c, commandId);
        cmd.settle(clock.instant());
        T answer = view.apply(cmd);
        cmd.observed();
        return answer;
    }

    synchronized <T> T cancel(Context c, String commandId, Function<StoredCommand, T> view) {
        StoredCommand cmd = command(c, commandId);
        cmd.settle(clock.instant());
        cmd.cancel(clock.instant());
        return view.apply(cmd);
    }

    synchronized List<String> open(String clusterId) {
        return contexts.values().stream().filter(c -> clusterId == null || c.clusterId.equals(clusterId))
                .map(c -> c.id).toList();
    }

    synchronized List<String> destroyed() {
        return List.copyOf(destroyed);
    }

    synchronized List<String> codes() {
        return commands.values().stream().map(c -> c.code).toList();
    }

    synchronized void clear() {
        contexts.clear();
        commands.clear();
        destroyed.clear();
        nextContext = 1;
        nextCommand = 1;
    }

    private StoredCommand command(Context c, String commandId) {
        StoredCommand cmd = commands.get(commandId);
        if (cmd == null || !cmd.contextId.equals(c.id)) {
            throw ApiException.invalidParameter("Command " + commandId + " does not exist in context " + c.id + ".");
        }
        return cmd;
    }
}
