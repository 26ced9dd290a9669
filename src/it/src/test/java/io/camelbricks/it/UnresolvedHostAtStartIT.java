package io.camelbricks.it;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, faults survived: the workspace's host name does not resolve when the route starts (DNS failure): a clear
 * error naming the host and that it could not be resolved, the producer health check DOWN; then the name resolves
 * and the same route, not restarted, goes through, the check UP. Both transports: Apache HttpClient (the default)
 * and {@code java.net.http}.
 *
 * <p>The name resolution is real and under the test's control: the route runs in a child JVM
 * ({@link UnresolvedHostChild}) whose only resolver is a hosts file ({@code -Djdk.net.hosts.file}, the JDK's
 * documented alternative to the system resolver: a name absent from the file fails at once, with
 * {@code UnknownHostException}), with the negative DNS cache off ({@code networkaddress.cache.negative.ttl=0}
 * through a {@code java.security.properties} override, so the failed lookup is not remembered). The test then
 * appends {@code 127.0.0.1 it-workspace.test} to the file.
 */
class UnresolvedHostAtStartIT {
    static final String NAME = "it-workspace.test";

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    @RegisterExtension
    final ItReport report = new ItReport();

    @TempDir
    Path dir;

    @Test
    void anUnresolvableHostFailsClearlyIsDownThenRecoversWithoutRestartingTheRoute() throws Exception {
        report.scenario("DNS failure at start (Apache transport): clear error, health DOWN, recovery without a route"
                + " restart once the name resolves");
        failsIsDownThenRecovers("apache");
    }

    @Test
    void withTheJdkTransportAnUnresolvableHostFailsClearlyIsDownThenRecovers() throws Exception {
        report.scenario("DNS failure at start (JDK transport): clear error, health DOWN, recovery without a route"
                + " restart once the name resolves");
        failsIsDownThenRecovers("jdk");
    }

    private void failsIsDownThenRecovers(String transport) throws Exception {
        DatabricksEmulator emulator = DATABRICKS.emulator();
        emulator.reset();
        Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n", StandardCharsets.UTF_8);
        Path security = Files.writeString(dir.resolve("no-negative-dns-cache.security"),
                "networkaddress.cache.negative.ttl=0\n", StandardCharsets.UTF_8);
        String host = "http://" + NAME + ":" + URI.create(emulator.url()).getPort();

        try (ChildJvm child = ChildJvm.start(UnresolvedHostChild.class, Map.of(
                "jdk.net.hosts.file", hosts.toString(), "java.security.properties", security.toString()),
                "unresolved-host-" + transport, transport, host, emulator.token())) {
            String error = child.awaitLine("error ");
            String down = child.awaitLine("health ");
            child.awaitLine("waiting");
            long requestsWhileUnresolved = emulator.requests().count();

            Files.writeString(hosts, "127.0.0.1 " + NAME + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            child.tell("resolvable");
            String ok = child.awaitLine("ok ");
            String up = child.awaitLine("health ");
            String route = child.awaitLine("route ");
            int exit = child.awaitExit();

            String firstMessage = error.substring(error.indexOf(": ") + 2, error.indexOf(" || "));
            report.figure("error", firstMessage.replace('|', '/')).figure("health before", down)
                    .figure("health after", up).figure("runs after recovery", emulator.jobs().runCount());
            assertThat(error).as("the error names the host and that it could not be resolved")
                    .contains("the host name " + NAME + " could not be resolved (DNS)")
                    .doesNotContain(emulator.token());
            assertThat(down).startsWith("DOWN").contains("cannot be reached").contains(NAME)
                    .contains("could not be resolved");
            assertThat(requestsWhileUnresolved).as("nothing reached the workspace").isZero();
            assertThat(ok).startsWith("SUCCESS ");
            assertThat(up).startsWith("UP");
            assertThat(route).as("the same route object, still started").isEqualTo("true Started");
            assertThat(exit).isZero();
            assertThat(emulator.jobs().runCount()).isEqualTo(1);
            assertThat(emulator.requests().all()).as("every request went to the name, resolved")
                    .isNotEmpty().allSatisfy(r -> assertThat(r.headers().entrySet()).anySatisfy(h -> {
                        assertThat(h.getKey()).isEqualToIgnoringCase("Host");
                        assertThat(h.getValue()).first().asString().startsWith(NAME + ":");
                    }));
        }
    }
}
