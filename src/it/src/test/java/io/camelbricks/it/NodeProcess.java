package io.camelbricks.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.camelbricks.emulator.DatabricksEmulator;

/**
 * A {@link ClusterNode} in a child JVM, seen from the test: started on the test's classpath with the workspace in its
 * environment (never on its command line), read through its journal, and killed like a crashed machine
 * ({@code destroyForcibly}: SIGKILL, no shutdown hook, no graceful stop of anything).
 */
final class NodeProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path journal;

    private NodeProcess(String name, Process process, Path journal) {
        this.name = name;
        this.process = process;
        this.journal = journal;
    }

    /** Starts node {@code name}; its output goes to {@code <logs>/<name>.log}. */
    static NodeProcess start(String name, Path dir, Path logs, DatabricksEmulator emulator, Map<String, String> options)
            throws IOException {
        Path journal = dir.resolve(name + ".journal");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                "-cp", System.getProperty("java.class.path"),
                ClusterNode.class.getName(),
                "journal=" + journal, "name=" + name));
        options.forEach((key, value) -> command.add(key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("DATABRICKS_"));
        builder.environment().put("DATABRICKS_HOST", emulator.url());
        builder.environment().put("DATABRICKS_TOKEN", emulator.token());
        return new NodeProcess(name, builder.start(), journal);
    }

    String name() {
        return name;
    }

    List<String> journal() {
        return NodeJournal.read(journal);
    }

    /** The journal lines that start with {@code prefix} ("EVENT "), without it. */
    List<String> lines(String prefix) {
        return journal().stream().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length())).toList();
    }

    /** Waits (bounded) until the journal has a line that passes {@code test}; fails if the node died first. */
    void awaitLine(Predicate<String> test, String what) throws InterruptedException {
        awaitJournal(lines -> lines.stream().anyMatch(test), what);
    }

    /** Waits (bounded, 30 s) until the journal passes {@code test}; fails if the node died first. */
    void awaitJournal(Predicate<List<String>> test, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!test.test(journal())) {
            if (!process.isAlive()) {
                throw new AssertionError("node " + name + " exited (" + process.exitValue() + ") before: " + what);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened on node " + name + ": " + what + "; journal: " + journal());
            }
            Thread.sleep(10);
        }
    }

    /** Kills the node as a crash would (SIGKILL) and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("node " + name + " did not die");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** The directory the child JVMs' output goes to: next to the suite's log file when there is one. */
    static Path logDirectory(Path fallback) {
        String log = System.getProperty("it.log.file");
        if (log == null) {
            return fallback;
        }
        File dir = new File(new File(log).getParentFile(), "multinode");
        dir.mkdirs();
        return dir.toPath();
    }
}
