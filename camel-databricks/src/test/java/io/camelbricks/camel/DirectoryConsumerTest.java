package io.camelbricks.camel;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code from("databricks:files/listDirectoryContents?path=/Volumes/...")} and {@code dbfs/list}: each new or changed
 * file once, filtered by include/exclude, optionally recursive, its content streamed when the body is read.
 */
class DirectoryConsumerTest extends EmulatorTestSupport {
    private static final String LANDING = "/Volumes/main/default/landing";

    private final List<Exchange> received = new ArrayList<>();

    @TempDir
    static Path outbox;

    @BeforeEach
    void fresh() {
        emulator().reset();
        emulator().files().autoCreateVolumes(true);
        received.clear();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("databricks:files/listDirectoryContents?path=" + LANDING + "&include=.*\\.csv&recursive=true"
                        + "&startScheduler=false&" + connection()).routeId("csv")
                        .process(received::add)
                        .to("file:" + outbox);
                from("databricks:files/listDirectoryContents?path=" + LANDING + "&exclude=.*\\.tmp"
                        + "&startScheduler=false&" + connection()).routeId("flat").process(received::add);
                from("databricks:dbfs/list?path=/landing&startScheduler=false&" + connection()).routeId("dbfs")
                        .process(e -> e.getMessage().setHeader("text", e.getMessage().getBody(String.class)))
                        .process(received::add);
            }
        };
    }

    @Test
    void eachNewFileComesOnceAndIsStreamedToTheFileProducer() throws Exception {
        byte[] big = GeneratedBytes.bytes(3 * 1024 * 1024, 5);
        emulator().files().writeVolumeFile(LANDING + "/a.csv", "id\n1\n".getBytes(StandardCharsets.UTF_8));
        emulator().files().writeVolumeFile(LANDING + "/2026/11/b.csv", big);
        emulator().files().writeVolumeFile(LANDING + "/skip.json", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(poll(context, "csv")).isEqualTo(2);
        assertThat(poll(context, "csv")).isZero();

        assertThat(received).extracting(e -> e.getMessage().getHeader(Exchange.FILE_NAME))
                .containsExactlyInAnyOrder("a.csv", "2026/11/b.csv");
        assertThat(received.get(0).getMessage().getBody()).isInstanceOf(DatabricksFile.class);
        assertThat(outbox.resolve("a.csv")).hasContent("id\n1\n");
        assertThat(Files.readAllBytes(outbox.resolve("2026/11/b.csv"))).isEqualTo(big);
    }

    @Test
    void aChangedFileComesAgainAndAnUnchangedOneDoesNot() throws Exception {
        emulator().files().writeVolumeFile(LANDING + "/a.csv", "v1".getBytes(StandardCharsets.UTF_8));
        emulator().files().writeVolumeFile(LANDING + "/b.csv", "same".getBytes(StandardCharsets.UTF_8));
        assertThat(poll(context, "flat")).isEqualTo(2);

        emulator().files().writeVolumeFile(LANDING + "/a.csv", "version 2".getBytes(StandardCharsets.UTF_8));
        emulator().files().writeVolumeFile(LANDING + "/c.tmp", "partial".getBytes(StandardCharsets.UTF_8));

        assertThat(poll(context, "flat")).isEqualTo(1);
        assertThat(received.get(2).getMessage().getHeader(DatabricksConstants.FILE_PATH)).isEqualTo(LANDING + "/a.csv");
        assertThat(received.get(2).getMessage().getHeader(Exchange.FILE_LENGTH)).isEqualTo(9L);
    }

    @Test
    void nestedDirectoriesAreSkippedWithoutRecursive() throws Exception {
        emulator().files().writeVolumeFile(LANDING + "/top.csv", "x".getBytes(StandardCharsets.UTF_8));
        emulator().files().writeVolumeFile(LANDING + "/sub/nested.csv", "y".getBytes(StandardCharsets.UTF_8));

        assertThat(poll(context, "flat")).isEqualTo(1);
        assertThat(received.get(0).getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo("top.csv");
    }

    @Test
    void dbfsDirectoriesAreConsumedTheSameWay() throws Exception {
        emulator().files().writeDbfs("/landing/one.txt", "first".getBytes(StandardCharsets.UTF_8));

        assertThat(poll(context, "dbfs")).isEqualTo(1);

        assertThat(received.get(0).getMessage().getHeader("text")).isEqualTo("first");
        assertThat(received.get(0).getMessage().getHeader(DatabricksConstants.FILE_PATH)).isEqualTo("/landing/one.txt");
    }

    @Test
    void aPersistentRepositoryRemembersFilesAcrossRestartsAndAFailedExchangeIsRetried(@TempDir Path tmp)
            throws Exception {
        File store = tmp.resolve("seen.txt").toFile();
        emulator().files().writeVolumeFile(LANDING + "/a.csv", "a".getBytes(StandardCharsets.UTF_8));
        emulator().files().writeVolumeFile(LANDING + "/b.csv", "b".getBytes(StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();

        CamelContext first = restartable(store, names, "b.csv");
        assertThat(poll(first, "restartable")).isEqualTo(2);
        first.stop();
        CamelContext second = restartable(store, names, null);
        assertThat(poll(second, "restartable")).isEqualTo(1);
        assertThat(poll(second, "restartable")).isZero();
        second.stop();

        assertThat(names).containsExactlyInAnyOrder("a.csv", "failed:b.csv", "b.csv");
    }

    private CamelContext restartable(File store, List<String> names, String failOn) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("store", FileIdempotentRepository.fileIdempotentRepository(store));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("databricks:files/listDirectoryContents?path=" + LANDING
                        + "&idempotentRepository=#store&startScheduler=false&" + connection()).routeId("restartable")
                        .process(e -> {
                            String name = e.getMessage().getHeader(Exchange.FILE_NAME, String.class);
                            if (name.equals(failOn)) {
                                names.add("failed:" + name);
                                throw new IllegalStateException("downstream failed");
                            }
                            names.add(name);
                        });
            }
        });
        camel.start();
        return camel;
    }

    private static int poll(CamelContext camel, String routeId) throws Exception {
        return ((DatabricksConsumer) camel.getRoute(routeId).getConsumer()).poll();
    }
}
