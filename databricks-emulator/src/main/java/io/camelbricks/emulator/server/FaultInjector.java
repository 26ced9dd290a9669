package io.camelbricks.emulator.server;

/**
 * Decides, for each request, whether the server acts out a fault (an error status, an HTML page, a reset
 * connection, a truncated or lost answer, a delay). Consulted once per request, after its body is read and before
 * the {@link RequestFilter}s (authentication) and the router: faults model the load balancer and the gateway.
 */
@FunctionalInterface
public interface FaultInjector {

    /** The fault to act out, or null to answer normally. */
    Fault inspect(ApiRequest request);

    /** Never injects anything. */
    FaultInjector NONE = request -> null;
}
