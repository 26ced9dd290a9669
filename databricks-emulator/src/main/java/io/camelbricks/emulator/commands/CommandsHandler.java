package io.camelbricks.emulator.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.util.Locale;
import java.util.Set;

/**
 * The Command Execution API ({@code /api/1.2/contexts/create|status|destroy}, {@code /api/1.2/commands/execute|status|
 * cancel}). Parameters are camelCase ({@code clusterId}, {@code contextId}, {@code commandId}), in the query of the
 * GETs and the JSON body of the POSTs. Contexts can be created and commands executed only on a RUNNING cluster
 * ({@code 400 INVALID_STATE} otherwise); a context dies with its cluster's Spark context.
 */
public final class CommandsHandler implements ServiceHandler {

    private static final Set<String> V = Set.of("1.2");
    private static final Set<String> LANGUAGES = Set.of("python", "scala", "sql", "r");

    private final EmulatedCommands commands;

    public CommandsHandler(EmulatedCommands commands) {
        this.commands = commands;
    }

    @Override
    public void register(Router router) {
        router.post(V, "/contexts/create", this::createContext)
              .get(V, "/contexts/status", this::contextStatus)
              .post(V, "/contexts/destroy", this::destroyContext)
              .post(V, "/commands/execute", this::execute)
              .get(V, "/commands/status", this::commandStatus)
              .post(V, "/commands/cancel", this::cancel);
    }

    private ApiResponse createContext(ApiRequest request) {
        String clusterId = request.requiredString("clusterId");
        String language = language(request);
        ExecutionContexts.Context c = commands.contexts.create(clusterId, language, runningSparkContext(clusterId));
        return ApiResponse.ok(Json.object().put("id", c.id));
    }

    private ApiResponse contextStatus(ApiRequest request) {
        ExecutionContexts.Context c = context(request);
        return ApiResponse.ok(Json.object().put("id", c.id).put("status", commands.contexts.look(c)));
    }

    private ApiResponse destroyContext(ApiRequest request) {
        commands.contexts.destroy(request.requiredString("clusterId"), request.requiredString("contextId"));
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse execute(ApiRequest request) {
        ExecutionContexts.Context c = context(request);
        String language = request.optionalString("language").map(l -> l.toLowerCase(Locale.ROOT)).orElse(c.language);
        String code = request.optionalString("command").orElseThrow(() -> ApiException.missingField("command"));
        StoredCommand cmd = commands.contexts.execute(c, code, commands.script(),
                command -> commands.evaluate(command, language));
        return ApiResponse.ok(Json.object().put("id", cmd.id));
    }

    private ApiResponse commandStatus(ApiRequest request) {
        ExecutionContexts.Context c = context(request);
        return ApiResponse.ok(commands.contexts.observe(c, request.requiredString("commandId"), this::status));
    }

    private ApiResponse cancel(ApiRequest request) {
        ExecutionContexts.Context c = context(request);
        commands.contexts.cancel(c, request.requiredString("commandId"), this::status);
        return ApiResponse.ok(Json.object());
    }

    private ObjectNode status(StoredCommand cmd) {
        ObjectNode json = Json.object();
        json.put("id", cmd.id);
        json.put("status", cmd.status());
        if (cmd.results() != null) {
            json.set("results", cmd.results().deepCopy());
        }
        return json;
    }

    private ExecutionContexts.Context context(ApiRequest request) {
        String clusterId = request.requiredString("clusterId");
        String contextId = request.requiredString("contextId");
        return commands.contexts.require(clusterId, contextId, runningSparkContext(clusterId));
    }

    private String language(ApiRequest request) {
        String language = request.requiredString("language").toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw ApiException.invalidParameter("Invalid language '" + language + "': expected one of python, scala, "
                    + "sql, r.");
        }
        return language;
    }

    /** The Spark context id of the cluster, which must exist and be RUNNING. */
    private long runningSparkContext(String clusterId) {
        ObjectNode cluster = commands.clusters.cluster(clusterId)
                .orElseThrow(() -> ApiException.legacyDoesNotExist("Cluster " + clusterId + " does not exist"));
        String state = cluster.path("state").asText();
        if (!"RUNNING".equals(state)) {
            throw new ApiException(400, "INVALID_STATE", "Cluster " + clusterId + " is in state " + state
                    + ", not RUNNING: start it before creating contexts or running commands.");
        }
        return cluster.path("spark_context_id").asLong();
    }
}
