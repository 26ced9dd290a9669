package io.camelbricks.api.files;

import static io.camelbricks.api.testing.GeneratedBytes.generated;
import static io.camelbricks.api.testing.GeneratedBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.error.NotFound;
import io.camelbricks.api.error.ResourceConflict;
import io.camelbricks.api.service.catalog.CreateVolumeRequestContent;
import io.camelbricks.api.service.catalog.VolumeType;
import io.camelbricks.api.service.files.DirectoryEntry;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.EmulatorOptions;

/** {@code w.fileSystem()}: streamed uploads, resumable downloads, metadata, directories. */
class FileSystemEmulatorTest {
    private static final String VOLUME = "/Volumes/main/default/landing";
    private static DatabricksEmulator emu;
    private static WorkspaceClient w;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        emu = EmulatorOptions.builder().emulator().start();
        w = new WorkspaceClient(TestClients.fast(new DatabricksConfig().setHost(emu.url()).setToken(emu.token())
                .resolve(Map.of())));
    }

    @AfterAll
    static void stop() {
        w.close();
        emu.close();
    }

    @BeforeEach
    void fresh() {
        emu.reset();
        w.volumes().create(new CreateVolumeRequestContent().setCatalogName("main").setSchemaName("default")
                .setName("landing").setVolumeType(VolumeType.MANAGED));
    }

    @Test
    void aLargeStreamIsUploadedInOnePutAndDownloadedByteIdentical() throws Exception {
        long size = 48L * 1024 * 1024;
        w.fileSystem().upload(VOLUME + "/big.bin", generated(size, 7), false);
        assertThat(emu.requests().count("PUT", "/fs/files" + VOLUME + "/big.bin")).isEqualTo(1);
        assertThat(w.fileSystem().getMetadata(VOLUME + "/big.bin").getContentLength()).isEqualTo(size);
        try (InputStream in = w.fileSystem().download(VOLUME + "/big.bin")) {
            assertThat(sha256(in)).isEqualTo(sha256(generated(size, 7)));
        }
    }

    @Test
    void overwriteIsRequiredForAnExistingFile() throws Exception {
        Path local = Files.writeString(tmp.resolve("a.txt"), "one");
        w.fileSystem().upload(VOLUME + "/a.txt", local, false);
        assertThatThrownBy(() -> w.fileSystem().upload(VOLUME + "/a.txt", local, false))
                .isInstanceOf(ResourceConflict.class);
        w.fileSystem().upload(VOLUME + "/a.txt", new ByteArrayInputStream("two".getBytes(StandardCharsets.UTF_8)), true);
        Path back = tmp.resolve("back.txt");
        w.fileSystem().download(VOLUME + "/a.txt", back);
        assertThat(Files.readString(back)).isEqualTo("two");
    }

    @Test
    void aDownloadCutMidStreamResumesWithARangeRequest() throws Exception {
        long size = 3L * 1024 * 1024;
        w.fileSystem().upload(VOLUME + "/cut.bin", generated(size, 3), false);
        emu.faults().on("GET", "/fs/files/**").truncateBody().times(2);

        try (InputStream in = w.fileSystem().download(VOLUME + "/cut.bin")) {
            assertThat(sha256(in)).isEqualTo(sha256(generated(size, 3)));
        }
        var gets = emu.requests().matching(r -> "GET".equals(r.method()) && r.path().contains("/fs/files/"));
        assertThat(gets).hasSize(3);
        assertThat(gets.get(0).headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Range"))).isFalse();
        assertThat(gets.get(1).headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Range"))
                .findFirst().orElseThrow().getValue().get(0)).startsWith("bytes=").endsWith("-");
    }

    @Test
    void aResumeThatIsRefusedFailsTheStreamWithTheCause() throws Exception {
        w.fileSystem().upload(VOLUME + "/x.bin", generated(4096, 1), false);
        emu.faults().on("GET", "/fs/files/**").truncateBody().once();
        emu.faults().on("GET", "/fs/files/**").respond(400, "BAD_REQUEST", "no ranges today");
        try (InputStream in = w.fileSystem().download(VOLUME + "/x.bin")) {
            assertThatThrownBy(() -> sha256(in)).isInstanceOf(IOException.class)
                    .hasMessageContaining("resuming the download").cause().hasMessageContaining("no ranges today");
        }
    }

    @Test
    void metadataAndMissingFiles() {
        w.fileSystem().upload(VOLUME + "/m.txt", new ByteArrayInputStream(new byte[10]), false);
        assertThat(w.fileSystem().getMetadata(VOLUME + "/m.txt").getContentLength()).isEqualTo(10L);
        assertThat(w.fileSystem().exists(VOLUME + "/m.txt")).isTrue();
        assertThat(w.fileSystem().exists(VOLUME + "/none")).isFalse();
        assertThatThrownBy(() -> w.fileSystem().download(VOLUME + "/none")).isInstanceOf(NotFound.class);
    }

    @Test
    void directoriesAreCreatedIdempotentlyListedLazilyAndDeletedRecursively() {
        FileSystem fs = w.fileSystem();
        fs.createDirectory(VOLUME + "/a/b/c");
        fs.createDirectory(VOLUME + "/a/b/c");
        fs.upload(VOLUME + "/a/1.txt", new ByteArrayInputStream(new byte[1]), false);
        fs.upload(VOLUME + "/a/b/2.txt", new ByteArrayInputStream(new byte[2]), false);
        fs.upload(VOLUME + "/a/b/c/3.txt", new ByteArrayInputStream(new byte[3]), false);

        assertThat(fs.list(VOLUME + "/a")).extracting(DirectoryEntry::getName).containsExactly("1.txt", "b");
        assertThat(fs.listRecursive(VOLUME + "/a").map(DirectoryEntry::getPath))
                .containsExactlyInAnyOrder(VOLUME + "/a/1.txt", VOLUME + "/a/b/2.txt", VOLUME + "/a/b/c/3.txt");

        fs.deleteDirectory(VOLUME + "/a", true);
        assertThat(fs.directoryExists(VOLUME + "/a")).isFalse();
        assertThat(fs.directoryExists(VOLUME)).isTrue();
    }
}
