package io.camelbricks.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.error.DatabricksError;
import io.camelbricks.api.error.ResourceAlreadyExists;
import io.camelbricks.api.error.ResourceDoesNotExist;
import io.camelbricks.api.service.files.AddBlock;
import io.camelbricks.api.service.files.Close;
import io.camelbricks.api.service.files.Create;
import io.camelbricks.api.service.files.DbfsGetStatusRequest;
import io.camelbricks.api.service.files.DbfsListRequest;
import io.camelbricks.api.service.files.DbfsReadRequest;
import io.camelbricks.api.service.files.Delete;
import io.camelbricks.api.service.files.FileInfo;
import io.camelbricks.api.service.files.MkDirs;
import io.camelbricks.api.service.files.Move;
import io.camelbricks.api.service.files.Put;
import io.camelbricks.api.service.files.ReadResponse;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.EmulatorOptions;
import io.camelbricks.emulator.ManualClock;

/** The typed client's DBFS service against the emulator: inline put, streaming handles, windowed reads, tree ops. */
class DbfsContractTest {

    private static final int MB = 1024 * 1024;
    private static final ManualClock CLOCK = new ManualClock();
    private static DatabricksEmulator emu;
    private static WorkspaceClient w;

    @BeforeAll
    static void start() {
        emu = EmulatorOptions.builder().clock(CLOCK).emulator().start();
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

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] bytes(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    @Test
    void putStoresInlineContentAndRefusesMoreThanOneMegabyte() throws Exception {
        w.dbfs().put(new Put().setPath("dbfs:/in/a.txt").setContents(b64("hello".getBytes(StandardCharsets.UTF_8))));
        assertThat(emu.files().readDbfs("/in/a.txt")).hasValueSatisfying(b -> assertThat(b).asString().isEqualTo("hello"));

        // the client refuses it before sending (issue 8: nothing sent that should not be) ...
        String big = b64(bytes(MB + 1));
        assertThatThrownBy(() -> w.dbfs().put(new Put().setPath("/in/big.bin").setContents(big)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dbfs/put takes at most 1 MB");
        // ... and the workspace refuses it too (sent raw, past the client's check)
        java.net.http.HttpResponse<String> raw = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(emu.url() + "/api/2.0/dbfs/put"))
                        .header("Authorization", "Bearer " + emu.token()).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"path\":\"/in/big.bin\",\"contents\":\"" + big + "\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(raw.body()).contains("MAX_BLOCK_SIZE_EXCEEDED");
        assertThat(emu.files().existsDbfs("/in/big.bin")).isFalse();
    }

    @Test
    void putWithoutOverwriteRefusesAnExistingFile() {
        w.dbfs().put(new Put().setPath("/a").setContents(b64(new byte[] {1})));
        assertThatThrownBy(() -> w.dbfs().put(new Put().setPath("/a").setContents(b64(new byte[] {2}))))
                .isInstanceOf(ResourceAlreadyExists.class);
        w.dbfs().put(new Put().setPath("/a").setContents(b64(new byte[] {3})).setOverwrite(true));
        assertThat(emu.files().readDbfs("/a")).contains(new byte[] {3});
    }

    @Test
    void createAddBlockCloseStreamsAFileThatAppearsOnlyAtClose() {
        byte[] data = bytes(2 * MB + 17);
        long handle = w.dbfs().create(new Create().setPath("/big/data.bin")).getHandle();
        for (int offset = 0; offset < data.length; offset += MB) {
            byte[] block = java.util.Arrays.copyOfRange(data, offset, Math.min(data.length, offset + MB));
            w.dbfs().addBlock(new AddBlock().setHandle(handle).setData(b64(block)));
            assertThat(emu.files().existsDbfs("/big/data.bin")).isFalse();
        }
        w.dbfs().close(new Close().setHandle(handle));

        assertThat(emu.files().readDbfs("/big/data.bin")).contains(data);
        assertThatThrownBy(() -> w.dbfs().addBlock(new AddBlock().setHandle(handle).setData(b64(new byte[1]))))
                .isInstanceOf(ResourceDoesNotExist.class);
    }

    @Test
    void aBlockOverOneMegabyteIsRefused() {
        long handle = w.dbfs().create(new Create().setPath("/x")).getHandle();
        assertThatThrownBy(() -> w.dbfs().addBlock(new AddBlock().setHandle(handle).setData(b64(bytes(MB + 1)))))
                .isInstanceOfSatisfying(DatabricksError.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("MAX_BLOCK_SIZE_EXCEEDED"));
    }

    @Test
    void handlesExpireAfterTenIdleMinutesOnTheClock() {
        long handle = w.dbfs().create(new Create().setPath("/slow.bin")).getHandle();
        CLOCK.advance(Duration.ofMinutes(9));
        w.dbfs().addBlock(new AddBlock().setHandle(handle).setData(b64(new byte[] {1})));
        CLOCK.advance(Duration.ofMinutes(9));
        w.dbfs().addBlock(new AddBlock().setHandle(handle).setData(b64(new byte[] {2})));
        CLOCK.advance(Duration.ofMinutes(10));

        assertThatThrownBy(() -> w.dbfs().close(new Close().setHandle(handle))).isInstanceOf(ResourceDoesNotExist.class);
        assertThat(emu.files().existsDbfs("/slow.bin")).isFalse();
        assertThat(emu.files().openHandles()).isZero();
    }

    @Test
    void readReturnsWindowsOfAtMostOneMegabyte() {
        byte[] data = bytes(MB + MB / 2);
        emu.files().writeDbfs("/r.bin", data);

        ReadResponse first = w.dbfs().read(new DbfsReadRequest().setPath("/r.bin").setOffset(0L).setLength((long) MB));
        ReadResponse second = w.dbfs().read(new DbfsReadRequest().setPath("/r.bin").setOffset((long) MB)
                .setLength((long) MB));
        ReadResponse past = w.dbfs().read(new DbfsReadRequest().setPath("/r.bin").setOffset((long) data.length));

        assertThat(first.getBytesRead()).isEqualTo((long) MB);
        assertThat(second.getBytesRead()).isEqualTo((long) MB / 2);
        assertThat(past.getBytesRead()).isZero();
        byte[] joined = new byte[data.length];
        System.arraycopy(Base64.getDecoder().decode(first.getData()), 0, joined, 0, MB);
        System.arraycopy(Base64.getDecoder().decode(second.getData()), 0, joined, MB, MB / 2);
        assertThat(joined).isEqualTo(data);
        assertThatThrownBy(() -> w.dbfs().read(new DbfsReadRequest().setPath("/r.bin").setLength(MB + 1L)))
                .isInstanceOfSatisfying(DatabricksError.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("MAX_READ_SIZE_EXCEEDED"));
        assertThatThrownBy(() -> w.dbfs().read(new DbfsReadRequest().setPath("/missing")))
                .isInstanceOf(ResourceDoesNotExist.class);
    }

    @Test
    void statusAndListShowPathsSizesAndClockTimes() {
        w.dbfs().mkdirs(new MkDirs().setPath("/tree/empty"));
        emu.files().writeDbfs("/tree/f.txt", new byte[7]);

        FileInfo file = w.dbfs().getStatus(new DbfsGetStatusRequest().setPath("/tree/f.txt"));
        assertThat(file.getIsDir()).isFalse();
        assertThat(file.getFileSize()).isEqualTo(7L);
        assertThat(file.getModificationTime()).isEqualTo(CLOCK.millis());
        List<FileInfo> listed = w.dbfs().list(new DbfsListRequest().setPath("/tree")).stream().toList();
        assertThat(listed).extracting(FileInfo::getPath, FileInfo::getIsDir).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/tree/empty", true),
                org.assertj.core.groups.Tuple.tuple("/tree/f.txt", false));
        assertThat(w.dbfs().list(new DbfsListRequest().setPath("/tree/empty")).stream().toList()).isEmpty();
        assertThatThrownBy(() -> w.dbfs().mkdirs(new MkDirs().setPath("/tree/f.txt/sub")))
                .isInstanceOf(ResourceAlreadyExists.class);
    }

    @Test
    void moveAndRecursiveDeleteWorkOnDirectories() {
        emu.files().writeDbfs("/src/a/1.txt", new byte[] {1});
        emu.files().writeDbfs("/src/a/2.txt", new byte[] {2});

        w.dbfs().move(new Move().setSourcePath("/src/a").setDestinationPath("/dst/a"));
        assertThat(emu.files().existsDbfs("/dst/a/2.txt")).isTrue();
        assertThat(emu.files().existsDbfs("/src/a")).isFalse();
        assertThatThrownBy(() -> w.dbfs().move(new Move().setSourcePath("/nope").setDestinationPath("/x")))
                .isInstanceOf(ResourceDoesNotExist.class);

        assertThatThrownBy(() -> w.dbfs().delete(new Delete().setPath("/dst")))
                .isInstanceOfSatisfying(DatabricksError.class, e -> assertThat(e.getErrorCode()).isEqualTo("IO_ERROR"));
        w.dbfs().delete(new Delete().setPath("/dst").setRecursive(true));
        assertThat(emu.files().existsDbfs("/dst")).isFalse();
    }
}
