package io.camelbricks.camel.catalog;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;

import io.camelbricks.camel.TypeNames;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import io.camelbricks.api.OperationRegistry;
import io.camelbricks.api.registry.ApiScope;
import io.camelbricks.api.registry.BodyKind;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.registry.PaginationSpec;
import io.camelbricks.api.registry.Param;
import io.camelbricks.api.registry.WaitSpec;
import io.camelbricks.api.wire.JsonMapper;
import io.camelbricks.camel.EndpointCapabilities;

import io.camelbricks.camel.catalog.OperationDoc.ConsumerDoc;
import io.camelbricks.camel.catalog.OperationDoc.FieldDoc;
import io.camelbricks.camel.catalog.OperationDoc.PaginationDoc;
import io.camelbricks.camel.catalog.OperationDoc.WaiterDoc;

/**
 * Builds the {@link OperationDoc}s of every operation of the {@link OperationRegistry}. Request fields are the
 * request type's properties as the client's Jackson mapper sees them (the way the component binds options), placed by
 * the operation's parameters and body kind.
 */
final class OperationDocs {
    static final String SCHEME = "databricks";
    private static final String ACCOUNT_PREFIX = "account/";
    private static final String IDEMPOTENCY_TOKEN = "idempotency_token";

    private final ObjectMapper mapper = JsonMapper.create();
    private final Set<String> endpointOptions;

    /**
     * @param endpointOptions the endpoint options of the component: a request field whose camelCase name is one of
     *                        them is reached with its wire name
     */
    OperationDocs(Set<String> endpointOptions) {
        this.endpointOptions = Set.copyOf(endpointOptions);
    }

    /** Every operation of the registry, workspace ones first, in spec order. */
    List<OperationDoc> all() {
        List<OperationDoc> docs = new ArrayList<>();
        for (Operation<?, ?> op : OperationRegistry.all()) {
            docs.add(describe(op));
        }
        return docs;
    }

    static String serviceOf(Operation<?, ?> op) {
        return op.scope() == ApiScope.ACCOUNT ? ACCOUNT_PREFIX + op.serviceAccessor() : op.serviceAccessor();
    }

    static String uriOf(Operation<?, ?> op) {
        return SCHEME + ":" + serviceOf(op) + "/" + op.methodName();
    }

    OperationDoc describe(Operation<?, ?> op) {
        List<FieldDoc> fields = fields(op);
        return new OperationDoc(uriOf(op), op.id(), op.scope().name().toLowerCase(java.util.Locale.ROOT),
                serviceOf(op), op.methodName(), op.httpMethod().name(), op.path(),
                op.bodyKind().name().toLowerCase(java.util.Locale.ROOT),
                op.hasRequest() ? op.requestType().getName() : null, fields,
                op.responseType() == null || op.responseType() == Void.class ? null : op.responseType().getName(),
                idempotencyField(op, fields), pagination(op.pagination()), waiter(op), consumer(op));
    }

    /** How a consumer on {@code op} behaves, as camel-databricks decides it. */
    private static ConsumerDoc consumer(Operation<?, ?> op) {
        if (op.isPaginated()) {
            return new ConsumerDoc("items", EndpointCapabilities.changesStateField(op).orElse(null), List.of());
        }
        if (EndpointCapabilities.isFollowable(op)) {
            return new ConsumerDoc("follow", EndpointCapabilities.followStateField(op).orElse(null),
                    List.copyOf(EndpointCapabilities.followTerminalStates(op)));
        }
        return null;
    }

    /**
     * The field the component fills with an idempotency token when left empty (as camel-databricks decides it): the
     * spec's auto-idempotency field, else a request field named {@code idempotency_token}.
     */
    private static String idempotencyField(Operation<?, ?> op, List<FieldDoc> fields) {
        if (op.autoIdempotencyField() != null) {
            return op.autoIdempotencyField();
        }
        return fields.stream().filter(f -> !f.fromConfig() && IDEMPOTENCY_TOKEN.equals(f.name()))
                .map(FieldDoc::name).findFirst().orElse(null);
    }

    private List<FieldDoc> fields(Operation<?, ?> op) {
        Map<String, Param<?>> params = new LinkedHashMap<>();
        List<FieldDoc> fields = new ArrayList<>();
        for (Param<?> p : op.params()) {
            params.put(p.name(), p);
            if (p.fromConfig() != null) {
                fields.add(new FieldDoc(camelCase(p.fromConfig()), p.name(), "String", String.class.getName(),
                        location(p), true));
            }
        }
        if (!op.hasRequest()) {
            return fields;
        }
        JavaType type = mapper.constructType(op.requestType());
        BeanDescription description = mapper.getSerializationConfig().introspect(type);
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (!property.hasField() && !property.hasSetter()) {
                continue; // read-only: nothing a request can set
            }
            String wire = property.getName();
            String javaName = property.getInternalName();
            if (javaName != null && javaName.endsWith("_")) {
                javaName = javaName.substring(0, javaName.length() - 1); // escaped keyword: package_
            }
            Param<?> param = params.get(wire);
            String in = param != null ? location(param) : bodyLocation(op, wire);
            JavaType fieldType = property.getPrimaryType();
            fields.add(new FieldDoc(optionName(javaName, wire), wire, TypeNames.describe(fieldType), fieldType.toCanonical(), in,
                    false));
        }
        Method stream = streamSetter(op.requestType());
        if (op.bodyKind() == BodyKind.BINARY && stream != null) {
            String name = decapitalize(stream.getName().substring(3));
            fields.add(new FieldDoc(optionName(name, name), name, "InputStream", InputStream.class.getName(), "body",
                    false));
        }
        return fields;
    }

    /** The camelCase name unless an endpoint option has it (then the wire name, as the component expects). */
    private String optionName(String javaName, String wire) {
        if (javaName == null) {
            return wire;
        }
        return endpointOptions.contains(javaName) ? wire : javaName;
    }

    private static String location(Param<?> p) {
        String in = p.location().name().toLowerCase(java.util.Locale.ROOT);
        return p.isAlsoInBody() ? in + "+body" : in;
    }

    private static String bodyLocation(Operation<?, ?> op, String wire) {
        return switch (op.bodyKind()) {
            case JSON, BINARY -> "body";
            case BODY_FIELD -> wire.equals(op.bodyField()) ? "body" : "none";
            case NONE -> "none";
        };
    }

    private static Method streamSetter(Class<?> type) {
        if (type == null) {
            return null;
        }
        for (Method m : type.getMethods()) {
            if (m.getName().startsWith("set") && m.getParameterCount() == 1
                    && m.getParameterTypes()[0] == InputStream.class) {
                return m;
            }
        }
        return null;
    }

    private static PaginationDoc pagination(PaginationSpec<?, ?, ?> p) {
        if (p == null) {
            return null;
        }
        return new PaginationDoc(p.kind().name(), p.itemsField(), p.itemType() == null ? null : p.itemType().getName(),
                p.requestField(), p.responseField(), p.dedupeBy());
    }

    private static WaiterDoc waiter(Operation<?, ?> op) {
        WaitSpec w = op.waitSpec();
        if (w == null) {
            return null;
        }
        Operation<?, ?> poll = OperationRegistry.byId(w.pollOperationId()).orElse(null);
        return new WaiterDoc(w.pollOperationId(), poll == null ? null : uriOf(poll), w.pollArguments(), w.statusPath(),
                w.targetStates(), w.failureStates(), w.messagePath(),
                w.defaultTimeout() == null ? null : w.defaultTimeout().toString(),
                poll == null || poll.responseType() == Void.class ? null : poll.responseType().getName(),
                EndpointCapabilities.failOnResultStateDefault(op),
                EndpointCapabilities.waitCancellation(op).map(OperationDocs::uriOf).orElse(null));
    }


    private static String camelCase(String snake) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_' || c == '-') {
                upper = sb.length() > 0;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
