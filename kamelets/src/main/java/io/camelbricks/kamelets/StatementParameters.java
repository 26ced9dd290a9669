package io.camelbricks.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The processor of the {@code databricks-sql-sink} Kamelet: turns the message body, a JSON object (text, bytes,
 * stream) or a {@code Map}, into the named parameters of a SQL statement ({@code :id} gets the body's field
 * {@code id}), set as the request field header {@code CamelDatabricks.parameters} of
 * {@code databricks:statementExecution/executeStatement}; the body is then emptied so that it is not read as the
 * request. Numbers are typed {@code BIGINT} or {@code DOUBLE} (or {@code DECIMAL(p,s)}), booleans {@code BOOLEAN},
 * text {@code STRING} (the API's default), null {@code NULL}. An empty body leaves the statement without parameters.
 */
public final class StatementParameters implements Processor {
    /** The request-field header the component reads the statement parameters from. */
    public static final String HEADER = "CamelDatabricks.parameters";

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        ObjectNode fields = fieldsOf(message);
        if (fields == null) {
            return;
        }
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            parameters.add(parameter(field.getKey(), field.getValue()));
        }
        message.setHeader(HEADER, parameters);
        message.setBody(null);
    }

    private ObjectNode fieldsOf(Message message) throws IOException, InvalidPayloadException {
        Object body = message.getBody();
        JsonNode node;
        if (body == null) {
            return null;
        } else if (body instanceof Map<?, ?> map) {
            node = mapper.valueToTree(map);
        } else if (body instanceof byte[] bytes) {
            node = bytes.length == 0 ? null : mapper.readTree(bytes);
        } else if (body instanceof InputStream stream) {
            node = mapper.readTree(stream);
        } else {
            String text = message.getMandatoryBody(String.class);
            node = text.isBlank() ? null : mapper.readTree(text);
        }
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("databricks-sql-sink: the message body must be a JSON object (or a Map)"
                    + " whose fields are the statement's named parameters, e.g. {\"id\": 1, \"name\": \"x\"}; got JSON "
                    + node.getNodeType());
        }
        return object;
    }

    private static Map<String, Object> parameter(String name, JsonNode value) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", name);
        if (value.isNull()) {
            return parameter; // no value: SQL NULL
        }
        if (value.isContainerNode()) {
            throw new IllegalArgumentException("databricks-sql-sink: parameter '" + name + "' is a JSON "
                    + value.getNodeType() + "; a parameter value must be text, a number, a boolean or null");
        }
        parameter.put("value", value.asText());
        if (value.isIntegralNumber()) {
            parameter.put("type", "BIGINT");
        } else if (value.isBigDecimal()) {
            parameter.put("type", "DECIMAL(" + Math.max(value.decimalValue().precision(), value.decimalValue().scale())
                    + "," + Math.max(value.decimalValue().scale(), 0) + ")");
        } else if (value.isNumber()) {
            parameter.put("type", "DOUBLE");
        } else if (value.isBoolean()) {
            parameter.put("type", "BOOLEAN");
        }
        return parameter;
    }
}
