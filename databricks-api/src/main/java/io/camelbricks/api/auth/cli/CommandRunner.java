package io.camelbricks.api.auth.cli;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelbricks.api.DatabricksException;

/**
 * Finds and runs a command-line tool (the Azure CLI, the Databricks CLI) in the configuration's resolved environment:
 * {@code PATH} comes from that environment, never from the process, and the child sees exactly that environment.
 */
public final class CommandRunner {
    /** How long one run may take before it is killed. */
    public static final Duration TIMEOUT = Duration.ofMinutes(1);

    private final Map<String, String> env;
    private final Duration timeout;

    public CommandRunner(Map<String, String> env) {
        this(env, TIMEOUT);
    }

    public CommandRunner(Map<String, String> env, Duration timeout) {
        this.env = Map.copyOf(env);
        this.timeout = timeout;
    }

    /** What a finished run printed. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** The message of a failed run: stdout if any (Azure CLI prints some errors there), else stderr. */
        public String failureMessage() {
            String out = stdout.strip();
            return out.isEmpty() ? stderr.strip() : out;
        }
    }

    /**
     * The executable {@code name}: itself when it contains a path separator, else the first executable file of that
     * name in the environment's {@code PATH}; empty when there is none.
     */
    public Optional<Path> find(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            if (name.contains("/") || name.contains(File.separator)) {
                Path path = expandHome(name);
                return executable(path) ? Optional.of(path) : Optional.empty();
            }
            String pathVar = env.get("PATH");
            if (pathVar == null || pathVar.isEmpty()) {
                return Optional.empty();
            }
            for (String dir : pathVar.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (executable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Runs {@code executable args...}; a run that cannot start or times out is an error naming the tool only. */
    public Result run(Path executable, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        String tool = executable.getFileName().toString();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DatabricksException("cannot run " + tool + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String stdout = read(process.getInputStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new DatabricksException(tool + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), stdout, stderr.join());
        } catch (IOException e) {
            process.destroyForcibly();
            throw new DatabricksException("cannot run " + tool + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DatabricksException("interrupted while running " + tool, e);
        }
    }

    private Path expandHome(String name) {
        if (name.startsWith("~/") && env.get("HOME") != null) {
            return Path.of(env.get("HOME"), name.substring(2));
        }
        return Path.of(name);
    }

    private static boolean executable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
