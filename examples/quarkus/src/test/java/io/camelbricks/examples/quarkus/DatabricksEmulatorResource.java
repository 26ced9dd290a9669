package io.camelbricks.examples.quarkus;

import java.util.Map;

import io.camelbricks.emulator.DatabricksEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a Databricks emulator on loopback before the Quarkus application, and points the {@code databricks}
 * component at it with the same properties a user sets in {@code application.properties}.
 */
public class DatabricksEmulatorResource implements QuarkusTestResourceLifecycleManager {

    private static volatile DatabricksEmulator emulator;

    @Override
    public Map<String, String> start() {
        emulator = new DatabricksEmulator().start();
        return Map.of("camel.component.databricks.host", emulator.url(),
                "camel.component.databricks.token", emulator.token());
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    /** The running emulator, for assertions on the workspace state. */
    static DatabricksEmulator emulator() {
        return emulator;
    }
}
