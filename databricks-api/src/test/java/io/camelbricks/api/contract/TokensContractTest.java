package io.camelbricks.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.error.PermissionDenied;
import io.camelbricks.api.error.ResourceDoesNotExist;
import io.camelbricks.api.service.settings.CreateTokenRequest;
import io.camelbricks.api.service.settings.CreateTokenResponse;
import io.camelbricks.api.service.settings.PublicTokenInfo;
import io.camelbricks.api.service.settings.RevokeTokenRequest;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.EmulatorOptions;
import io.camelbricks.emulator.ManualClock;

/** The typed client's Tokens service against the emulator: a created token is a working PAT until revoked or expired. */
class TokensContractTest {

    private static final ManualClock CLOCK = new ManualClock();
    private static DatabricksEmulator emu;
    private static WorkspaceClient w;

    @BeforeAll
    static void start() {
        emu = EmulatorOptions.builder().clock(CLOCK).emulator().start();
        w = client(emu.token());
    }

    @AfterAll
    static void stop() {
        w.close();
        emu.close();
    }

    @BeforeEach
    void fresh() {
        emu.reset();
    }

    private static WorkspaceClient client(String token) {
        return new WorkspaceClient(TestClients.fast(new DatabricksConfig().setHost(emu.url()).setToken(token)
                .resolve(Map.of())));
    }

    @Test
    void aCreatedTokenWorksAtOnceAndStopsWorkingWhenDeleted() {
        CreateTokenResponse created = w.tokens().create(new CreateTokenRequest().setComment("ci"));
        assertThat(created.getTokenValue()).startsWith("dapi");
        assertThat(created.getTokenInfo().getExpiryTime()).isEqualTo(-1L);

        try (WorkspaceClient ci = client(created.getTokenValue())) {
            assertThat(ci.currentUser().me().getUserName()).isEqualTo(emu.options().userName());
            assertThat(w.tokens().list().stream().map(PublicTokenInfo::getComment)).containsExactly("ci");

            w.tokens().delete(new RevokeTokenRequest().setTokenId(created.getTokenInfo().getTokenId()));
            assertThatThrownBy(() -> ci.currentUser().me()).isInstanceOf(PermissionDenied.class)
                    .hasMessageContaining("Invalid access token");
        }
        assertThat(w.tokens().list().stream().toList()).isEmpty();
        assertThatThrownBy(() -> w.tokens().delete(new RevokeTokenRequest().setTokenId("nope")))
                .isInstanceOf(ResourceDoesNotExist.class);
    }

    @Test
    void aTokenExpiresAfterItsLifetimeOnTheClock() {
        CreateTokenResponse created = w.tokens().create(new CreateTokenRequest().setComment("short")
                .setLifetimeSeconds(3600L));
        assertThat(created.getTokenInfo().getExpiryTime()).isEqualTo(CLOCK.millis() + 3_600_000L);

        try (WorkspaceClient shortLived = client(created.getTokenValue())) {
            shortLived.currentUser().me();
            CLOCK.advance(Duration.ofHours(1));
            assertThatThrownBy(() -> shortLived.currentUser().me()).isInstanceOf(PermissionDenied.class);
        }
        assertThat(emu.tokens().tokenIds()).containsExactly(created.getTokenInfo().getTokenId());
    }

    @Test
    void theTokenValueIsNeverStoredInTheClear() {
        String value = w.tokens().create(new CreateTokenRequest()).getTokenValue();
        assertThat(emu.tokens().toString()).doesNotContain(value);
        assertThat(emu.requests().all()).allSatisfy(r -> assertThat(r.bodyText()).doesNotContain(value));
    }
}
