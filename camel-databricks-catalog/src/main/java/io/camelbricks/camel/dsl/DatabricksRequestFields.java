package io.camelbricks.camel.dsl;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.builder.EndpointConsumerBuilder;
import org.apache.camel.builder.EndpointProducerBuilder;

import io.camelbricks.camel.catalog.DatabricksCatalog;
import io.camelbricks.camel.catalog.OperationDoc;

/**
 * Request fields on a generated Endpoint DSL builder. The generated {@code DatabricksEndpointBuilderFactory} knows the
 * component's endpoint options ({@code wait}, {@code token}, ...); the request fields of each operation
 * ({@code runName} of {@code jobs/submit}, {@code runId} of {@code jobs/getRun}) are options too, but differ per
 * operation, so they are set through this helper, which checks each name against the operation at route-building
 * time:
 *
 * <pre>{@code
 * to(DatabricksRequestFields.with(databricks("jobs/getRun").host(host), Map.of("runId", 42)))
 * }</pre>
 */
public final class DatabricksRequestFields {

    private DatabricksRequestFields() {
    }

    /**
     * Sets request fields (camelCase or snake_case names) as options of {@code builder}.
     *
     * @throws IllegalArgumentException when the builder's operation is unknown or a name is none of its request
     *                                  fields (the message lists them)
     */
    public static <B extends EndpointProducerBuilder> B with(B builder, Map<String, ?> fields) {
        OperationDoc op = operationOf(builder.getRawUri());
        fields.forEach((name, value) -> builder.doSetProperty(check(op, name), value));
        return builder;
    }

    /** The consumer form of {@link #with(EndpointProducerBuilder, Map)}: request fields filter a listing. */
    public static <B extends EndpointConsumerBuilder> B withFilter(B builder, Map<String, ?> fields) {
        OperationDoc op = operationOf(builder.getRawUri());
        fields.forEach((name, value) -> builder.doSetProperty(check(op, name), value));
        return builder;
    }

    private static OperationDoc operationOf(String rawUri) {
        return DatabricksCatalog.operation(pathOf(rawUri)).orElseThrow(() -> new IllegalArgumentException(
                "Unknown Databricks operation in " + rawUri + ": expected databricks:<service>/<operation>"));
    }

    /** {@code databricks://jobs/submit?wait=true} or {@code databricks:jobs/submit} → {@code jobs/submit}. */
    static String pathOf(String rawUri) {
        String path = rawUri.substring(rawUri.indexOf(':') + 1);
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return path;
    }

    private static String check(OperationDoc op, String name) {
        return op.field(name).filter(f -> !f.fromConfig()).map(f -> name).orElseThrow(() ->
                new IllegalArgumentException("'" + name + "' is no request field of " + op.uri() + ". Request fields: "
                        + (op.fields().isEmpty() ? "(none)" : op.fields().stream().filter(f -> !f.fromConfig())
                                .map(f -> f.option() + " (" + f.name() + ": " + f.type() + ")")
                                .collect(Collectors.joining(", ")))));
    }
}
