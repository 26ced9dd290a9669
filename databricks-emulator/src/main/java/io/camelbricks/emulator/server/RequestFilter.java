package io.camelbricks.emulator.server;

/**
 * Runs before routing on every {@code /api/} request: authentication. (Rate limits and faults are decided earlier, by
 * the {@link FaultInjector}.) Throw {@link ApiException} to answer with an error instead of calling the operation.
 */
@FunctionalInterface
public interface RequestFilter {

    void apply(ApiRequest request);
}
