package io.camelbricks.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** An {@link EmulatorServer} child process and its command channel. */
final class Emulator implements AutoCloseable {
    final String url;
    final String token;
    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    Emulator(int seedJobs, String heap) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Jvm.java(), "-Xmx" + heap, "-Xms" + heap,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", Jvm.classpath(),
                EmulatorServer.class.getName(), Integer.toString(seedJobs)));
        process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        url = field("URL ");
        token = field("TOKEN ");
    }

    private String field(String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        throw new IOException("the emulator process ended before printing " + prefix);
    }

    /** Sends one command, returns its answer without the leading {@code ok }. */
    synchronized String command(String command) throws IOException {
        in.write(command + "\n");
        in.flush();
        String line = out.readLine();
        if (line == null || !line.startsWith("ok")) {
            throw new IOException("emulator: " + command + " -> " + line);
        }
        return line.length() > 3 ? line.substring(3) : "";
    }

    /** The job every {@code jobs/get} workload reads: the first this emulator lists (asked with the plain loop). */
    long firstJobId() throws Exception {
        try (Clients.Client probe = Clients.plain(url, token)) {
            long[] first = {0};
            probe.list(1, id -> first[0] = id);
            return first[0];
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws Exception {
        try {
            command("quit");
        } catch (IOException ignored) {
            // already gone
        }
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
