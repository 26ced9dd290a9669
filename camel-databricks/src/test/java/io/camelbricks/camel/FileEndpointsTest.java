package io.camelbricks.camel;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code files/upload}, {@code files/download}, {@code dbfs/upload} and {@code dbfs/download}: the body streams to
 * and from Volumes and DBFS, whatever its type, with the path from the URI or headers.
 */
class FileEndpointsTest extends EmulatorTestSupport {
    private static final String LANDING = "/Volumes/main/default/landing/";

    @TempDir
    static Path inbox;

    @BeforeEach
    void fresh() {
        emulator().reset();
        emulator().files().autoCreateVolumes(true);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?noop=true&recursive=true").routeId("inbox").autoStartup(false)
                        .to("databricks:files/upload?path=" + LANDING + "&overwrite=true&" + connection());
                from("direct:upload").to("databricks:files/upload?" + connection());
                from("direct:download").to("databricks:files/download?" + connection());
                // the stream is closed when the exchange completes: read it inside the route
                from("direct:downloadDigest").to("databricks:files/download?" + connection())
                        .process(e -> e.getMessage().setHeader("streamed", e.getMessage().getBody() instanceof InputStream))
                        .process(e -> e.getMessage().setBody(GeneratedBytes.sha256(
                                e.getMessage().getBody(InputStream.class))));
                from("direct:dbfsUpload").to("databricks:dbfs/upload?path=/tmp/big.bin&overwrite=true&"
                        + connection());
                from("direct:notebookUpload").to("databricks:workspace/upload?language=PYTHON&overwrite=true&"
                        + connection());
                from("direct:notebookDownload").to("databricks:workspace/download?format=JUPYTER&" + connection())
                        .convertBodyTo(String.class);
                from("direct:dbfsDownload").to("databricks:dbfs/download?path=/tmp/big.bin&" + connection())
                        .process(e -> e.getMessage().setBody(GeneratedBytes.sha256(
                                e.getMessage().getBody(InputStream.class))));
            }
        };
    }

    @Test
    void filesFromAFileConsumerLandInTheVolumeUnderTheirNames() throws Exception {
        byte[] report = GeneratedBytes.bytes(3 * 1024 * 1024 + 7, 1);
        Files.createDirectories(inbox.resolve("2026/11"));
        Files.write(inbox.resolve("2026/11/report.bin"), report);
        Files.writeString(inbox.resolve("notes.txt"), "hello volume");
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("inbox").whenCompleted(2).create();

        context.getRouteController().startRoute("inbox");

        assertThat(done.matchesWaitTime()).isTrue();
        assertThat(emulator().files().readVolumeFile(LANDING + "2026/11/report.bin")).contains(report);
        assertThat(emulator().files().readVolumeFile(LANDING + "notes.txt"))
                .contains("hello volume".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyBodyTypeUploadsItsBytes(@TempDir Path tmp) throws Exception {
        Path local = tmp.resolve("local.bin");
        Files.write(local, new byte[] {1, 2, 3});
        Map<String, Object> bodies = Map.of(
                "string.txt", "text é",
                "bytes.bin", new byte[] {4, 5},
                "stream.bin", new ByteArrayInputStream(new byte[] {6}),
                "file.bin", local.toFile(),
                "path.bin", local);

        bodies.forEach((name, body) -> template.sendBodyAndHeader("direct:upload", body, "CamelDatabricks.path",
                LANDING + name));

        assertThat(emulator().files().readVolumeFile(LANDING + "string.txt"))
                .contains("text é".getBytes(StandardCharsets.UTF_8));
        assertThat(emulator().files().readVolumeFile(LANDING + "bytes.bin")).contains(new byte[] {4, 5});
        assertThat(emulator().files().readVolumeFile(LANDING + "stream.bin")).contains(new byte[] {6});
        assertThat(emulator().files().readVolumeFile(LANDING + "file.bin")).contains(new byte[] {1, 2, 3});
        assertThat(emulator().files().readVolumeFile(LANDING + "path.bin")).contains(new byte[] {1, 2, 3});
    }

    @Test
    void downloadGivesAStreamWithTheFileHeaders() throws Exception {
        emulator().files().writeVolumeFile(LANDING + "in/data.bin", GeneratedBytes.bytes(2 * 1024 * 1024, 2));

        Exchange out = template.request("direct:downloadDigest",
                e -> e.getMessage().setHeader("CamelDatabricks.filePath", LANDING + "in/data.bin"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("streamed")).isEqualTo(true);
        assertThat(out.getMessage().getBody()).isEqualTo(GeneratedBytes.sha256(new GeneratedBytes(2 * 1024 * 1024, 2)));
        assertThat(out.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo("data.bin");
        assertThat(out.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class)).isEqualTo(2 * 1024 * 1024);
        assertThat(out.getMessage().getHeader(DatabricksConstants.FILE_PATH)).isEqualTo(LANDING + "in/data.bin");
    }

    @Test
    void aDownloadCutMidStreamResumes() throws Exception {
        emulator().files().writeVolumeFile(LANDING + "cut.bin", GeneratedBytes.bytes(1024 * 1024, 3));
        emulator().faults().on("GET", "/fs/files/**").truncateBody().once();

        String digest = template.requestBodyAndHeader("direct:downloadDigest", null, "CamelDatabricks.path",
                LANDING + "cut.bin", String.class);

        assertThat(digest).isEqualTo(GeneratedBytes.sha256(new GeneratedBytes(1024 * 1024, 3)));
        assertThat(emulator().faults().injectedCount()).isEqualTo(1);
        assertThat(emulator().requests().countOperation("files.Files.download")).isEqualTo(2);
    }

    @Test
    void dbfsTakesFilesLargerThanOnePutBothWays() throws Exception {
        long size = 5L * 1024 * 1024 + 3; // six 1 MB blocks

        template.sendBody("direct:dbfsUpload", new GeneratedBytes(size, 4));
        String digest = template.requestBody("direct:dbfsDownload", null, String.class);

        assertThat(digest).isEqualTo(GeneratedBytes.sha256(new GeneratedBytes(size, 4)));
        assertThat(emulator().requests().countOperation("files.Dbfs.addBlock")).isEqualTo(6);
        assertThat(emulator().files().openHandles()).isZero();
    }

    @Test
    void aNotebookGoesIntoTheWorkspaceAndComesBackAsJupyter() {
        String source = "# Databricks notebook source\nprint('hello')\n";

        template.sendBodyAndHeader("direct:notebookUpload", source, "CamelDatabricks.path", "/Shared/hello");
        String ipynb = template.requestBodyAndHeader("direct:notebookDownload", null, "CamelDatabricks.path",
                "/Shared/hello", String.class);

        assertThat(ipynb).contains("\"cells\"").contains("print('hello')");
        assertThat(emulator().requests().countOperation("workspace.Workspace.importContent")).isEqualTo(1);
    }

    @Test
    void aMissingFileFailsTheExchangeWithTheDatabricksError() {
        Exchange out = template.request("direct:download",
                e -> e.getMessage().setHeader("CamelDatabricks.path", LANDING + "nope.bin"));

        assertThat(out.getException()).isInstanceOf(DatabricksOperationException.class)
                .hasMessageContaining("files/download").hasMessageContaining("NOT_FOUND");
        assertThat(out.getMessage().getHeader(DatabricksConstants.STATUS_CODE)).isEqualTo(404);
    }

    @Test
    void badPathsAndBodiesAreRefusedBeforeAnythingIsSent() {
        long before = emulator().requests().count();

        assertThatThrownBy(() -> template.sendBody("direct:upload", "no path"))
                .isInstanceOf(CamelExecutionException.class).cause()
                .hasMessageContaining("needs the path of the file").hasMessageContaining("CamelDatabricks.path");
        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:upload", "x", "CamelDatabricks.path",
                LANDING + "../../other/x.txt")).cause().hasMessageContaining("contains a .. segment");
        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:upload", "x", "CamelDatabricks.path",
                "Volumes/x.txt")).cause().hasMessageContaining("is not absolute");
        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:upload", new Object(), "CamelDatabricks.path",
                LANDING + "x")).cause().hasMessageContaining("cannot upload a body of type java.lang.Object")
                .hasMessageContaining("File, Path, InputStream, byte[] or String");
        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:upload", null, "CamelDatabricks.path",
                LANDING + "x")).cause().hasMessageContaining("but it is null");
        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:upload", "x", "CamelDatabricks.path",
                LANDING)).cause().hasMessageContaining("no CamelFileName header");
        assertThat(emulator().requests().count()).isEqualTo(before);
    }

    @Test
    void streamingDbfsOperationsRefuseTheWindowFieldsOfTheRestOperation() {
        assertThatThrownBy(() -> context.getEndpoint("databricks:dbfs/download?path=/a&offset=10&" + connection()))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("streams the whole file").hasMessageContaining("offset");
        assertThatThrownBy(() -> context.getEndpoint("databricks:dbfs/uplod?" + connection()))
                .hasMessageContaining("dbfs/upload");
    }

    @Test
    void theDownloadStreamIsClosedWhenTheExchangeCompletes() throws Exception {
        emulator().files().writeVolumeFile(LANDING + "unread.bin", new byte[100_000]);

        InputStream body = template.requestBodyAndHeader("direct:download", null, "CamelDatabricks.path",
                LANDING + "unread.bin", InputStream.class);

        assertThatThrownBy(body::read).isInstanceOf(java.io.IOException.class);
    }

}
