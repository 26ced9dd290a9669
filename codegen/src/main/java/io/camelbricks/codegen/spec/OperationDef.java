package io.camelbricks.codegen.spec;

import java.util.List;

/**
 * One operation of the spec.
 *
 * @param id                   operationId, {@code <package>.<Service>.<method>}
 * @param verb                 lower-case HTTP verb
 * @param body                 request body, or null
 * @param bodyField            {@code x-databricks-body-field}, or null
 * @param pagination           {@code x-databricks-pagination}, or null
 * @param waiter               {@code x-databricks-wait}, or null
 * @param autoIdempotencyField {@code x-databricks-auto-idempotency-field}, or null
 * @param sharedPath           whether it came from {@code x-databricks-shared-path-operations}
 */
public record OperationDef(String id, String specPackage, String service, String method, Scope scope, String verb,
                           String path, List<ParamDef> params, RequestBodyDef body, String bodyField,
                           ResponseDef response, PaginationDef pagination, WaitDef waiter,
                           String autoIdempotencyField, boolean sharedPath) {

    /** {@code <package>.<Service>}, the tag. */
    public String serviceKey() {
        return specPackage + "." + service;
    }

    /** Parameters the caller supplies (path, query, header), i.e. not filled from configuration. */
    public List<ParamDef> callerParams() {
        return params.stream().filter(p -> !p.isFromConfig()).toList();
    }
}
