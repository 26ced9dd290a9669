package io.camelbricks.emulator.faults;

import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Fault;
import io.camelbricks.emulator.server.FaultInjector;
import io.camelbricks.emulator.server.RequestLog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Fault injection and rate limits, per path pattern, deterministic ({@code emu.faults()}).
 *
 * <pre>{@code
 * emu.faults().on("POST", "/jobs/runs/submit").respond(503).times(2);        // the first two submits: 503
 * emu.faults().on("/jobs/runs/get").respond(500).probability(0.05).seed(42);  // 5 %, same requests every run
 * emu.faults().on("GET", "/clusters/*").respondHtml(502).every(3);             // every third: an HTML 502 page
 * emu.faults().on("/jobs/runs/get").delay(Duration.ofMillis(300)).once();    // a slow answer
 * emu.faults().on("POST", "/jobs/run-now").loseResponse().once();             // runs, but the answer is lost
 * emu.faults().on("/jobs/runs/list").resetConnection().once();                // connection closed, no answer
 * emu.faults().on("/jobs/get").truncateBody().once();                         // Content-Length N, N/2 bytes sent
 * emu.faults().rateLimit("/jobs/runs/get", 10);                               // 10/s: 429 REQUEST_LIMIT_EXCEEDED
 * emu.faults().injected();  emu.faults().injectedCount();  emu.faults().clear();
 * }</pre>
 *
 * Faults are decided before authentication and routing (they model the load balancer and the gateway), for every
 * path (also the OAuth server's); rate limits are checked first, then fault rules in registration order; the first
 * that fires wins. Every injected fault is listed in {@link #injected()} and marked in the request log
 * ({@code RecordedRequest.injectedFault()}).
 */
public final class EmulatedFaults implements FaultInjector {

    /** The longest delay a rule may ask for. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(10);

    private final Clock clock;
    private final RequestLog.OperationIds operationIds;
    private final List<RateLimit> limits = new CopyOnWriteArrayList<>();
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final List<InjectedFault> injected = new ArrayList<>();

    public EmulatedFaults(Clock clock, RequestLog.OperationIds operationIds) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.operationIds = operationIds;
    }

    /** Requests of any verb whose versionless path matches {@code pathPattern} (glob or {@code regex:...}). */
    public Target on(String pathPattern) {
        return new Target(PathPattern.of(null, pathPattern));
    }

    /** Requests with this verb whose versionless path matches {@code pathPattern}. */
    public Target on(String method, String pathPattern) {
        return new Target(PathPattern.of(Objects.requireNonNull(method, "method"), pathPattern));
    }

    /** Requests (with this verb, or any when null) whose versionless path matches the whole regex. */
    public Target on(String method, Pattern pathRegex) {
        return new Target(PathPattern.of(method, pathRegex));
    }

    /** A rate limit of {@code perSecond} requests for the paths matching {@code pathPattern}, any verb. */
    public RateLimit rateLimit(String pathPattern, double perSecond) {
        RateLimit limit = new RateLimit(PathPattern.of(null, pathPattern), perSecond);
        limits.add(limit);
        return limit;
    }

    /** A rate limit for one verb. */
    public RateLimit rateLimit(String method, String pathPattern, double perSecond) {
        RateLimit limit = new RateLimit(PathPattern.of(Objects.requireNonNull(method, "method"), pathPattern),
                perSecond);
        limits.add(limit);
        return limit;
    }

    /** Removes every rule and rate limit and forgets the injected faults. */
    public synchronized void clear() {
        rules.clear();
        limits.clear();
        injected.clear();
    }

    /** The registered rules, in order. */
    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    public List<RateLimit> rateLimits() {
        return List.copyOf(limits);
    }

    /** Every fault acted out since the start or {@link #clear()}, oldest first. */
    public synchronized List<InjectedFault> injected() {
        return List.copyOf(injected);
    }

    public synchronized long injectedCount() {
        return injected.size();
    }

    /** Faults injected on requests with this verb and versionless path ({@code "POST", "/jobs/runs/submit"}). */
    public synchronized long injectedCount(String method, String apiPath) {
        String verb = method.toUpperCase(Locale.ROOT);
        return injected.stream().filter(f -> f.method().equals(verb)
                && (f.path().equals(apiPath) || f.path().matches("^/api/\\d+\\.\\d+" + Pattern.quote(apiPath) + "$")))
                .count();
    }

    /** Injected faults per kind ({@code "503"}, {@code "429 rate-limit"}, {@code "reset"}, ...). */
    public synchronized Map<String, Long> injectedByKind() {
        Map<String, Long> counts = new TreeMap<>();
        injected.forEach(f -> counts.merge(f.fault(), 1L, Long::sum));
        return counts;
    }

    @Override
    public synchronized Fault inspect(ApiRequest request) {
        limits.removeIf(RateLimit::isRemoved);
        rules.removeIf(FaultRule::isRemoved);
        for (RateLimit limit : limits) {
            if (limit.matches(request)) {
                Fault fault = limit.take(clock.instant());
                if (fault != null) {
                    return record(request, fault, limit.toString());
                }
            }
        }
        for (FaultRule rule : rules) {
            if (rule.matches(request)) {
                Fault fault = rule.next();
                if (fault != null) {
                    return record(request, fault, rule.toString());
                }
            }
        }
        return null;
    }

    private Fault record(ApiRequest request, Fault fault, String rule) {
        String operationId = null;
        try {
            operationId = operationIds == null ? null : operationIds.operationId(request.method(), request.path());
        } catch (RuntimeException e) {
            // not in the spec
        }
        injected.add(new InjectedFault(clock.instant(), request.method(), request.path(), operationId,
                fault.description(), rule));
        return fault;
    }

    static Duration checkDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("delay must be within 0.." + MAX_DELAY + ": " + delay);
        }
        return delay;
    }

    /** What happens to the requests of an {@code on(...)}: each method registers a {@link FaultRule} and returns it. */
    public final class Target {
        private final PathPattern pattern;

        private Target(PathPattern pattern) {
            this.pattern = pattern;
        }

        /**
         * A Databricks-shaped error, {@code {"error_code", "message", "details"}}, with the error code of the status:
         * 429 REQUEST_LIMIT_EXCEEDED (with {@code Retry-After: 1}), 500 INTERNAL_ERROR, 502 BAD_GATEWAY,
         * 503 TEMPORARILY_UNAVAILABLE, 504 DEADLINE_EXCEEDED, 400 BAD_REQUEST, 401 UNAUTHENTICATED,
         * 403 PERMISSION_DENIED, 404 NOT_FOUND, 409 RESOURCE_CONFLICT, 501 NOT_IMPLEMENTED.
         */
        public FaultRule respond(int status) {
            return respond(status, errorCode(status), defaultMessage(status));
        }

        /** A Databricks-shaped error with this status, error code and message. */
        public FaultRule respond(int status, String errorCode, String message) {
            checkStatus(status);
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(message, "message");
            return add(Fault.Action.ERROR, Integer.toString(status), (delay, retryAfter) -> {
                Integer seconds = retryAfter != null ? retryAfter : status == 429 ? Integer.valueOf(1) : null;
                Map<String, String> headers = seconds == null ? Map.of() : Map.of("Retry-After", seconds.toString());
                return new Fault(Fault.Action.ERROR, delay, new ApiException(status, errorCode, message, headers),
                        null, describe(Integer.toString(status), delay));
            });
        }

        /** An HTML error page, as a load balancer or proxy sends it ({@code text/html}, not JSON). */
        public FaultRule respondHtml(int status) {
            checkStatus(status);
            return add(Fault.Action.PAGE, status + " html", (delay, retryAfter) -> {
                Map<String, String> headers = new HashMap<>();
                if (retryAfter != null) {
                    headers.put("Retry-After", retryAfter.toString());
                }
                return new Fault(Fault.Action.PAGE, delay, null, ApiResponse.html(status, htmlPage(status), headers),
                        describe(status + " html", delay));
            });
        }

        /** A slow answer: waits {@code delay} (real time, no server thread held), then answers normally. */
        public FaultRule delay(Duration delay) {
            Duration d = checkDelay(delay);
            return registerRule(new FaultRule(pattern, Fault.Action.PROCEED, "delay", (dd, retryAfter) ->
                    new Fault(Fault.Action.PROCEED, dd, null, null, "delay " + dd.toMillis() + "ms"), d));
        }

        /** The connection is closed without an answer; the operation is not called (the client reads EOF). */
        public FaultRule resetConnection() {
            return add(Fault.Action.RESET, "reset", (delay, retryAfter) ->
                    new Fault(Fault.Action.RESET, delay, null, null, describe("reset", delay)));
        }

        /** The operation runs (state changes), then the connection is closed without its answer. */
        public FaultRule loseResponse() {
            return add(Fault.Action.LOSE_RESPONSE, "lose-response", (delay, retryAfter) ->
                    new Fault(Fault.Action.LOSE_RESPONSE, delay, null, null, describe("lose-response", delay)));
        }

        /** The operation runs; its answer declares the full Content-Length but only half the body is sent. */
        public FaultRule truncateBody() {
            return add(Fault.Action.TRUNCATE, "truncate", (delay, retryAfter) ->
                    new Fault(Fault.Action.TRUNCATE, delay, null, null, describe("truncate", delay)));
        }

        private FaultRule add(Fault.Action action, String what, FaultRule.FaultFactory factory) {
            return registerRule(new FaultRule(pattern, action, what, factory, Duration.ZERO));
        }
    }

    private FaultRule registerRule(FaultRule rule) {
        rules.add(rule);
        return rule;
    }

    private static String describe(String what, Duration delay) {
        return delay.isZero() ? what : what + " after " + delay.toMillis() + "ms";
    }

    private static void checkStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an injected error has a 4xx or 5xx status: " + status);
        }
    }

    static String errorCode(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 409 -> "RESOURCE_CONFLICT";
            case 429 -> "REQUEST_LIMIT_EXCEEDED";
            case 500 -> "INTERNAL_ERROR";
            case 501 -> "NOT_IMPLEMENTED";
            case 502 -> "BAD_GATEWAY";
            case 503 -> "TEMPORARILY_UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    private static String defaultMessage(int status) {
        return switch (status) {
            case 429 -> "Too many requests. Please wait a moment and try again.";
            case 502 -> "Bad gateway.";
            case 503 -> "The service is temporarily unavailable. Please try again later.";
            case 504 -> "The request timed out.";
            default -> "Injected fault (" + status + ").";
        };
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Temporarily Unavailable";
            case 504 -> "Gateway Time-out";
            default -> "Error";
        };
    }

    /** The page an nginx-style load balancer sends. */
    static String htmlPage(int status) {
        String title = status + " " + reason(status);
        return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    }
}
