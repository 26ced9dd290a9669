package io.camelbricks.emulator.server;

/** Handles one operation (verb + path). Throw {@link ApiException} for error answers. */
@FunctionalInterface
public interface ApiHandler {

    ApiResponse handle(ApiRequest request);
}
