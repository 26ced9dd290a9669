package io.camelbricks.kamelets;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.camel.DatabricksConstants;

import static org.assertj.core.api.Assertions.assertThat;

class VolumeFileSinkKameletTest extends KameletTestSupport {
    private static final String LANDING = "/Volumes/main/default/landing/";

    @BeforeEach
    void volumes() {
        emulator().files().autoCreateVolumes(true);
    }

    private void sinkRoute(String options) throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upload").to("kamelet:databricks-volume-file-sink?" + CONNECTION + "&directory=" + LANDING
                        + options);
            }
        });
    }

    @Test
    void theBodyLandsInTheVolumeUnderTheFileHeaderWithTheSameBytes() throws Exception {
        sinkRoute("");
        byte[] contents = new byte[300_000];
        new Random(11).nextBytes(contents);

        Exchange out = template.request("direct:upload", e -> {
            e.getMessage().setHeader("file", "2026/12/report.bin");
            e.getMessage().setBody(contents);
        });

        assertThat(out.getException()).isNull();
        assertThat(emulator().files().readVolumeFile(LANDING + "2026/12/report.bin")).hasValue(contents);
        assertThat(out.getMessage().getHeader(DatabricksConstants.FILE_PATH)).isEqualTo(LANDING + "2026/12/report.bin");
    }

    @Test
    void theNameComesFromTheCloudEventsHeaderThenCamelFileNameThenTheExchangeId() throws Exception {
        sinkRoute("");

        template.sendBodyAndHeader("direct:upload", "from ce", "ce-file", "ce.txt");
        template.sendBodyAndHeader("direct:upload", "from file", Exchange.FILE_NAME, "in/file.txt");
        Exchange anonymous = template.send("direct:upload", e -> e.getMessage().setBody("anonymous"));

        assertThat(emulator().files().readVolumeFile(LANDING + "ce.txt")).hasValue("from ce".getBytes(StandardCharsets.UTF_8));
        assertThat(emulator().files().readVolumeFile(LANDING + "in/file.txt"))
                .hasValue("from file".getBytes(StandardCharsets.UTF_8));
        String written = anonymous.getMessage().getHeader(DatabricksConstants.FILE_PATH, String.class);
        assertThat(written).as("named by the id of the Kamelet's exchange").matches(LANDING + "[0-9A-F]+-[0-9]+");
        assertThat(emulator().files().readVolumeFile(written)).hasValue("anonymous".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aConfiguredFileNameWinsOverTheHeaders() throws Exception {
        sinkRoute("&fileName=latest.csv");

        template.sendBodyAndHeader("direct:upload", "a,b\n1,2\n", "file", "ignored.csv");

        assertThat(emulator().files().readVolumeFile(LANDING + "latest.csv"))
                .hasValue("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(emulator().files().existsVolumeFile(LANDING + "ignored.csv")).isFalse();
    }
}
