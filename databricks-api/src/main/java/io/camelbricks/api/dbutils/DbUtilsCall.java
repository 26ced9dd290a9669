package io.camelbricks.api.dbutils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelbricks.api.DatabricksException;

/**
 * One {@code dbutils} call as Python code, in <b>the camelbricks dbutils call protocol, version 1</b> (the emulator
 * recognises exactly this shape; see its {@code DbUtilsCall}):
 *
 * <pre>
 * # camelbricks dbutils call v1
 * import json
 * (args, kwargs) = json.loads("[[\"s3a://bucket\",\"/mnt/raw\"],{\"extra_configs\":{}}]")
 * result = dbutils.fs.mount(*args, **kwargs)
 * print(json.dumps(result))
 * </pre>
 *
 * The arguments travel as JSON text inside a JSON string literal that is also a valid Python literal (non-ASCII
 * characters escaped, so quotes, backslashes and any Unicode arrive intact); the result is printed as JSON, so the
 * command's text output is the result. {@code null} keyword arguments are left out (Python's defaults apply).
 *
 * @param function the dotted path under {@code dbutils}, e.g. {@code fs.mount} or {@code jobs.taskValues.get}
 */
public record DbUtilsCall(String function, List<Object> args, Map<String, Object> kwargs) {
    public static final String HEADER = "# camelbricks dbutils call v1";
    private static final Pattern FUNCTION = Pattern.compile("[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)*");
    private static final Pattern OUT = Pattern.compile("^Out\\[[\\d\\s]+]:\\s");

    public DbUtilsCall {
        Objects.requireNonNull(function, "function");
        if (!FUNCTION.matcher(function).matches()) {
            throw new IllegalArgumentException("not a dbutils function: " + function);
        }
        args = List.copyOf(args);                  // no null positional arguments: pass them by keyword
        Map<String, Object> named = new LinkedHashMap<>();
        kwargs.forEach((k, v) -> {
            if (v != null) {
                named.put(k, v);
            }
        });
        kwargs = named;
    }

    public static DbUtilsCall of(String function, Object... args) {
        return new DbUtilsCall(function, List.of(args), Map.of());
    }

    /** {@code dbutils.<function>} as it is written in errors. */
    public String label() {
        return "dbutils." + function;
    }

    /** The Python code of the call. */
    public String code(ObjectMapper mapper) {
        ArrayNode pair = mapper.createArrayNode();
        ArrayNode positional = pair.addArray();
        args.forEach(a -> positional.add((JsonNode) mapper.valueToTree(a)));
        ObjectNode named = pair.addObject();
        kwargs.forEach((k, v) -> named.set(k, (JsonNode) mapper.valueToTree(v)));
        try {
            String json = mapper.writer().with(JsonGenerator.Feature.ESCAPE_NON_ASCII).writeValueAsString(pair);
            String literal = mapper.writer().with(JsonGenerator.Feature.ESCAPE_NON_ASCII).writeValueAsString(json);
            return HEADER + "\nimport json\n(args, kwargs) = json.loads(" + literal + ")\nresult = dbutils."
                    + function + "(*args, **kwargs)\nprint(json.dumps(result))\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the arguments of " + label() + " cannot be written as JSON", e);
        }
    }

    /** The result in the command's text output: its last non-blank line, as JSON. */
    public JsonNode result(ObjectMapper mapper, String output) {
        List<String> lines = new ArrayList<>(output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        if (lines.isEmpty()) {
            throw new DatabricksException(label() + " printed nothing; expected its result as JSON");
        }
        String last = OUT.matcher(lines.get(lines.size() - 1)).replaceFirst("");
        try {
            return mapper.readTree(last);
        } catch (JsonProcessingException e) {
            throw new DatabricksException(label() + " printed what is not JSON: "
                    + (last.length() > 200 ? last.substring(0, 200) + "..." : last), e);
        }
    }
}
