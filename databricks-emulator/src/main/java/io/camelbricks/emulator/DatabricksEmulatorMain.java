package io.camelbricks.emulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an emulator until the process is killed.
 *
 * <pre>
 * java -jar databricks-emulator-&lt;version&gt;-standalone.jar [PORT] [--port N] [--token T] [--timed] [--seed-jobs N] [--empty]
 * java -cp ... io.camelbricks.emulator.DatabricksEmulatorMain ...
 * </pre>
 * Prints the URL and token (also as {@code DATABRICKS_HOST=} / {@code DATABRICKS_TOKEN=} lines).
 */
public final class DatabricksEmulatorMain {

    /** Parsed command line. */
    record CommandLine(EmulatorOptions options, int seedJobs, boolean help, java.util.Map<String, String> servicePrincipals,
                       boolean empty) {
        CommandLine(EmulatorOptions options, int seedJobs, boolean help) {
            this(options, seedJobs, help, java.util.Map.of());
        }

        CommandLine(EmulatorOptions options, int seedJobs, boolean help, java.util.Map<String, String> servicePrincipals) {
            this(options, seedJobs, help, servicePrincipals, false);
        }

        @Override
        public String toString() {
            return "CommandLine[" + options + ", seedJobs=" + seedJobs + ", servicePrincipals="
                    + servicePrincipals.keySet() + "]";
        }
    }

    static final String USAGE = String.join("\n",
            "usage: DatabricksEmulatorMain [PORT] [--port N] [--token T] [--timed] [--seed-jobs N]"
                    + " [--service-principal ID:SECRET]... [--empty]",
            "  PORT, --port N   port on 127.0.0.1 (default 0: a free port)",
            "  --token T        personal access token to accept (default: a random dapi... token)",
            "  --timed          runs are PENDING 2s and RUNNING 5s of wall-clock time (default: one poll each)",
            "  --seed-jobs N    create N jobs at start",
            "  --service-principal ID:SECRET",
            "                   register an OAuth service principal (client credentials at /oidc/v1/token)",
            "  --empty          start without the demo workspace (default: a few jobs, clusters, a pool, a policy)");

    private DatabricksEmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        CommandLine commandLine;
        try {
            commandLine = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (commandLine.help()) {
            System.out.println(USAGE);
            return;
        }
        DatabricksEmulator emu = new DatabricksEmulator(commandLine.options()).start();
        if (!commandLine.empty()) {
            DemoWorkspace.seed(emu);
        }
        emu.jobs().createJobs(commandLine.seedJobs());
        commandLine.servicePrincipals().forEach(emu.oauth()::addServicePrincipal);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emu.close();
            stopped.countDown();
        }, "databricks-emulator-shutdown"));
        printBanner(emu, System.out);
        stopped.await();
    }

    static void printBanner(DatabricksEmulator emu, PrintStream out) {
        out.println("Databricks emulator listening on " + emu.url());
        out.println("DATABRICKS_HOST=" + emu.url());
        out.println("DATABRICKS_TOKEN=" + emu.token());
        out.flush();
    }

    static CommandLine parse(String[] args) {
        EmulatorOptions.Builder options = EmulatorOptions.builder();
        int seedJobs = 0;
        boolean help = false;
        java.util.Map<String, String> servicePrincipals = new java.util.LinkedHashMap<>();
        boolean empty = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--port":
                    options.port(parseInt(name, value != null ? value : next(args, ++i, name)));
                    break;
                case "--token":
                    options.token(value != null ? value : next(args, ++i, name));
                    break;
                case "--timed":
                    options.timedRuns(Duration.ofSeconds(2), Duration.ofSeconds(5));
                    break;
                case "--seed-jobs":
                    seedJobs = parseInt(name, value != null ? value : next(args, ++i, name));
                    break;
                case "--service-principal": {
                    String sp = value != null ? value : next(args, ++i, name);
                    int colon = sp.indexOf(':');
                    if (colon <= 0 || colon == sp.length() - 1) {
                        throw new IllegalArgumentException(name + " needs ID:SECRET");
                    }
                    servicePrincipals.put(sp.substring(0, colon), sp.substring(colon + 1));
                    break;
                }
                case "--empty":
                    empty = true;
                    break;
                case "-h":
                case "--help":
                    help = true;
                    break;
                default:
                    if (arg.matches("\\d+")) {
                        options.port(parseInt("PORT", arg));
                    } else {
                        throw new IllegalArgumentException("unknown argument: " + arg);
                    }
            }
        }
        return new CommandLine(options.build(), seedJobs, help, java.util.Map.copyOf(servicePrincipals), empty);
    }

    private static String next(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number: " + value);
        }
    }
}
