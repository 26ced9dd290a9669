package io.camelbricks.camel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Message;

/**
 * Builds the typed request of one call from three sources, later ones winning field by field:
 * <ol>
 * <li>the message body: a request instance, a {@code Map}, JSON text ({@code String}, {@code byte[]},
 * {@code InputStream}), any other object Jackson can turn into a JSON object, or null;</li>
 * <li>request-field options of the endpoint URI ({@code databricks:jobs/getRun?runId=42});</li>
 * <li>{@code CamelDatabricks.<field>} headers.</li>
 * </ol>
 * Field names may be written in camelCase or snake_case. The conversion is the client's Jackson mapping; a value
 * of the wrong type fails with the field, the expected type and where the value came from. For a binary upload
 * (e.g. {@code files/upload}) an {@code InputStream} or {@code byte[]} body is the contents, not JSON.
 */
final class RequestAssembler {
    private final String endpointPath;
    private final RequestFields fields;
    private final Map<String, JsonNode> uriFields;
    private final Map<String, String> uriOptionNames;
    private final String idempotencyField;

    private RequestAssembler(String endpointPath, RequestFields fields, Map<String, JsonNode> uriFields,
                             Map<String, String> uriOptionNames, String idempotencyField) {
        this.endpointPath = endpointPath;
        this.idempotencyField = idempotencyField;
        this.fields = fields;
        this.uriFields = Collections.unmodifiableMap(uriFields);
        this.uriOptionNames = Collections.unmodifiableMap(uriOptionNames);
    }

    /**
     * Validates the request-field options left over from the endpoint URI against the request type.
     *
     * @param idempotencyField the wire name of the request's idempotency-token field (filled when left empty), or
     *                         null
     * @throws IllegalArgumentException for an option that names no field, or whose value does not fit the field
     */
    static RequestAssembler create(String endpointPath, RequestFields fields, Map<String, Object> options,
                                   String idempotencyField, ObjectMapper mapper) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Map.Entry<String, Object> option : options.entrySet()) {
            RequestFields.Field field = fields.find(option.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown option '" + option.getKey() + "' on databricks:" + endpointPath
                            + ": it is neither an endpoint option nor a request field"
                            + suggestion(option.getKey(), fields) + ". Request fields: " + fields.describeAll()));
            JsonNode value = toJson(field, option.getValue(), mapper, "URI option ", option.getKey());
            ObjectNode single = JsonNodeFactory.instance.objectNode();
            single.set(field.wireName(), value);
            try {
                mapper.treeToValue(single, fields.requestType());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Option '" + option.getKey() + "' on databricks:" + endpointPath
                        + ": request field " + field.wireName() + " expects " + field.typeDescription() + ", got '"
                        + option.getValue() + "'", e);
            }
            values.put(field.wireName(), value);
            names.put(field.wireName(), option.getKey());
        }
        return new RequestAssembler(endpointPath, fields, values, names, idempotencyField);
    }

    /** The request-field values set on the URI, by wire name. */
    Map<String, JsonNode> uriFields() {
        return uriFields;
    }

    /**
     * The request for one exchange; {@code message} may be null (a polling consumer has only the URI options).
     *
     * @param idempotencyTokens given the JSON of the request, the token to put into its idempotency-token field when
     *                          the request has one left empty; null to leave it empty
     * @throws IllegalArgumentException when the body or a header cannot be turned into the request
     */
    Object assemble(Message message, ObjectMapper mapper, Function<ObjectNode, String> idempotencyTokens) {
        Class<?> type = fields.requestType();
        if (type == null || type == Void.class) {
            return null;
        }
        Object body = message == null ? null : message.getBody();
        boolean fillsToken = idempotencyField != null && idempotencyTokens != null;
        if (body == null && uriFields.isEmpty() && !fillsToken && message != null && fields.buildsDirectly()) {
            Object direct = directRequest(message);
            if (direct != null) {
                return direct;
            }
        }
        Map<String, JsonNode> overrides = new LinkedHashMap<>(uriFields);
        if (message != null && message.hasHeaders()) {
            headerOverrides(message, mapper, overrides, null);
        }
        if (type.isInstance(body) && overrides.isEmpty() && !fillsToken) {
            return body; // used as is: nothing to merge, nothing to fill (a filled field would change the caller's object)
        }
        InputStream binary = null;
        ObjectNode tree;
        if (body == null) {
            tree = mapper.createObjectNode();
        } else if (type.isInstance(body)) {
            binary = fields.hasStream() ? fields.streamOf(body) : null;
            tree = objectTree(mapper.valueToTree(body), body);
        } else if (fields.hasStream() && (body instanceof InputStream || body instanceof byte[])) {
            binary = body instanceof byte[] bytes ? new ByteArrayInputStream(bytes) : (InputStream) body;
            tree = mapper.createObjectNode();
        } else if (body instanceof Map<?, ?> map) {
            tree = mapTree(map, mapper);
        } else if (body instanceof String || body instanceof byte[] || body instanceof InputStream) {
            tree = parse(body, mapper);
        } else {
            tree = objectTree(mapper.valueToTree(body), body);
        }
        tree.setAll(overrides);
        if (fillsToken && tree.path(idempotencyField).asText("").isEmpty()) {
            tree.put(idempotencyField, idempotencyTokens.apply(tree));
        }
        Object request;
        try {
            request = mapper.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw conversionFailure(e, tree, origins(message, mapper));
        }
        if (binary != null) {
            fields.setStream(request, binary);
        }
        return request;
    }

    /**
     * The request fields set by URI options and {@code CamelDatabricks.<field>} headers, by wire name: for the
     * operations whose body is data (an upload's contents), not request fields.
     */
    ObjectNode fieldValues(Message message, ObjectMapper mapper) {
        Map<String, JsonNode> values = new LinkedHashMap<>(uriFields);
        if (message != null) {
            headerOverrides(message, mapper, values, new LinkedHashMap<>());
        }
        ObjectNode tree = mapper.createObjectNode();
        tree.setAll(values);
        return tree;
    }

    /**
     * The request of an exchange without a body whose {@code CamelDatabricks.<field>} headers all hold values of their
     * field's own type (a Long for a Long field, ...): set directly, the same request the JSON route would build.
     * Null when any header needs the JSON route (text for a number, a list, an unknown field: its error comes from
     * there).
     */
    private Object directRequest(Message message) {
        if (!message.hasHeaders()) {
            return fields.newRequest();
        }
        List<Map.Entry<RequestFields.Field, Object>> assignments = new ArrayList<>(2);
        for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
            String name = header.getKey();
            if (!name.startsWith(DatabricksConstants.REQUEST_FIELD_HEADER_PREFIX) || header.getValue() == null) {
                continue;
            }
            RequestFields.Field field = fields.find(name.substring(DatabricksConstants.REQUEST_FIELD_HEADER_PREFIX
                    .length())).orElse(null);
            if (field == null || !fields.setsDirectly(field, header.getValue())) {
                return null;
            }
            assignments.add(Map.entry(field, header.getValue()));
        }
        Object request = fields.newRequest();
        for (Map.Entry<RequestFields.Field, Object> assignment : assignments) {
            fields.setDirectly(request, assignment.getKey(), assignment.getValue());
        }
        return request;
    }

    /** Where each request field set by the URI or a header came from, for an error message. */
    private Map<String, String> origins(Message message, ObjectMapper mapper) {
        Map<String, String> origins = new LinkedHashMap<>();
        uriOptionNames.forEach((wire, option) -> origins.put(wire, "URI option " + option));
        if (message != null && message.hasHeaders()) {
            headerOverrides(message, mapper, new LinkedHashMap<>(), origins);
        }
        return origins;
    }

    /** The request fields set by headers into {@code overrides}, and (when not null) their origins. */
    private void headerOverrides(Message message, ObjectMapper mapper, Map<String, JsonNode> overrides,
                                 Map<String, String> origins) {
        for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
            String name = header.getKey();
            if (!name.startsWith(DatabricksConstants.REQUEST_FIELD_HEADER_PREFIX) || header.getValue() == null) {
                continue;
            }
            String fieldName = name.substring(DatabricksConstants.REQUEST_FIELD_HEADER_PREFIX.length());
            RequestFields.Field field = fields.find(fieldName).orElseThrow(() -> new IllegalArgumentException(
                    "Header " + name + " names no request field of databricks:" + endpointPath
                            + suggestion(fieldName, fields) + ". Request fields: " + fields.describeAll()));
            overrides.put(field.wireName(), toJson(field, header.getValue(), mapper, "header ", name));
            if (origins != null) {
                origins.put(field.wireName(), "header " + name);
            }
        }
    }

    /** The JSON of a field's value; a failure names the origin ({@code originKind + name}). */
    private static JsonNode toJson(RequestFields.Field field, Object value, ObjectMapper mapper, String originKind,
                                   String name) {
        try {
            if (value instanceof String text) {
                return RequestFields.textToJson(field, text, mapper);
            }
            // the common scalars as Jackson would write them, without a serializer round
            if (value instanceof Long number) {
                return LongNode.valueOf(number);
            }
            if (value instanceof Integer number) {
                return IntNode.valueOf(number);
            }
            if (value instanceof Boolean flag) {
                return BooleanNode.valueOf(flag);
            }
            return mapper.valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(originKind + name + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode mapTree(Map<?, ?> map, ObjectMapper mapper) {
        ObjectNode tree = mapper.createObjectNode();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String wire = fields.find(key).map(RequestFields.Field::wireName).orElse(key);
            tree.set(wire, mapper.valueToTree(entry.getValue()));
        }
        return tree;
    }

    private ObjectNode parse(Object body, ObjectMapper mapper) {
        JsonNode node;
        try {
            if (body instanceof String text) {
                node = text.isBlank() ? mapper.createObjectNode() : mapper.readTree(text);
            } else if (body instanceof byte[] bytes) {
                node = bytes.length == 0 ? mapper.createObjectNode() : mapper.readTree(bytes);
            } else {
                node = mapper.readTree((InputStream) body);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("The body of databricks:" + endpointPath + " is not valid JSON for "
                    + fields.requestType().getSimpleName() + ": " + originalMessage(e), e);
        }
        return objectTree(node == null || node.isMissingNode() ? mapper.createObjectNode() : node, body);
    }

    private ObjectNode objectTree(JsonNode node, Object body) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new IllegalArgumentException("The body of databricks:" + endpointPath + " must be a "
                + fields.requestType().getSimpleName() + ", a Map or a JSON object, got "
                + body.getClass().getName() + (node == null ? "" : " (JSON " + node.getNodeType() + ")"));
    }

    private IllegalArgumentException conversionFailure(JsonProcessingException e, ObjectNode tree,
                                                       Map<String, String> origins) {
        String field = null;
        if (e instanceof JsonMappingException db && !db.getPath().isEmpty()) {
            field = db.getPath().get(0).getFieldName();
        }
        StringBuilder msg = new StringBuilder("Cannot build the ").append(fields.requestType().getSimpleName())
                .append(" request of databricks:").append(endpointPath);
        if (field != null) {
            String wire = field;
            msg.append(": field ").append(field);
            fields.find(field).ifPresent(f -> msg.append(" expects ").append(f.typeDescription()));
            JsonNode value = tree.get(field);
            if (value != null) {
                String shown = value.toString();
                msg.append(", got ").append(shown.length() > 80 ? shown.substring(0, 77) + "..." : shown);
            }
            msg.append(" (from ").append(origins.getOrDefault(wire, "the body")).append(')');
        }
        msg.append(": ").append(originalMessage(e));
        return new IllegalArgumentException(msg.toString(), e);
    }

    private static String originalMessage(IOException e) {
        String m = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        int newline = m == null ? -1 : m.indexOf('\n');
        return newline < 0 ? String.valueOf(m) : m.substring(0, newline);
    }

    private static String suggestion(String name, RequestFields fields) {
        if (fields.isEmpty()) {
            return "";
        }
        List<String> closest = ClosestNames.closestTo(name, fields.userNames()).stream()
                .map(n -> fields.find(n).map(RequestFields.Field::wireName).orElse(n)).distinct().toList();
        return " (did you mean " + String.join(", ", closest) + "?)";
    }
}
