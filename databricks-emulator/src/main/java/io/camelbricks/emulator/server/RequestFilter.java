package io.camelbricks.emulator.server;

/**
 * Runs before routing on every {@code /api/} request: authentication today; rate limits and fault injection
 * later. Throw {@link ApiException} to answer with an error instead of calling the operation.
 */
@FunctionalInterface
public interface RequestFilter {

    void apply(ApiRequest request);
}
