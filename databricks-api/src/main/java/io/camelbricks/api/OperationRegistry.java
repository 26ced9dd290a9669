package io.camelbricks.api;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.camelbricks.api.generated.GeneratedOperations;
import io.camelbricks.api.registry.ApiScope;
import io.camelbricks.api.registry.Operation;

/**
 * Every operation of the Databricks REST API (workspace and account), as generated from the OpenAPI documents.
 * The Camel component and tooling are driven by this registry.
 */
public final class OperationRegistry {

    private static final class Holder {
        static final List<Operation<?, ?>> ALL = List.copyOf(GeneratedOperations.all());
        static final Map<String, Operation<?, ?>> BY_ID = index(ALL);
    }

    private OperationRegistry() {
    }

    /** Every operation, workspace ones first, in spec order. */
    public static List<Operation<?, ?>> all() {
        return Holder.ALL;
    }

    /** The operation with this operationId (e.g. {@code jobs.Jobs.submit}). */
    public static Optional<Operation<?, ?>> byId(String operationId) {
        return Optional.ofNullable(Holder.BY_ID.get(operationId));
    }

    /** The operations of one scope. */
    public static List<Operation<?, ?>> inScope(ApiScope scope) {
        return all().stream().filter(op -> op.scope() == scope).toList();
    }

    private static Map<String, Operation<?, ?>> index(Collection<Operation<?, ?>> ops) {
        Map<String, Operation<?, ?>> map = new LinkedHashMap<>();
        for (Operation<?, ?> op : ops) {
            if (map.putIfAbsent(op.id(), op) != null) {
                throw new IllegalStateException("duplicate operationId " + op.id());
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
