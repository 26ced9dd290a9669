package io.camelbricks.api.files;

import static io.camelbricks.api.testing.GeneratedBytes.generated;
import static io.camelbricks.api.testing.GeneratedBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.service.files.FileInfo;
import io.camelbricks.api.testing.GeneratedBytes;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.EmulatorOptions;

/** {@code w.dbfsFiles()}: 1 MB windows and blocks, put's limit, failures, listing, mkdirs, move, delete. */
class DbfsEmulatorTest {
    private static DatabricksEmulator emu;
    private static WorkspaceClient w;

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
    }

    @Test
    void aLargeFileIsWrittenInBlocksAndReadInWindows() throws Exception {
        long size = 5L * 1024 * 1024 + 123;
        w.dbfsFiles().write("dbfs:/tmp/big.bin", generated(size, 11), false);
        assertThat(emu.requests().count("POST", "/dbfs/add-block")).isEqualTo(6);
        assertThat(w.dbfsFiles().getStatus("/tmp/big.bin").getFileSize()).isEqualTo(size);

        try (InputStream in = w.dbfsFiles().open("/tmp/big.bin")) {
            assertThat(sha256(in)).isEqualTo(sha256(generated(size, 11)));
        }
        assertThat(emu.requests().matching("GET", "/dbfs/read")).hasSize(7)
                .allSatisfy(r -> assertThat(r.queryParameter("length")).isEqualTo("1048576"));
    }

    @Test
    void putTakesAtMostOneMegabyte() throws Exception {
        w.dbfsFiles().put("/tmp/small.txt", "hello".getBytes(StandardCharsets.UTF_8), false);
        try (InputStream in = w.dbfsFiles().open("dbfs:/tmp/small.txt")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
        w.dbfsFiles().put("/tmp/exact.bin", new byte[Dbfs.BLOCK], true);
        assertThatThrownBy(() -> w.dbfsFiles().put("/tmp/large.bin", new byte[Dbfs.BLOCK + 1], true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1 MB")
                .hasMessageContaining("create(");
        assertThat(w.dbfsFiles().exists("/tmp/large.bin")).isFalse();
    }

    @Test
    void aFailedBlockClosesTheHandleAndLeavesNoFile() throws Exception {
        emu.faults().on("POST", "/dbfs/add-block").respond(400, "INVALID_PARAMETER_VALUE", "bad block").skip(1).once();
        OutputStream out = w.dbfsFiles().create("/tmp/broken.bin", false);
        assertThatThrownBy(() -> out.write(new byte[3 * Dbfs.BLOCK])).isInstanceOf(IOException.class)
                .hasMessageContaining("handle was closed");
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class);
        out.close();
        assertThat(emu.requests().count("POST", "/dbfs/close")).isEqualTo(1);
        assertThat(w.dbfsFiles().exists("/tmp/broken.bin")).isFalse();
    }

    @Test
    void aFailedReplacementKeepsTheOldFile() throws Exception {
        w.dbfsFiles().put("/tmp/keep.txt", "old".getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
        emu.faults().on("POST", "/dbfs/add-block").respond(400, "INVALID_PARAMETER_VALUE", "bad block").once();
        OutputStream out = w.dbfsFiles().create("/tmp/keep.txt", true);
        assertThatThrownBy(() -> out.write(new byte[2 * Dbfs.BLOCK])).isInstanceOf(IOException.class);
        out.close();
        try (java.io.InputStream in = w.dbfsFiles().open("/tmp/keep.txt")) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("old");
        }
        assertThat(w.dbfsFiles().listRecursive("/tmp").map(FileInfo::getPath)).containsExactly("/tmp/keep.txt");
    }

    @Test
    void aReplacementAppearsWholeOnCloseAndLeavesNoTemporaryFile() throws Exception {
        w.dbfsFiles().put("/tmp/swap.bin", new byte[10], false);
        try (OutputStream out = w.dbfsFiles().create("/tmp/swap.bin", true)) {
            out.write(new byte[Dbfs.BLOCK + 5]);
            assertThat(w.dbfsFiles().getStatus("/tmp/swap.bin").getFileSize()).as("old file until close").isEqualTo(10L);
        }
        assertThat(w.dbfsFiles().getStatus("/tmp/swap.bin").getFileSize()).isEqualTo(Dbfs.BLOCK + 5L);
        assertThat(w.dbfsFiles().listRecursive("/tmp").map(FileInfo::getPath)).containsExactly("/tmp/swap.bin");
    }

    @Test
    void listMkdirsMoveDelete() {
        Dbfs fs = w.dbfsFiles();
        fs.mkdirs("/data/a/b");
        fs.put("/data/1.txt", new byte[1], false);
        fs.put("/data/a/2.txt", new byte[2], false);
        fs.put("/data/a/b/3.txt", new byte[3], false);

        assertThat(fs.listRecursive("dbfs:/data").map(FileInfo::getPath))
                .containsExactlyInAnyOrder("/data/1.txt", "/data/a/2.txt", "/data/a/b/3.txt");
        fs.move("/data/1.txt", "/data/a/1.txt");
        assertThat(fs.exists("/data/1.txt")).isFalse();
        assertThat(fs.getStatus("/data/a/1.txt").getFileSize()).isEqualTo(1L);
        fs.delete("/data", true);
        assertThat(fs.exists("/data")).isFalse();
    }
}
