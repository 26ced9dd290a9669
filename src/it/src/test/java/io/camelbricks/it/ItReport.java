package io.camelbricks.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One row per scenario in {@code target/it-report.md} (the module's build directory): scenario, result, the figures
 * the test measured (items, runs, duplicates, faults, ...) and its wall-clock time. Register it per test class and
 * put figures as the test goes; the row is written when the test ends, passed or failed. The file is started afresh
 * by the first row of a JVM, so it always holds the latest run.
 *
 * <pre>{@code
 * @RegisterExtension final ItReport report = new ItReport();
 * ... report.scenario("100,000-item listing under faults").figure("items", n);
 * }</pre>
 */
final class ItReport implements BeforeEachCallback, TestWatcher {
    static final Path FILE = Path.of(System.getProperty("it.report.file", "target/it-report.md"));
    private static boolean started;

    private String scenario;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private long startNanos;

    ItReport scenario(String name) {
        this.scenario = name;
        return this;
    }

    ItReport figure(String name, Object value) {
        figures.put(name, value);
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        figures.clear();
        scenario = null;
        startNanos = System.nanoTime();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        write(context, "pass");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        String message = String.valueOf(cause.getMessage()).strip().lines().findFirst().orElse("").replace('|', '/');
        write(context, "**FAIL**: " + (message.length() > 160 ? message.substring(0, 160) + "..." : message));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        write(context, "skipped");
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        // not run: no figures to report
    }

    private void write(ExtensionContext context, String result) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        StringJoiner shown = new StringJoiner(", ");
        figures.forEach((k, v) -> shown.add(k + " " + format(v)));
        String test = context.getRequiredTestClass().getSimpleName() + "#" + context.getRequiredTestMethod().getName();
        String row = "| " + (scenario == null ? context.getDisplayName() : scenario) + " | `" + test + "` | " + result
                + " | " + shown + " | " + String.format(java.util.Locale.ROOT, "%.1f s", took.toMillis() / 1000.0)
                + " |\n";
        append(row);
    }

    private static String format(Object v) {
        if (v instanceof Integer || v instanceof Long) {
            return String.format(java.util.Locale.ROOT, "%,d", ((Number) v).longValue());
        }
        if (v instanceof Double d) {
            return String.format(java.util.Locale.ROOT, "%.3f", d);
        }
        return String.valueOf(v);
    }

    private static synchronized void append(String row) {
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            if (!started) {
                started = true;
                Files.writeString(FILE, "<!-- written by the ITs (ItReport), run started " + Instant.now() + " -->\n"
                        + "| scenario | test | result | figures | time |\n|---|---|---|---|---|\n",
                        StandardCharsets.UTF_8);
            }
            Files.writeString(FILE, row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
