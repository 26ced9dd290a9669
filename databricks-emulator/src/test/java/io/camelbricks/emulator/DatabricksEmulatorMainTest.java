package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DatabricksEmulatorMainTest {

    @Test
    void takesThePortAsPositionalArgumentOrOption() {
        assertThat(DatabricksEmulatorMain.parse(new String[] {"8123"}).options().port()).isEqualTo(8123);
        assertThat(DatabricksEmulatorMain.parse(new String[] {"--port", "8124"}).options().port()).isEqualTo(8124);
        assertThat(DatabricksEmulatorMain.parse(new String[] {"--port=8125"}).options().port()).isEqualTo(8125);
        assertThat(DatabricksEmulatorMain.parse(new String[0]).options().port()).isZero();
    }

    @Test
    void takesTokenTimingAndSeedJobs() {
        DatabricksEmulatorMain.CommandLine c = DatabricksEmulatorMain.parse(
                new String[] {"--token", "dapi-x", "--timed", "--seed-jobs=3"});
        assertThat(c.options().token()).isEqualTo("dapi-x");
        assertThat(c.options().runScript().steps()).allMatch(s -> s.isTimed());
        assertThat(c.seedJobs()).isEqualTo(3);
    }

    @Test
    void takesServicePrincipalsForClientCredentialsWithoutShowingTheirSecrets() {
        DatabricksEmulatorMain.CommandLine c = DatabricksEmulatorMain.parse(
                new String[] {"--service-principal", "sp-1:s3cret", "--service-principal=sp-2:other"});
        assertThat(c.servicePrincipals()).containsEntry("sp-1", "s3cret").containsEntry("sp-2", "other");
        assertThat(c.toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> DatabricksEmulatorMain.parse(new String[] {"--service-principal", "no-secret"}))
                .hasMessageContaining("ID:SECRET");
    }

    @Test
    void rejectsUnknownArguments() {
        assertThatThrownBy(() -> DatabricksEmulatorMain.parse(new String[] {"--nope"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--nope");
        assertThatThrownBy(() -> DatabricksEmulatorMain.parse(new String[] {"--port"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bannerPrintsUrlAndToken() {
        try (DatabricksEmulator emu = new DatabricksEmulator().start()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DatabricksEmulatorMain.printBanner(emu, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertThat(out).contains("DATABRICKS_HOST=" + emu.url()).contains("DATABRICKS_TOKEN=" + emu.token());
        }
    }
}
