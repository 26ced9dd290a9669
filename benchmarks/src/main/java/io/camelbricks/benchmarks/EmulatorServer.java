package io.camelbricks.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.EmulatorOptions;
import io.camelbricks.emulator.jobs.RunScript;

/**
 * The emulator in its own process for {@link SideBySide}, so that it does not share the measured client's heap, JIT
 * and GC. Prints {@code URL <url>} and {@code TOKEN <token>}, then answers one line per command read on stdin:
 * <ul>
 * <li>{@code seed N}: creates N more jobs ({@code ok <job count>});</li>
 * <li>{@code faults}: 5 % 503 and 1 % 429 on {@code jobs/list}, both with {@code Retry-After: 1}, seeded so that
 *     every client meets the same faults at the same requests ({@code ok});</li>
 * <li>{@code nofaults}: removes them ({@code ok <faults injected since "faults">});</li>
 * <li>{@code clear}: empties the request log ({@code ok});</li>
 * <li>{@code count}: {@code ok <requests> <operation counts>} since the last {@code clear};</li>
 * <li>{@code runsTake PENDING_MS RUNNING_MS}: every run submitted from now on is PENDING for PENDING_MS and RUNNING
 *     for RUNNING_MS of real time (the emulator's system clock), then TERMINATED / SUCCESS ({@code ok <script>});
 *     {@code runsTake polls} restores the default script (PENDING for one poll, RUNNING for one, SUCCESS);</li>
 * <li>{@code runs}: {@code ok <runs held by the emulator>};</li>
 * <li>{@code dropRuns}: forgets every run, job, script and rule, then seeds the jobs of the command line again
 *     ({@code ok <job count>}): a submit brings every run held up to date, so runs left from an earlier measurement
 *     slow the next one down;</li>
 * <li>{@code pager}: starts {@link SyntheticPager} next to the emulator ({@code ok <url>});</li>
 * <li>{@code quit}.</li>
 * </ul>
 * {@code java -cp ... io.camelbricks.benchmarks.EmulatorServer [seedJobs]}
 */
public final class EmulatorServer {
    private EmulatorServer() {
    }

    public static void main(String[] args) throws Exception {
        int seed = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        DatabricksEmulator emu = EmulatorOptions.builder().requestLogCapacity(50_000).threads(16)
                .emulator().start();
        emu.jobs().createJobs(seed);
        System.out.println("URL " + emu.url());
        System.out.println("TOKEN " + emu.token());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] cmd = line.trim().split(" ");
            String answer;
            switch (cmd[0]) {
                case "seed" -> {
                    emu.jobs().createJobs(Integer.parseInt(cmd[1]));
                    answer = "ok " + emu.jobs().jobCount();
                }
                case "faults" -> {
                    emu.faults().clear();
                    // one draw per request: 5 % 503, else 1 % of the rest... close enough to 1 % 429 overall
                    emu.faults().on("GET", "/jobs/list").respond(503).retryAfter(Duration.ofSeconds(1))
                            .probability(0.05).seed(42);
                    emu.faults().on("GET", "/jobs/list").respond(429).retryAfter(Duration.ofSeconds(1))
                            .probability(0.01 / 0.95).seed(43);
                    answer = "ok";
                }
                case "nofaults" -> {
                    answer = "ok " + emu.faults().injectedByKind();
                    emu.faults().clear();
                }
                case "clear" -> {
                    emu.requests().clear();
                    answer = "ok";
                }
                case "runsTake" -> {
                    RunScript script = cmd[1].equals("polls") ? RunScript.succeeds()
                            : RunScript.timed(Duration.ofMillis(Long.parseLong(cmd[1])),
                                    Duration.ofMillis(Long.parseLong(cmd[2])));
                    emu.jobs().defaultScript(script);
                    answer = "ok " + script;
                }
                case "dropRuns" -> {
                    emu.jobs().reset();
                    emu.jobs().createJobs(seed);
                    System.gc(); // the dropped tables' garbage is collected now, not in the next measured pass
                    answer = "ok " + emu.jobs().jobCount();
                }
                case "runs" -> answer = "ok " + emu.jobs().runCount();
                case "pager" -> answer = "ok " + SyntheticPager.start(emu.url(), emu.token());
                case "count" -> answer = "ok " + emu.requests().count() + " " + emu.requests().operationCounts();
                case "quit" -> {
                    emu.close();
                    System.out.println("ok");
                    System.out.flush();
                    System.exit(0);
                    return;
                }
                default -> answer = "error unknown command " + line;
            }
            System.out.println(answer);
            System.out.flush();
        }
        emu.close();
    }
}
