package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.core.error.platform.ResourceAlreadyExists;
import com.databricks.sdk.core.error.platform.ResourceDoesNotExist;
import com.databricks.sdk.service.files.CreateDirectoryRequest;
import com.databricks.sdk.service.files.DirectoryEntry;
import com.databricks.sdk.service.files.DownloadResponse;
import com.databricks.sdk.service.files.FileInfo;
import com.databricks.sdk.service.files.GetMetadataResponse;
import com.databricks.sdk.service.files.MkDirs;
import com.databricks.sdk.service.files.Move;
import com.databricks.sdk.service.files.UploadRequest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official {@code databricks-sdk-java} 0.69.0, unchanged, against the emulator's DBFS (its {@code DbfsExt} streams:
 * create / add-block / close in 1 MiB blocks, reads in 1 MiB windows) and the Files API (a streamed PUT, a streamed
 * GET, HEAD, directories).
 */
class OfficialSdkFilesTest {

    private static final ManualClock CLOCK = new ManualClock();
    private static DatabricksEmulator emu;
    private static WorkspaceClient workspace;

    @BeforeAll
    static void start() {
        emu = EmulatorOptions.builder().clock(CLOCK).emulator().start();
        workspace = new WorkspaceClient(new DatabricksConfig().setHost(emu.url()).setToken(emu.token())
                .setAuthType("pat"));
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @BeforeEach
    void fresh() {
        emu.reset();
        emu.catalog().createVolume("main", "default", "landing");
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void dbfsOutputAndInputStreamsRoundTripAFileLargerThanOneBlock() throws Exception {
        byte[] data = randomBytes(2 * 1024 * 1024 + 12345);
        try (OutputStream out = workspace.dbfs().getOutputStream("/data/big.bin")) {
            out.write(data);
        }
        byte[] back;
        try (InputStream in = workspace.dbfs().open("/data/big.bin")) {
            back = in.readAllBytes();
        }

        assertThat(back).isEqualTo(data);
        assertThat(emu.files().readDbfs("/data/big.bin")).contains(data);
        assertThat(emu.requests().count("POST", "/dbfs/create")).isEqualTo(1);
        assertThat(emu.requests().count("POST", "/dbfs/add-block")).isGreaterThanOrEqualTo(3);
        assertThat(emu.requests().count("POST", "/dbfs/close")).isEqualTo(1);
        assertThat(emu.requests().count("GET", "/dbfs/read")).isGreaterThanOrEqualTo(3);
        assertThat(emu.files().openHandles()).isZero();
    }

    @Test
    void dbfsWriteListStatusMoveAndDeleteWorkLikeAWorkspace() throws Exception {
        workspace.dbfs().write(Paths.get("/etl/in/a.txt"), "alpha".getBytes(StandardCharsets.UTF_8));
        workspace.dbfs().mkdirs(new MkDirs().setPath("/etl/out"));

        FileInfo status = workspace.dbfs().getStatus("/etl/in/a.txt");
        assertThat(status.getIsDir()).isFalse();
        assertThat(status.getFileSize()).isEqualTo(5L);
        assertThat(status.getModificationTime()).isEqualTo(CLOCK.millis());

        List<String> listed = new ArrayList<>();
        workspace.dbfs().list("/etl").forEach(f -> listed.add(f.getPath() + (f.getIsDir() ? "/" : "")));
        assertThat(listed).containsExactly("/etl/in/", "/etl/out/");

        workspace.dbfs().move(new Move().setSourcePath("/etl/in/a.txt").setDestinationPath("/etl/out/a.txt"));
        assertThat(workspace.dbfs().readAllBytes(Paths.get("/etl/out/a.txt"))).asString(StandardCharsets.UTF_8)
                .isEqualTo("alpha");
        List<String> recursive = new ArrayList<>();
        workspace.dbfs().recursiveList("/etl").forEach(f -> recursive.add(f.getPath()));
        assertThat(recursive).containsExactly("/etl/in", "/etl/out", "/etl/out/a.txt");

        workspace.dbfs().delete(new com.databricks.sdk.service.files.Delete().setPath("/etl").setRecursive(true));
        assertThatThrownBy(() -> workspace.dbfs().getStatus("/etl")).isInstanceOf(ResourceDoesNotExist.class);
    }

    @Test
    void filesApiUploadsAndDownloadsAStreamWithItsMetadata() throws Exception {
        byte[] data = randomBytes(3 * 1024 * 1024 + 7);
        String path = "/Volumes/main/default/landing/in/2025/01/data.bin";
        workspace.files().upload(new UploadRequest().setFilePath(path).setContents(new ByteArrayInputStream(data))
                .setOverwrite(true));

        DownloadResponse download = workspace.files().download(path);
        byte[] back;
        try (InputStream in = download.getContents()) {
            back = in.readAllBytes();
        }
        assertThat(back).isEqualTo(data);
        assertThat(download.getContentLength()).isEqualTo((long) data.length);
        assertThat(download.getContentType()).isEqualTo("application/octet-stream");

        GetMetadataResponse metadata = workspace.files().getMetadata(path);
        assertThat(metadata.getContentLength()).isEqualTo((long) data.length);
        assertThat(metadata.getLastModified()).endsWith("GMT");
        assertThat(emu.files().readVolumeFile(path)).contains(data);
    }

    @Test
    void filesApiDirectoriesListAndDelete() {
        workspace.files().createDirectory(new CreateDirectoryRequest()
                .setDirectoryPath("/Volumes/main/default/landing/reports/2025"));
        workspace.files().upload(new UploadRequest().setFilePath("/Volumes/main/default/landing/reports/r.csv")
                .setContents(new ByteArrayInputStream("a,b\n".getBytes(StandardCharsets.UTF_8))));
        workspace.files().getDirectoryMetadata("/Volumes/main/default/landing/reports");

        List<String> names = new ArrayList<>();
        for (DirectoryEntry e : workspace.files().listDirectoryContents("/Volumes/main/default/landing/reports")) {
            names.add(e.getName() + (e.getIsDirectory() ? "/" : ":" + e.getFileSize()));
        }
        assertThat(names).containsExactly("2025/", "r.csv:4");

        workspace.files().delete("/Volumes/main/default/landing/reports/r.csv");
        workspace.files().deleteDirectory("/Volumes/main/default/landing/reports/2025");
        assertThatThrownBy(() -> workspace.files().download("/Volumes/main/default/landing/reports/r.csv"))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void filesApiRefusesToOverwriteUnlessAsked() {
        String path = "/Volumes/main/default/landing/once.txt";
        workspace.files().upload(new UploadRequest().setFilePath(path)
                .setContents(new ByteArrayInputStream(new byte[] {1})));

        assertThatThrownBy(() -> workspace.files().upload(new UploadRequest().setFilePath(path)
                .setContents(new ByteArrayInputStream(new byte[] {2})).setOverwrite(false)))
                .hasMessageContaining("already exists");
        workspace.files().upload(new UploadRequest().setFilePath(path)
                .setContents(new ByteArrayInputStream(new byte[] {3})).setOverwrite(true));
        assertThat(emu.files().readVolumeFile(path)).contains(new byte[] {3});
    }

    @Test
    void dbfsPutRefusesAnExistingFileWithoutOverwrite() {
        workspace.dbfs().put(new com.databricks.sdk.service.files.Put().setPath("/x.txt").setContents("YQ=="));
        assertThatThrownBy(() -> workspace.dbfs().put(new com.databricks.sdk.service.files.Put().setPath("/x.txt")
                .setContents("Yg==")))
                .isInstanceOf(ResourceAlreadyExists.class);
    }
}
