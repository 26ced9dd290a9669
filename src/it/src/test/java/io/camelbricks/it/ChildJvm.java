package io.camelbricks.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM running one of the test sources' {@code main} classes, on this JVM's class path: for what one JVM
 * cannot show (a name resolver set at start-up, a JDK property read once, a process killed with SIGKILL). The child
 * talks in lines: what it prints on stdout is read here ({@link #awaitLine}), what {@link #tell} writes it reads on
 * stdin. Its stderr (its log) goes to a file under {@code target/}, for a look after a failure.
 */
final class ChildJvm implements AutoCloseable {
    /** How long the parent waits for a line: long enough for a loaded machine, bounded so a broken child fails. */
    private static final long LINE_TIMEOUT_SECONDS = 60;
    private static final String END = "\u0000end";

    private final Process process;
    private final PrintWriter stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child died: END below tells the waiting side
            }
            lines.add(END);
        }, "child-jvm-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code main} with these system properties and arguments; its log goes to {@code target/<logName>.log}.
     */
    static ChildJvm start(Class<?> main, Map<String, String> properties, String logName, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1"); // these children run for seconds: start fast, no costly JIT
        command.add("-XX:+UseSerialGC");
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Path log = Path.of("target", logName + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        return new ChildJvm(process, log);
    }

    /** The next line the child prints that starts with {@code prefix} (earlier other lines are skipped). */
    String awaitLine(String prefix) throws InterruptedException {
        while (true) {
            String line = lines.poll(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (line == null || END.equals(line)) {
                throw new AssertionError((line == null ? "no line '" + prefix + "...' within " + LINE_TIMEOUT_SECONDS
                        + " s" : "the child ended before printing '" + prefix + "...'") + "; it printed " + seen
                        + "; its log: " + log);
            }
            seen.add(line);
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
    }

    /** Writes a line to the child's stdin. */
    void tell(String line) {
        stdin.println(line);
    }

    /** SIGKILL: the child gets no chance to run anything more (no shutdown hooks, no finally blocks). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Waits for the child to exit on its own and returns its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the child did not exit; it printed " + seen + "; its log: " + log);
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** The child's side: prints one line for the parent, at once. */
    static void say(String line) {
        System.out.println(line.replace('\n', ' ').replace('\r', ' '));
        System.out.flush();
    }

    /** The child's side: the next line from the parent (null if the parent went away). */
    static String listen(BufferedReader parent) throws IOException {
        return parent.readLine();
    }
}
