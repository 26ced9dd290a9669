package io.camelbricks.camel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.camelbricks.api.OperationRegistry;
import io.camelbricks.api.registry.ApiScope;
import io.camelbricks.api.registry.Operation;

/**
 * Maps the path of a {@code databricks:} URI onto an operation of the {@link OperationRegistry}:
 * {@code <accessor>/<method>} for workspace operations ({@code jobs/submit}) and
 * {@code account/<accessor>/<method>} for account operations ({@code account/groups/list}). An unknown name fails
 * with the closest valid names.
 */
final class OperationLookup {
    /** The service prefix of account-level operations. */
    static final String ACCOUNT_PREFIX = "account/";

    private static final class Index {
        /** service (e.g. {@code jobs}, {@code account/groups}) → method → operation. */
        static final Map<String, Map<String, Operation<?, ?>>> BY_SERVICE = build();

        private static Map<String, Map<String, Operation<?, ?>>> build() {
            Map<String, Map<String, Operation<?, ?>>> map = new TreeMap<>();
            for (Operation<?, ?> op : OperationRegistry.all()) {
                map.computeIfAbsent(serviceName(op), k -> new LinkedHashMap<>()).putIfAbsent(op.methodName(), op);
            }
            map.replaceAll((k, v) -> Collections.unmodifiableMap(v));
            return Collections.unmodifiableMap(map);
        }
    }

    private OperationLookup() {
    }

    /** The Camel service name of an operation: its accessor, prefixed with {@code account/} for account ones. */
    static String serviceName(Operation<?, ?> op) {
        return op.scope() == ApiScope.ACCOUNT ? ACCOUNT_PREFIX + op.serviceAccessor() : op.serviceAccessor();
    }

    /** {@code service/operation}, as in the URI. */
    static String pathOf(Operation<?, ?> op) {
        return serviceName(op) + "/" + op.methodName();
    }

    /**
     * Splits the remaining URI path ({@code jobs/submit}, {@code account/groups/list}) into service and operation.
     *
     * @throws IllegalArgumentException when the path does not have that shape
     */
    static String[] split(String remaining) {
        String path = remaining == null ? "" : remaining.strip();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        int slash = path.lastIndexOf('/');
        String service = slash < 0 ? "" : path.substring(0, slash);
        String operation = slash < 0 ? path : path.substring(slash + 1);
        boolean account = service.startsWith(ACCOUNT_PREFIX);
        String accessor = account ? service.substring(ACCOUNT_PREFIX.length()) : service;
        if (service.isEmpty() || operation.isEmpty() || accessor.isEmpty() || accessor.contains("/")) {
            throw new IllegalArgumentException("Invalid Databricks endpoint path '" + remaining
                    + "': expected databricks:<service>/<operation> (e.g. databricks:jobs/submit), or"
                    + " databricks:account/<service>/<operation> for account-level operations");
        }
        return new String[] {service, operation};
    }

    /**
     * The operation named by {@code service} and {@code operation}.
     *
     * @throws IllegalArgumentException naming the closest valid services or operations when there is none
     */
    static Operation<?, ?> resolve(String service, String operation) {
        DataOperations.CamelOperation camel = DataOperations.camelOperation(service + "/" + operation);
        if (camel != null) {
            String[] base = split(camel.base());
            return resolve(base[0], base[1]); // its request fields are those of the REST operation it streams through
        }
        Map<String, Operation<?, ?>> methods = Index.BY_SERVICE.get(service);
        if (methods == null) {
            boolean account = service.startsWith(ACCOUNT_PREFIX);
            List<String> candidates = Index.BY_SERVICE.keySet().stream()
                    .filter(s -> s.startsWith(ACCOUNT_PREFIX) == account).toList();
            List<String> closest = ClosestNames.closestTo(service, candidates);
            // a closest service that has the wanted operation is named with it: databricks:jobs/list
            List<String> hints = closest.stream().map(s -> Index.BY_SERVICE.get(s).containsKey(operation)
                    ? "databricks:" + s + "/" + operation : s).toList();
            StringBuilder msg = new StringBuilder("Unknown Databricks ")
                    .append(account ? "account " : "").append("service '").append(service)
                    .append("' in databricks:").append(service).append('/').append(operation)
                    .append(". Did you mean: ").append(String.join(", ", hints)).append('?');
            if (!account) {
                msg.append(" Account-level operations are addressed as databricks:account/<service>/<operation>.");
            }
            throw new IllegalArgumentException(msg.toString());
        }
        Operation<?, ?> op = methods.get(operation);
        if (op == null) {
            List<String> names = new java.util.ArrayList<>(methods.keySet());
            names.addAll(DataOperations.camelOperationNames(service));
            List<String> closest = ClosestNames.closestTo(operation, names);
            throw new IllegalArgumentException("Unknown operation '" + operation + "' of Databricks service '" + service
                    + "'. Did you mean: " + String.join(", ", closest.stream().map(m -> service + "/" + m).toList())
                    + "? Operations of " + service + ": " + String.join(", ", names));
        }
        return op;
    }

    /** The operations of {@code service} that have a waiter, comma-separated (for error messages). */
    static String waitingOperations(String service) {
        return describe(service, Operation::hasWaiter);
    }

    /** The list operations of {@code service}, comma-separated (for error messages). */
    static String listOperations(String service) {
        return describe(service, Operation::isPaginated);
    }

    private static String describe(String service, java.util.function.Predicate<Operation<?, ?>> filter) {
        Map<String, Operation<?, ?>> methods = Index.BY_SERVICE.getOrDefault(service, Map.of());
        List<String> names = methods.values().stream().filter(filter).map(Operation::methodName).toList();
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    /** Every service name, workspace and account ({@code account/...}), sorted. */
    static List<String> services() {
        return List.copyOf(Index.BY_SERVICE.keySet());
    }
}
