package io.camelbricks.emulator.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.Json;

/**
 * A Python exception as a cluster reports it in a command's {@code results}: {@code resultType: "error"}, an HTML
 * {@code summary} ({@code <span class='ansi-red-fg'>NameError</span>: name 'x' is not defined}) and a {@code cause}
 * holding the traceback with ANSI colour codes.
 */
public final class PythonError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final String RED = "\u001b[0;31m";
    private static final String RESET = "\u001b[0m";

    private final String type;

    public PythonError(String type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    public static PythonError syntaxError(String message) {
        return new PythonError("SyntaxError", message);
    }

    public static PythonError nameError(String message) {
        return new PythonError("NameError", message);
    }

    public static PythonError typeError(String message) {
        return new PythonError("TypeError", message);
    }

    public static PythonError valueError(String message) {
        return new PythonError("ValueError", message);
    }

    /** A JVM exception raised by dbutils, as Py4J hands it to Python ({@code ExecutionError: ... Exception: ...}). */
    public static PythonError javaException(String javaType, String message) {
        return new PythonError("ExecutionError", "An error occurred while calling o0.call.\n: " + javaType + ": "
                + message);
    }

    /** The Python exception class, e.g. {@code NameError}. */
    public String type() {
        return type;
    }

    /** The {@code results} object of a command that raised this. */
    public ObjectNode results(String commandLabel) {
        ObjectNode results = Json.object();
        results.put("resultType", "error");
        results.put("summary", "<span class='ansi-red-fg'>" + type + "</span>: " + escapeHtml(getMessage()));
        results.put("cause", "---------------------------------------------------------------------------\n"
                + RED + type + RESET + "                                 Traceback (most recent call last)\n"
                + "File " + commandLabel + ", line 4\n\n" + RED + type + RESET + ": " + getMessage());
        return results;
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
                .replace("\"", "&quot;");
    }
}
