package io.camelbricks.api.dbutils;

import java.util.List;
import java.util.regex.Pattern;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.service.compute.Results;

/**
 * A command of the Command Execution API ended in error ({@code results.resultType = "error"}, or status Error): the
 * message is the last line of the summary as plain text (e.g. {@code NameError: name 'x' is not defined}, or
 * {@code java.rmi.RemoteException: Directory not mounted: /mnt/x}); {@link #summary()} and {@link #remoteCause()}
 * keep what the cluster sent (the cause is the Python traceback), with HTML tags and ANSI colour codes removed.
 */
public class CommandFailedException extends DatabricksException {
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ANSI = Pattern.compile("(\\x9B|\\x1B\\[)[0-?]*[ -/]*[@-~]");

    private final String summary;
    private final String remoteCause;

    public CommandFailedException(String message, String summary, String remoteCause) {
        super(message);
        this.summary = summary;
        this.remoteCause = remoteCause;
    }

    /** The exception of a failed command's results ({@code what} names the call, e.g. {@code dbutils.fs.mount}). */
    public static CommandFailedException of(String what, Results results) {
        String summary = results == null ? "" : plain(results.getSummary());
        String cause = results == null ? "" : plain(results.getCause());
        String line = lastLine(summary.isEmpty() ? cause : summary);
        return new CommandFailedException(what + " failed: " + (line.isEmpty() ? "no error details" : line),
                summary, cause);
    }

    /** The summary of the error as plain text (HTML tags removed, entities decoded). */
    public String summary() {
        return summary;
    }

    /** The {@code cause} the cluster reported (usually a Python traceback), without ANSI colour codes. */
    public String remoteCause() {
        return remoteCause;
    }

    static String plain(String text) {
        if (text == null) {
            return "";
        }
        String s = ANSI.matcher(TAG.matcher(text).replaceAll("")).replaceAll("");
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&").strip();
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        String last = lines.get(lines.size() - 1);
        return last.startsWith(": ") ? last.substring(2) : last;
    }
}
