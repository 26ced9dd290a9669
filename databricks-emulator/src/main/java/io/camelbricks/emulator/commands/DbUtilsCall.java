package io.camelbricks.emulator.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.Json;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code dbutils} call read from the code of a command: the function ({@code fs.mount},
 * {@code jobs.taskValues.get}) and its JSON arguments. The emulator runs no Python; it reads exactly the code shape
 * of <b>the camelbricks dbutils call protocol, version 1</b>, which {@code databricks-api}'s {@code RemoteDbUtils}
 * sends (five lines, {@code \n}-separated, a final newline optional):
 *
 * <pre>
 * # camelbricks dbutils call v1
 * import json
 * (args, kwargs) = json.loads("[[\"s3a://bucket\", \"/mnt/raw\"], {\"extra_configs\": {}}]")
 * result = dbutils.fs.mount(*args, **kwargs)
 * print(json.dumps(result))
 * </pre>
 *
 * Line 3 holds a JSON string literal (ASCII, also a valid Python literal) whose text is the JSON array
 * {@code [args, kwargs]}: positional arguments and keyword arguments. Line 4 names the function as a dotted path of
 * identifiers. The command's output (its {@code results.data}) is the JSON of the result. Any other code is answered
 * as a cluster would answer code it cannot run: a {@link PythonError} (SyntaxError) naming this protocol.
 */
public record DbUtilsCall(String function, ArrayNode args, ObjectNode kwargs) {

    /** The first line of every call, without the version. */
    public static final String HEADER = "# camelbricks dbutils call ";
    public static final String VERSION = "v1";

    private static final Pattern LOADS = Pattern.compile("\\(args, kwargs\\) = json\\.loads\\((\".*\")\\)");
    private static final Pattern CALL =
            Pattern.compile("result = dbutils\\.([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)\\(\\*args, \\*\\*kwargs\\)");

    /** Reads the call in {@code code}, or raises the {@link PythonError} a cluster would answer. */
    public static DbUtilsCall parse(String code) {
        List<String> lines = List.of(code.replace("\r\n", "\n").split("\n", -1));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines = lines.subList(0, lines.size() - 1);
        }
        if (lines.isEmpty() || !lines.get(0).startsWith(HEADER)) {
            throw PythonError.syntaxError("the Databricks emulator runs no Python; it answers only the camelbricks "
                    + "dbutils call protocol " + VERSION + " (see the emulator README), not: " + firstLine(code));
        }
        String version = lines.get(0).substring(HEADER.length()).trim();
        if (!VERSION.equals(version)) {
            throw PythonError.syntaxError("camelbricks dbutils call protocol " + version
                    + " is not known to this emulator (it speaks " + VERSION + ")");
        }
        if (lines.size() != 5 || !"import json".equals(lines.get(1))
                || !"print(json.dumps(result))".equals(lines.get(4))) {
            throw PythonError.syntaxError("not the shape of a camelbricks dbutils call " + VERSION);
        }
        Matcher loads = LOADS.matcher(lines.get(2));
        Matcher call = CALL.matcher(lines.get(3));
        if (!loads.matches() || !call.matches()) {
            throw PythonError.syntaxError("not the shape of a camelbricks dbutils call " + VERSION + ": line "
                    + (loads.matches() ? 4 : 3));
        }
        JsonNode pair = arguments(loads.group(1));
        return new DbUtilsCall(call.group(1), (ArrayNode) pair.get(0), (ObjectNode) pair.get(1));
    }

    /** The positional argument {@code index}, else the keyword argument {@code name}. */
    public Optional<JsonNode> argument(int index, String name) {
        if (index < args.size()) {
            return Optional.of(args.get(index));
        }
        return Optional.ofNullable(kwargs.get(name)).filter(n -> !n.isNull());
    }

    private static JsonNode arguments(String literal) {
        String text;
        try {
            text = Json.MAPPER.readValue(literal, String.class);
        } catch (Exception e) {
            throw PythonError.syntaxError("invalid string literal on line 3");
        }
        JsonNode pair;
        try {
            pair = Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new PythonError("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)");
        }
        if (pair == null || !pair.isArray() || pair.size() != 2 || !pair.get(0).isArray() || !pair.get(1).isObject()) {
            throw PythonError.valueError("not enough values to unpack (expected 2: args, kwargs)");
        }
        return pair;
    }

    private static String firstLine(String code) {
        String line = code.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }
}
