package io.camelbricks.api.contract;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.emulator.DatabricksEmulator;

/**
 * What every contract test shares: one emulator and one typed client (fast retries and polls) per test class, and a
 * fresh workspace before each test.
 */
abstract class EmulatorContract {
    protected static DatabricksEmulator emu;
    protected static WorkspaceClient w;

    @BeforeAll
    static void startEmulatorAndClient() {
        emu = new DatabricksEmulator().start();
        w = new WorkspaceClient(TestClients.fast(new DatabricksConfig().setHost(emu.url()).setToken(emu.token())
                .resolve(Map.of())));
    }

    @AfterAll
    static void stopClientAndEmulator() {
        w.close();
        emu.close();
    }

    @BeforeEach
    void resetWorkspace() {
        emu.reset();
    }
}
