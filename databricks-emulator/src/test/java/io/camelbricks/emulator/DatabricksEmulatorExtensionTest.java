package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelbricks.emulator.jobs.RunScript;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

class DatabricksEmulatorExtensionTest {

    private static final AtomicReference<DatabricksEmulator> FROM_BEFORE_ALL = new AtomicReference<>();

    @Nested
    @ExtendWith(DatabricksEmulatorExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Declarative {

        @BeforeAll
        static void beforeAll(DatabricksEmulator emu) {
            FROM_BEFORE_ALL.set(emu);
        }

        @Test
        @Order(1)
        void injectsAStartedEmulator(DatabricksEmulator emu) {
            assertThat(emu.isRunning()).isTrue();
            assertThat(new EmulatorClient(emu).get("/api/2.1/clusters/list").status()).isEqualTo(200);
        }

        @Test
        @Order(2)
        void sharesOneEmulatorAcrossTheClass(DatabricksEmulator emu) {
            assertThat(emu).isSameAs(FROM_BEFORE_ALL.get());
        }

        @Nested
        class Inner {
            @Test
            void nestedClassesShareTheOuterEmulator(DatabricksEmulator emu) {
                assertThat(emu).isSameAs(FROM_BEFORE_ALL.get());
            }
        }
    }

    @Nested
    class Programmatic {

        @RegisterExtension
        static DatabricksEmulatorExtension databricks = new DatabricksEmulatorExtension(EmulatorOptions.builder()
                .token("dapi-programmatic").runScript(RunScript.builder().running(1).thenSucceed()).build());

        @Test
        void usesTheGivenOptions(DatabricksEmulator emu) {
            assertThat(databricks.emulator()).isSameAs(emu);
            assertThat(emu.token()).isEqualTo("dapi-programmatic");
            EmulatorClient client = new EmulatorClient(emu);
            long runId = client.submitNotebook("x", "/a");
            assertThat(client.lifeCycle(runId)).isEqualTo("RUNNING");
            assertThat(client.lifeCycle(runId)).isEqualTo("TERMINATED");
        }
    }
}
