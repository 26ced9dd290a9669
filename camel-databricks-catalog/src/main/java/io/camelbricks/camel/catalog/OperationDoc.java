package io.camelbricks.camel.catalog;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The documentation of one Databricks operation as a {@code databricks:} endpoint: its URI, the HTTP call behind it,
 * the request fields a route can set as options, what comes back, and whether it pages or can wait. Generated at
 * build time from the client's {@link io.camelbricks.api.OperationRegistry} and read with
 * {@link DatabricksCatalog#operations()}.
 *
 * @param uri            the endpoint URI without options: {@code databricks:jobs/submit},
 *                       {@code databricks:account/groups/list}
 * @param id             the spec's operationId, e.g. {@code jobs.Jobs.submit}
 * @param scope          {@code workspace} or {@code account}
 * @param service        the service part of the URI: {@code jobs}, {@code account/groups}
 * @param operation      the operation part of the URI (the client method): {@code submit}
 * @param httpMethod     the HTTP verb
 * @param path           the path template, e.g. {@code /api/2.2/jobs/runs/submit}
 * @param bodyKind       what travels as HTTP body: {@code none}, {@code json}, {@code body_field}, {@code binary}
 * @param requestType    the typed request class, or null when the operation takes nothing
 * @param fields         the request fields, each an endpoint option / {@code CamelDatabricks.<field>} header
 * @param responseType   the typed response class, or null when the operation answers nothing
 * @param idempotencyField the request field filled with an idempotency token when left empty, or null
 * @param pagination     how a list operation pages, or null
 * @param waiter         the waiter used with {@code wait=true}, or null
 * @param consumer       what a consumer ({@code from("databricks:...")}) on the operation does, or null when the
 *                       operation cannot be consumed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationDoc(String uri, String id, String scope, String service, String operation,
                           String httpMethod, String path, String bodyKind, String requestType,
                           List<FieldDoc> fields, String responseType, String idempotencyField,
                           PaginationDoc pagination, WaiterDoc waiter, ConsumerDoc consumer) {

    public OperationDoc {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** {@code service/operation}, the URI without its scheme. */
    @JsonIgnore
    public String uriPath() {
        return service + "/" + operation;
    }

    @JsonIgnore
    public boolean isAccount() {
        return "account".equals(scope);
    }

    @JsonIgnore
    public boolean isPaginated() {
        return pagination != null;
    }

    @JsonIgnore
    public boolean hasWaiter() {
        return waiter != null;
    }

    /**
     * The request field a user-written option designates: the option (camelCase) or wire (snake_case) name, any case,
     * with or without underscores and dashes, the way the component resolves it.
     */
    public Optional<FieldDoc> field(String name) {
        for (FieldDoc f : fields) {
            if (name.equals(f.name()) || name.equals(f.option())) {
                return Optional.of(f);
            }
        }
        String loose = FieldDoc.loose(name);
        Optional<FieldDoc> byLooseName = fields.stream().filter(f -> FieldDoc.loose(f.name()).equals(loose)
                || (f.option() != null && FieldDoc.loose(f.option()).equals(loose))).findFirst();
        return byLooseName.isPresent() ? byLooseName : pathAlias(name);
    }

    /**
     * {@code path} names the request's only {@code *_path} field, as on the component's endpoints
     * ({@code files/upload?path=...} sets {@code file_path}); none when there are several or none.
     */
    private Optional<FieldDoc> pathAlias(String name) {
        if (!"path".equalsIgnoreCase(name)) {
            return Optional.empty();
        }
        List<FieldDoc> paths = fields.stream().filter(f -> !f.fromConfig() && f.name().endsWith("_path")).toList();
        return paths.size() == 1 ? Optional.of(paths.get(0)) : Optional.empty();
    }

    /**
     * One request field.
     *
     * @param option     the endpoint option name a route writes ({@code runName}); the wire name when the camelCase
     *                   name is taken by an endpoint option ({@code wait_timeout}); for a parameter filled from the
     *                   connection configuration, that endpoint option ({@code accountId})
     * @param name       the wire (JSON / query / path) name, e.g. {@code run_name}
     * @param type       the Java type as a user reads it: {@code String}, {@code List<SubmitTask>}
     * @param javaType   the canonical Java type, e.g. {@code java.util.List<io.camelbricks.api.service.jobs.SubmitTask>}
     * @param in         where it travels: {@code path}, {@code query}, {@code header}, {@code body}, or
     *                   {@code path+body} (a path parameter also sent in the body)
     * @param fromConfig true for a path parameter filled from the connection configuration (e.g. {@code account_id}),
     *                   which is no request field
     */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record FieldDoc(String option, String name, String type, String javaType, String in, boolean fromConfig) {

        /** Lower case without {@code _} and {@code -}: {@code run_name}, {@code runName} and {@code RUN-NAME} agree. */
        static String loose(String name) {
            return name.replace("_", "").replace("-", "").toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The pagination of a list operation: the endpoint collects every page into a {@code List} of items (or hands out
     * a lazy {@code Iterator} with {@code lazyList=true}); a consumer polls it.
     *
     * @param kind           {@code TOKEN}, {@code OFFSET}, {@code PAGE}, {@code NEXT_PAGE_REQUEST} or {@code SINGLE}
     * @param itemsField     the response field holding a page's items
     * @param itemType       the item class
     * @param requestCursor  the request field carrying the cursor, or null
     * @param responseCursor the response field carrying the next cursor, or null
     * @param dedupeBy       the item field duplicates across pages are dropped by, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaginationDoc(String kind, String itemsField, String itemType, String requestCursor,
                                String responseCursor, String dedupeBy) {
    }

    /**
     * The waiter of a long-running operation, used with {@code wait=true}: the endpoint polls {@code pollUri} until
     * the entity reaches a target state (the exchange then carries the entity) or a failure state
     * ({@code DatabricksOperationFailedException}).
     *
     * @param pollOperation  operationId of the poll, e.g. {@code jobs.Jobs.getRun}
     * @param pollUri        the poll as an endpoint URI, e.g. {@code databricks:jobs/getRun}
     * @param pollArguments  where each poll argument comes from: {@code response.run_id}, {@code request.cluster_id}
     * @param statusPath     dotted path of the state in the polled entity, e.g. {@code state.life_cycle_state}
     * @param targetStates   states that end the wait successfully
     * @param failureStates  states that end the wait with an error
     * @param messagePath    dotted path of the status message, or null
     * @param defaultTimeout the spec's timeout, ISO-8601 (e.g. {@code PT20M}); the component's {@code waitTimeout}
     *                       has no default (it waits until a final state unless told otherwise)
     * @param entityType     the class of the polled entity, the exchange body after the wait
     * @param failOnResultState the default of {@code failOnResultState}: states the waiter reaches that still fail
     *                       the exchange (a run's unsuccessful result states), empty for most operations
     * @param cancelUri      the operation {@code onWaitTimeout=cancel} calls, e.g. {@code databricks:jobs/cancelRun};
     *                       null when the wait cannot be cancelled
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WaiterDoc(String pollOperation, String pollUri, List<String> pollArguments, String statusPath,
                            List<String> targetStates, List<String> failureStates, String messagePath,
                            String defaultTimeout, String entityType, List<String> failOnResultState,
                            String cancelUri) {
        public WaiterDoc {
            failOnResultState = failOnResultState == null ? List.of() : List.copyOf(failOnResultState);
        }
    }

    /**
     * What a consumer on the operation does.
     *
     * @param mode           {@code items} (a list operation: each item once; {@code emit=changes} for state changes)
     *                       or {@code follow} (one entity's state changes until a terminal state)
     * @param stateField     the default {@code stateField}: for {@code emit=changes} on a list (null when the items
     *                       have none, then {@code stateField} must be set), or the followed entity's state
     * @param terminalStates for {@code follow}: the default {@code terminalStates}
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ConsumerDoc(String mode, String stateField, List<String> terminalStates) {
        public ConsumerDoc {
            terminalStates = terminalStates == null ? List.of() : List.copyOf(terminalStates);
        }
    }
}
