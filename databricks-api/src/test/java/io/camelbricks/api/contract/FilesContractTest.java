package io.camelbricks.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.error.DatabricksError;
import io.camelbricks.api.error.NotFound;
import io.camelbricks.api.service.catalog.CreateVolumeRequestContent;
import io.camelbricks.api.service.catalog.VolumeType;
import io.camelbricks.api.service.catalog.VolumesDeleteRequest;
import io.camelbricks.api.service.files.DirectoryEntry;
import io.camelbricks.api.service.files.FilesCreateDirectoryRequest;
import io.camelbricks.api.service.files.FilesDeleteDirectoryRequest;
import io.camelbricks.api.service.files.FilesDeleteRequest;
import io.camelbricks.api.service.files.FilesDownloadRequest;
import io.camelbricks.api.service.files.FilesDownloadResponse;
import io.camelbricks.api.service.files.FilesGetDirectoryMetadataRequest;
import io.camelbricks.api.service.files.FilesGetMetadataRequest;
import io.camelbricks.api.service.files.FilesListDirectoryContentsRequest;
import io.camelbricks.api.service.files.FilesUploadRequest;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.EmulatorOptions;
import io.camelbricks.emulator.ManualClock;

/** The typed client's Files service against the emulator: volume paths, streamed bodies, ranges, directories. */
class FilesContractTest {

    private static final String VOLUME = "/Volumes/main/default/landing";
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
        w.volumes().create(new CreateVolumeRequestContent().setCatalogName("main").setSchemaName("default")
                .setName("landing").setVolumeType(VolumeType.MANAGED));
    }

    private static void upload(String path, String text) {
        w.files().upload(new FilesUploadRequest().setFilePath(path).setOverwrite(true)
                .setContents(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    }

    private static String download(String path) throws Exception {
        FilesDownloadResponse r = w.files().download(new FilesDownloadRequest().setFilePath(path));
        try (InputStream in = r.getContents()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anUploadIsDownloadedWithLengthTypeAndTheClockAsLastModified() throws Exception {
        upload(VOLUME + "/in/orders.csv", "id,amount\n1,2.50\n");

        FilesDownloadResponse r = w.files().download(new FilesDownloadRequest().setFilePath(VOLUME + "/in/orders.csv"));
        try (InputStream in = r.getContents()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("id,amount\n1,2.50\n");
        }
        assertThat(r.getContentLength()).isEqualTo(17L);
        assertThat(r.getContentType()).isEqualTo("application/octet-stream");
        assertThat(r.getLastModified()).isEqualTo(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .withZone(java.time.ZoneOffset.UTC).format(CLOCK.instant()));
        assertThat(w.files().getMetadata(new FilesGetMetadataRequest().setFilePath(VOLUME + "/in/orders.csv"))
                .getContentLength()).isEqualTo(17L);
    }

    @Test
    void pathsWithSpacesAndUnicodeRoundTrip() throws Exception {
        upload(VOLUME + "/my dir/r\u00e9sum\u00e9 #1.txt", "x");
        assertThat(download(VOLUME + "/my dir/r\u00e9sum\u00e9 #1.txt")).isEqualTo("x");
        assertThat(emu.files().existsVolumeFile(VOLUME + "/my dir/r\u00e9sum\u00e9 #1.txt")).isTrue();
    }

    @Test
    void overwriteIsFalseUnlessAsked() {
        upload(VOLUME + "/once.txt", "1");
        assertThatThrownBy(() -> w.files().upload(new FilesUploadRequest().setFilePath(VOLUME + "/once.txt")
                .setContents(new ByteArrayInputStream(new byte[] {2}))))
                .isInstanceOfSatisfying(DatabricksError.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(409);
                    assertThat(e.getErrorCode()).isEqualTo("ALREADY_EXISTS");
                });
    }

    @Test
    void aVolumeMustExistUnlessAutoCreationIsOn() {
        assertThatThrownBy(() -> upload("/Volumes/main/default/nope/a.txt", "x")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> upload("/tmp/a.txt", "x")).isInstanceOfSatisfying(DatabricksError.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(400));

        emu.files().autoCreateVolumes(true);
        try {
            upload("/Volumes/auto/raw/drop/a.txt", "x");
            assertThat(emu.catalog().volume("auto.raw.drop")).isPresent();
        } finally {
            emu.files().autoCreateVolumes(false);
        }
    }

    @Test
    void deletingAVolumeDeletesItsFiles() {
        upload(VOLUME + "/a.txt", "x");
        w.volumes().delete(new VolumesDeleteRequest().setName("main.default.landing"));
        assertThatThrownBy(() -> w.files().download(new FilesDownloadRequest().setFilePath(VOLUME + "/a.txt")))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void rangeRequestsAnswerPartialContent() throws Exception {
        upload(VOLUME + "/digits.txt", "0123456789");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emu.url() + "/api/2.0/fs/files" + VOLUME + "/digits.txt"))
                .header("Authorization", "Bearer " + emu.token());

        HttpResponse<String> middle = http.send(b.copy().header("Range", "bytes=2-5").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo("2345");
        assertThat(middle.headers().firstValue("Content-Range")).contains("bytes 2-5/10");

        assertThat(http.send(b.copy().header("Range", "bytes=7-").build(), HttpResponse.BodyHandlers.ofString())
                .body()).isEqualTo("789");
        assertThat(http.send(b.copy().header("Range", "bytes=-3").build(), HttpResponse.BodyHandlers.ofString())
                .body()).isEqualTo("789");
        HttpResponse<String> beyond = http.send(b.copy().header("Range", "bytes=10-").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */10");
    }

    @Test
    void directoriesAreCreatedIdempotentlyListedInPagesAndDeletedWhenEmpty() {
        w.files().createDirectory(new FilesCreateDirectoryRequest().setDirectoryPath(VOLUME + "/d/sub"));
        w.files().createDirectory(new FilesCreateDirectoryRequest().setDirectoryPath(VOLUME + "/d/sub"));
        for (int i = 0; i < 5; i++) {
            upload(VOLUME + "/d/f" + i + ".txt", "x".repeat(i));
        }
        w.files().getDirectoryMetadata(new FilesGetDirectoryMetadataRequest().setDirectoryPath(VOLUME + "/d"));

        List<DirectoryEntry> entries = w.files().listDirectoryContents(new FilesListDirectoryContentsRequest()
                .setDirectoryPath(VOLUME + "/d").setPageSize(2L)).stream().toList();
        assertThat(entries).extracting(DirectoryEntry::getName)
                .containsExactly("f0.txt", "f1.txt", "f2.txt", "f3.txt", "f4.txt", "sub");
        assertThat(entries.get(3).getFileSize()).isEqualTo(3L);
        assertThat(entries.get(5).getIsDirectory()).isTrue();
        assertThat(entries.get(5).getPath()).isEqualTo(VOLUME + "/d/sub/");
        assertThat(emu.requests().count("GET", "/fs/directories" + VOLUME + "/d")).isEqualTo(3);

        assertThatThrownBy(() -> w.files().deleteDirectory(new FilesDeleteDirectoryRequest()
                .setDirectoryPath(VOLUME + "/d"))).isInstanceOf(DatabricksError.class);
        w.files().deleteDirectory(new FilesDeleteDirectoryRequest().setDirectoryPath(VOLUME + "/d/sub"));
        w.files().delete(new FilesDeleteRequest().setFilePath(VOLUME + "/d/f0.txt"));
        assertThatThrownBy(() -> w.files().delete(new FilesDeleteRequest().setFilePath(VOLUME + "/d/f0.txt")))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> w.files().getDirectoryMetadata(new FilesGetDirectoryMetadataRequest()
                .setDirectoryPath(VOLUME + "/d/sub"))).isInstanceOf(NotFound.class);
    }

    @Test
    void aLargeUploadIsStreamedAndNotRecordedInTheRequestLog() throws Exception {
        int size = 8 * 1024 * 1024;
        InputStream generated = new InputStream() {
            private int left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'a' + (left % 26) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) ('a' + ((left - 1 - i) % 26));
                }
                left -= n;
                return n;
            }
        };
        w.files().upload(new FilesUploadRequest().setFilePath(VOLUME + "/big.bin").setContents(generated));

        assertThat(w.files().getMetadata(new FilesGetMetadataRequest().setFilePath(VOLUME + "/big.bin"))
                .getContentLength()).isEqualTo((long) size);
        assertThat(emu.requests().matching("PUT", "/fs/files" + VOLUME + "/big.bin").get(0).body()).isEmpty();
    }
}
