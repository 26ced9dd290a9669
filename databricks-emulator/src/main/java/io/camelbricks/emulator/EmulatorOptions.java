package io.camelbricks.emulator;

import io.camelbricks.emulator.jobs.RunScript;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How an emulator is set up. {@code EmulatorOptions.builder().port(8080).token("dapi-test").build()}.
 * The token never appears in {@link #toString()}.
 */
public final class EmulatorOptions {

    private final int port;
    private final String token;
    private final Clock clock;
    private final RunScript runScript;
    private final boolean failureMarkers;
    private final int threads;
    private final int requestLogCapacity;
    private final String userName;
    private final int maxPageSize;
    private final int fallbackListSize;

    private EmulatorOptions(Builder b) {
        this.port = b.port;
        this.token = b.token;
        this.clock = b.clock;
        this.runScript = b.runScript;
        this.failureMarkers = b.failureMarkers;
        this.threads = b.threads;
        this.requestLogCapacity = b.requestLogCapacity;
        this.userName = b.userName;
        this.maxPageSize = b.maxPageSize;
        this.fallbackListSize = b.fallbackListSize;
    }

    public static EmulatorOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Port on 127.0.0.1; 0 (default) picks a free one. */
    public int port() {
        return port;
    }

    /** The personal access token clients must send; null means a random {@code dapi...} token per emulator. */
    public String token() {
        return token;
    }

    public Clock clock() {
        return clock;
    }

    /** Lifecycle of runs that no rule claims (default {@link RunScript#succeeds()}). */
    public RunScript runScript() {
        return runScript;
    }

    /** Whether "fail" / "internal-error" in a task's notebook path or file fails its run (default true). */
    public boolean failureMarkers() {
        return failureMarkers;
    }

    /** HTTP worker threads (default 16). */
    public int threads() {
        return threads;
    }

    /** How many requests the request log keeps (default 10 000). */
    public int requestLogCapacity() {
        return requestLogCapacity;
    }

    /** creator_user_name of jobs, runs and clusters. */
    public String userName() {
        return userName;
    }

    /** Forced maximum page size of every list (0, the default: each API's own page sizes). */
    public int maxPageSize() {
        return maxPageSize;
    }

    /** How many items the lists of spec-fallback operations hold (default 1). */
    public int fallbackListSize() {
        return fallbackListSize;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.port = port;
        b.token = token;
        b.clock = clock;
        b.runScript = runScript;
        b.failureMarkers = failureMarkers;
        b.threads = threads;
        b.requestLogCapacity = requestLogCapacity;
        b.userName = userName;
        b.maxPageSize = maxPageSize;
        b.fallbackListSize = fallbackListSize;
        return b;
    }

    @Override
    public String toString() {
        return "EmulatorOptions{port=" + port + ", token=" + (token == null ? "<random>" : "<given>")
                + ", clock=" + clock + ", runScript=" + runScript + ", failureMarkers=" + failureMarkers
                + ", threads=" + threads + ", userName=" + userName
                + (maxPageSize > 0 ? ", maxPageSize=" + maxPageSize : "") + "}";
    }

    /** Builder for {@link EmulatorOptions}. */
    public static final class Builder {
        private int port;
        private String token;
        private Clock clock = Clock.systemUTC();
        private RunScript runScript = RunScript.succeeds();
        private boolean failureMarkers = true;
        private int threads = 16;
        private int requestLogCapacity = 10_000;
        private String userName = "emulator-user@example.com";
        private int maxPageSize;
        private int fallbackListSize = 1;

        private Builder() {
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder token(String token) {
            if (token != null && (token.isBlank() || token.chars().anyMatch(Character::isWhitespace))) {
                throw new IllegalArgumentException("token must be non-blank and without whitespace");
            }
            this.token = token;
            return this;
        }

        /** The clock for run and job times and for clock-timed lifecycle steps, e.g. a {@link ManualClock}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Default run lifecycle, e.g. {@code RunScript.builder().pending(2).running(5).thenSucceed()}. */
        public Builder runScript(RunScript runScript) {
            this.runScript = Objects.requireNonNull(runScript, "runScript");
            return this;
        }

        /** Shortcut: runs are PENDING for {@code pending} and RUNNING for {@code running} of clock time, then succeed. */
        public Builder timedRuns(Duration pending, Duration running) {
            return runScript(RunScript.timed(pending, running));
        }

        public Builder failureMarkers(boolean enabled) {
            this.failureMarkers = enabled;
            return this;
        }

        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive");
            }
            this.threads = threads;
            return this;
        }

        public Builder requestLogCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be positive");
            }
            this.requestLogCapacity = capacity;
            return this;
        }

        public Builder userName(String userName) {
            this.userName = Objects.requireNonNull(userName, "userName");
            return this;
        }

        /**
         * Every list answers at most {@code size} items per page, whatever the client asks for, so that client
         * paging is exercised with few items (0, the default: each API's own page sizes). Per list and at run time:
         * {@code emu.pageSizes()}.
         */
        public Builder maxPageSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("maxPageSize must not be negative");
            }
            this.maxPageSize = size;
            return this;
        }

        /** How many items the lists of operations answered by the spec fallback hold (default 1). */
        public Builder fallbackListSize(int items) {
            if (items < 0 || items > 10_000) {
                throw new IllegalArgumentException("fallbackListSize must be within 0..10000");
            }
            this.fallbackListSize = items;
            return this;
        }

        public EmulatorOptions build() {
            return new EmulatorOptions(this);
        }

        /** {@code new DatabricksEmulator(build())}, not yet started. */
        public DatabricksEmulator emulator() {
            return new DatabricksEmulator(build());
        }
    }
}
