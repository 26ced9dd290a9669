package io.camelbricks.emulator.server;

/** One emulated service (Jobs, Clusters, ...): registers its operations on the router. */
public interface ServiceHandler {

    void register(Router router);
}
