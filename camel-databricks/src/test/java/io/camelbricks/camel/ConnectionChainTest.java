package io.camelbricks.camel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the connection options leave unset comes from the client's default chain: here a {@code .databrickscfg}
 * file, its DEFAULT section when nothing names a profile, or the named {@code profile}. (The environment variables
 * of the chain are covered by databricks-api's configuration tests; a test cannot set them in-process.)
 */
class ConnectionChainTest extends EmulatorTestSupport {
    @TempDir
    Path dir;

    @Test
    void withOnlyAConfigFileItsDefaultSectionOrANamedProfileConfiguresTheClient() throws Exception {
        Path file = dir.resolve("databrickscfg");
        Files.writeString(file, "[DEFAULT]\nhost = " + emulator().url() + "\ntoken = " + emulator().token()
                + "\n\n[elsewhere]\nhost = " + emulator().url() + "\ntoken = " + emulator().token()
                + "\nrate_limit = 7\n", StandardCharsets.UTF_8);
        emulator().reset();
        emulator().jobs().createJobs(2);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:default").to("databricks:jobs/list?configFile=RAW(" + file + ")");
                from("direct:profile").to("databricks:jobs/list?configFile=RAW(" + file + ")&profile=elsewhere");
            }
        });

        Exchange byDefault = template.request("direct:default", e -> { });
        Exchange byProfile = template.request("direct:profile", e -> { });

        assertThat(byDefault.getException()).isNull();
        assertThat(byDefault.getMessage().getBody(List.class)).hasSize(2);
        assertThat(byProfile.getException()).isNull();
        DatabricksEndpoint profiled = context.getEndpoints().stream().filter(DatabricksEndpoint.class::isInstance)
                .map(DatabricksEndpoint.class::cast).filter(e -> "elsewhere".equals(e.getConfiguration().getProfile()))
                .findFirst().orElseThrow();
        assertThat(profiled.client().config().getRateLimit()).as("from the profile").isEqualTo(7);
        assertThat(profiled.client().config().getAuthType()).isEqualTo("pat");
    }
}
