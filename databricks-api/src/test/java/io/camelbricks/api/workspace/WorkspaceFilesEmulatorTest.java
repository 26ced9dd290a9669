package io.camelbricks.api.workspace;

import static io.camelbricks.api.testing.GeneratedBytes.generated;
import static io.camelbricks.api.testing.GeneratedBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.error.InvalidParameterValue;
import io.camelbricks.api.error.ResourceAlreadyExists;
import io.camelbricks.api.error.ResourceDoesNotExist;
import io.camelbricks.api.http.ApacheHttpTransport;
import io.camelbricks.api.http.HttpRequest;
import io.camelbricks.api.http.HttpResponse;
import io.camelbricks.api.http.HttpTransport;
import io.camelbricks.api.http.JdkHttpTransport;
import io.camelbricks.api.http.TransportSettings;
import io.camelbricks.api.service.workspace.ExportFormat;
import io.camelbricks.api.service.workspace.ImportFormat;
import io.camelbricks.api.service.workspace.Language;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorTest;

/** {@code w.workspaceFiles()}: streamed multipart import, direct-download export, formats and errors. */
@DatabricksEmulatorTest(resetBeforeEach = true)
class WorkspaceFilesEmulatorTest {
    private static final String HEADER = "# Databricks notebook source\n";
    private static final String SEPARATOR = "\n\n# COMMAND ----------\n\n";

    @TempDir
    Path tmp;

    @Test
    void aMultiMegabyteFileGoesUpAsOneMultipartPostAndComesDownByteIdentical(DatabricksEmulator emu,
                                                                             WorkspaceClient w) throws Exception {
        long size = 6L * 1024 * 1024;
        w.workspaceFiles().upload("/Shared/data.bin", generated(size, 11), ImportFormat.RAW, null, false);

        assertThat(emu.requests().count("POST", "/workspace/import")).isEqualTo(1);
        assertThat(emu.workspace().objectType("/Shared/data.bin")).contains("FILE");
        try (InputStream in = w.workspaceFiles().download("/Shared/data.bin", ExportFormat.RAW)) {
            assertThat(sha256(in)).isEqualTo(sha256(generated(size, 11)));
        }
        Path local = tmp.resolve("data.bin");
        w.workspaceFiles().download("/Shared/data.bin", ExportFormat.AUTO, local);
        assertThat(Files.size(local)).isEqualTo(size);
        try (InputStream in = Files.newInputStream(local)) {
            assertThat(sha256(in)).isEqualTo(sha256(generated(size, 11)));
        }
    }

    @Test
    void aSourceNotebookComesBackByteIdenticalAsSourceAndAsJupyterCells(DatabricksEmulator emu, WorkspaceClient w)
            throws Exception {
        StringBuilder source = new StringBuilder(HEADER);
        String padding = "x".repeat(100);
        for (int i = 0; i < 20_000; i++) {
            source.append(i == 0 ? "" : SEPARATOR).append("print('cell ").append(i).append("')  # ").append(padding);
        }
        byte[] bytes = source.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(2 * 1024 * 1024);
        Path local = Files.write(tmp.resolve("etl.py"), bytes);

        w.workspaceFiles().upload("/Shared/etl", local, ImportFormat.SOURCE, Language.PYTHON, false);

        assertThat(emu.workspace().objectType("/Shared/etl")).contains("NOTEBOOK");
        try (InputStream in = w.workspaceFiles().download("/Shared/etl", ExportFormat.SOURCE)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        JsonNode ipynb;
        try (InputStream in = w.workspaceFiles().download("/Shared/etl", ExportFormat.JUPYTER)) {
            ipynb = new ObjectMapper().readTree(in);
        }
        assertThat(ipynb.path("nbformat").asInt()).isEqualTo(4);
        assertThat(ipynb.path("cells")).hasSize(20_000);
        assertThat(ipynb.path("cells").get(1).path("source").get(0).asText()).isEqualTo("print('cell 1')  # " + padding);
    }

    @Test
    void theLanguageOfASourceImportIsTakenFromTheExtensionWhenNotGiven(DatabricksEmulator emu, WorkspaceClient w) {
        w.workspaceFiles().upload("/Shared/report.sql", text("SELECT 1"), null, null, false);
        assertThat(emu.workspace().notebookSource("/Shared/report.sql")).contains("SELECT 1");
        assertThat(emu.requests().matching("POST", "/workspace/import")).hasSize(1);
        w.workspaceFiles().upload("/Shared/job.scala", text("println(1)"), ImportFormat.SOURCE, null, false);
        try (InputStream in = w.workspaceFiles().download("/Shared/job.scala", ExportFormat.SOURCE)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("// Databricks notebook source\nprintln(1)");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anExistingPathIsReplacedOnlyWithOverwrite(DatabricksEmulator emu, WorkspaceClient w) throws Exception {
        w.workspaceFiles().upload("/Shared/notes.txt", text("one"), ImportFormat.AUTO, null, false);

        assertThatThrownBy(() -> w.workspaceFiles().upload("/Shared/notes.txt", text("two"), ImportFormat.AUTO,
                null, false)).isInstanceOf(ResourceAlreadyExists.class).hasMessageContaining("already exists");
        assertThat(emu.workspace().fileContent("/Shared/notes.txt")).hasValueSatisfying(
                b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("one"));

        w.workspaceFiles().upload("/Shared/notes.txt", text("two"), ImportFormat.AUTO, null, true);
        try (InputStream in = w.workspaceFiles().download("/Shared/notes.txt", ExportFormat.SOURCE)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("two");
        }
    }

    @Test
    void aMissingPathOrParentFolderIsResourceDoesNotExist(WorkspaceClient w) {
        assertThatThrownBy(() -> w.workspaceFiles().download("/Shared/nothing-here", ExportFormat.SOURCE))
                .isInstanceOf(ResourceDoesNotExist.class).hasMessageContaining("/Shared/nothing-here");
        assertThatThrownBy(() -> w.workspaceFiles().upload("/Shared/no/such/folder.py", text("x = 1"),
                ImportFormat.SOURCE, Language.PYTHON, false))
                .isInstanceOf(ResourceDoesNotExist.class).hasMessageContaining("/Shared/no/such");
    }

    @Test
    void aSourceImportWithoutALanguageIsRefusedBeforeAnythingIsSent(DatabricksEmulator emu, WorkspaceClient w) {
        assertThatThrownBy(() -> w.workspaceFiles().upload("/Shared/etl", text("x = 1"), ImportFormat.SOURCE, null,
                false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a language").hasMessageContaining("PYTHON, R, SCALA, SQL")
                .hasMessageContaining("ImportFormat.AUTO");
        assertThat(emu.requests().count("POST", "/workspace/import")).isZero();
    }

    @Test
    void unknownFormatsAndLanguagesAreRefusedNamingTheAcceptedOnes(DatabricksEmulator emu, WorkspaceClient w) {
        assertThatThrownBy(() -> w.workspaceFiles().upload("/Shared/x", text("x"), ImportFormat.of("PDF"), null,
                false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'PDF'")
                .hasMessageContaining("AUTO, DBC, HTML, JUPYTER, RAW, R_MARKDOWN, SOURCE");
        assertThatThrownBy(() -> w.workspaceFiles().upload("/Shared/x", text("x"), ImportFormat.SOURCE,
                Language.of("COBOL"), false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'COBOL'").hasMessageContaining("PYTHON, R, SCALA, SQL");
        assertThatThrownBy(() -> w.workspaceFiles().download("/Shared/x", ExportFormat.of("PDF")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'PDF'");
        assertThatThrownBy(() -> w.workspaceFiles().download("Shared/x", ExportFormat.SOURCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        assertThat(emu.requests().count()).isZero();
    }

    @Test
    void contentOrAnObjectTheFormatDoesNotFitIsAnInvalidParameterValue(DatabricksEmulator emu, WorkspaceClient w) {
        assertThatThrownBy(() -> w.workspaceFiles().upload("/Shared/nb.ipynb", text("not json"),
                ImportFormat.JUPYTER, null, false)).isInstanceOf(InvalidParameterValue.class)
                .hasMessageContaining("Jupyter");
        emu.workspace().putFile("/Shared/plain.txt", "text".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> w.workspaceFiles().download("/Shared/plain.txt", ExportFormat.JUPYTER))
                .isInstanceOf(InvalidParameterValue.class);
    }

    @Test
    void aDbcArchiveExportedFromOneFolderImportsIntoAnother(DatabricksEmulator emu, WorkspaceClient w)
            throws Exception {
        emu.workspace().putNotebook("/Shared/project/a", "PYTHON", "print('a')");
        emu.workspace().putNotebook("/Shared/project/b", "SQL", "SELECT 'b'");
        Path archive = tmp.resolve("project.dbc");
        w.workspaceFiles().download("/Shared/project", ExportFormat.DBC, archive);

        w.workspaceFiles().upload("/Shared/copy", archive, ImportFormat.DBC, null, false);

        assertThat(emu.workspace().notebookSource("/Shared/copy/a")).contains("print('a')");
        assertThat(emu.workspace().notebookSource("/Shared/copy/b")).contains("SELECT 'b'");
    }

    @Test
    void theUploadIsReadOnlyWhileTheRequestIsBeingSentNeverBeforehand(DatabricksEmulator emu) throws Exception {
        long size = 8L * 1024 * 1024;
        SendingTransport transport = new SendingTransport();
        AtomicLong readWhileSending = new AtomicLong();
        InputStream contents = new FilterInputStream(generated(size, 5)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (!transport.sending) {
                    throw new IOException("the content was read before the request was under way");
                }
                int n = super.read(b, off, len);
                readWhileSending.addAndGet(Math.max(n, 0));
                return n;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }
        };
        DatabricksConfig config = new DatabricksConfig().setHost(emu.url()).setToken(emu.token()).resolve(Map.of());
        try (transport; WorkspaceClient w = new WorkspaceClient(ApiClient.builder(config).transport(transport)
                .build())) {
            w.workspaceFiles().upload("/Shared/streamed.bin", contents, ImportFormat.RAW, null, false);
        }
        assertThat(readWhileSending.get()).isEqualTo(size);
        assertThat(transport.requests).isEqualTo(1);
        byte[] stored = emu.workspace().fileContent("/Shared/streamed.bin").orElseThrow();
        assertThat(stored).hasSize((int) size);
        assertThat(sha256(new ByteArrayInputStream(stored))).isEqualTo(sha256(generated(size, 5)));
    }

    @Test
    void theJdkTransportSendsTheSameStreamedForm(DatabricksEmulator emu) {
        long size = 3L * 1024 * 1024;
        DatabricksConfig config = new DatabricksConfig().setHost(emu.url()).setToken(emu.token()).resolve(Map.of());
        try (JdkHttpTransport jdk = new JdkHttpTransport(new TransportSettings(Duration.ofSeconds(10),
                Duration.ofSeconds(60), 4, false));
             WorkspaceClient w = new WorkspaceClient(ApiClient.builder(config).transport(jdk).build())) {
            w.workspaceFiles().upload("/Shared/jdk.bin", generated(size, 9), ImportFormat.AUTO, null, false);
            try (InputStream in = w.workspaceFiles().download("/Shared/jdk.bin", ExportFormat.AUTO)) {
                assertThat(sha256(in)).isEqualTo(sha256(generated(size, 9)));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The default transport, knowing whether a request is being sent right now. */
    private static final class SendingTransport implements HttpTransport {
        private final HttpTransport delegate = new ApacheHttpTransport(new TransportSettings(Duration.ofSeconds(10),
                Duration.ofSeconds(60), 4, false));
        volatile boolean sending;
        volatile int requests;

        @Override
        public HttpResponse execute(HttpRequest request) throws IOException {
            requests++;
            sending = true;
            try {
                return delegate.execute(request);
            } finally {
                sending = false;
            }
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

}
