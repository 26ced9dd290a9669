package io.camelbricks.emulator.faults;

import java.time.Instant;

/**
 * A fault the emulator acted out, for test assertions ({@code emu.faults().injected()}).
 *
 * @param time        when (emulator clock)
 * @param method      the request's verb
 * @param path        the request's full path ({@code /api/2.2/jobs/runs/submit})
 * @param operationId the spec's operationId of the request, or null
 * @param fault       what was injected: {@code "503"}, {@code "502 html"}, {@code "429 rate-limit"},
 *                    {@code "delay 250ms"}, {@code "reset"}, {@code "lose-response"}, {@code "truncate"}
 * @param rule        the rule or rate limit that injected it
 */
public record InjectedFault(Instant time, String method, String path, String operationId, String fault, String rule) {
}
