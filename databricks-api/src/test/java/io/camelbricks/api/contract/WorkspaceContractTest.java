package io.camelbricks.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.error.DatabricksError;
import io.camelbricks.api.error.ResourceAlreadyExists;
import io.camelbricks.api.error.ResourceDoesNotExist;
import io.camelbricks.api.service.workspace.Delete;
import io.camelbricks.api.service.workspace.ExportFormat;
import io.camelbricks.api.service.workspace.ExportResponse;
import io.camelbricks.api.service.workspace.Import;
import io.camelbricks.api.service.workspace.ImportFormat;
import io.camelbricks.api.service.workspace.Language;
import io.camelbricks.api.service.workspace.Mkdirs;
import io.camelbricks.api.service.workspace.ObjectInfo;
import io.camelbricks.api.service.workspace.ObjectType;
import io.camelbricks.api.service.workspace.WorkspaceExportRequest;
import io.camelbricks.api.service.workspace.WorkspaceGetStatusRequest;
import io.camelbricks.api.service.workspace.WorkspaceListRequest;

/** The typed client's Workspace service against the emulator: import/export formats, tree operations, errors. */
class WorkspaceContractTest extends EmulatorContract {

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ExportResponse r) {
        return new String(Base64.getDecoder().decode(r.getContent()), StandardCharsets.UTF_8);
    }

    private static ObjectInfo status(String path) {
        return w.workspace().getStatus(new WorkspaceGetStatusRequest().setPath(path));
    }

    @Test
    void aSourceNotebookIsImportedAndExportedWithItsHeader() {
        w.workspace().importContent(new Import().setPath("/Shared/etl").setFormat(ImportFormat.SOURCE)
                .setLanguage(Language.PYTHON).setContent(b64("print(1)\n\n# COMMAND ----------\n\nprint(2)")));

        ObjectInfo info = status("/Shared/etl");
        assertThat(info.getObjectType()).isEqualTo(ObjectType.NOTEBOOK);
        assertThat(info.getLanguage()).isEqualTo(Language.PYTHON);
        assertThat(info.getObjectId()).isPositive();
        ExportResponse source = w.workspace().export(new WorkspaceExportRequest().setPath("/Shared/etl")
                .setFormat(ExportFormat.SOURCE));
        assertThat(source.getFileType()).isEqualTo("py");
        assertThat(text(source)).isEqualTo("# Databricks notebook source\nprint(1)\n\n# COMMAND ----------\n\nprint(2)");
        assertThat(emu.workspace().notebookSource("/Shared/etl")).contains("print(1)\n\n# COMMAND ----------\n\nprint(2)");
    }

    @Test
    void jupyterAndDbcExportsImportBackToTheSameNotebook() {
        emu.workspace().putNotebook("/Shared/q", "SQL", "SELECT 1\n\n-- COMMAND ----------\n\nSELECT 2");

        ExportResponse ipynb = w.workspace().export(new WorkspaceExportRequest().setPath("/Shared/q")
                .setFormat(ExportFormat.JUPYTER));
        assertThat(ipynb.getFileType()).isEqualTo("ipynb");
        assertThat(text(ipynb)).contains("\"cells\"", "SELECT 2");
        w.workspace().importContent(new Import().setPath("/Shared/q2").setFormat(ImportFormat.JUPYTER)
                .setContent(ipynb.getContent()));

        ExportResponse dbc = w.workspace().export(new WorkspaceExportRequest().setPath("/Shared/q")
                .setFormat(ExportFormat.DBC));
        assertThat(dbc.getFileType()).isEqualTo("dbc");
        w.workspace().importContent(new Import().setPath("/Shared/q3").setFormat(ImportFormat.DBC)
                .setContent(dbc.getContent()));

        for (String copy : List.of("/Shared/q2", "/Shared/q3")) {
            assertThat(status(copy).getLanguage()).isEqualTo(Language.SQL);
            assertThat(emu.workspace().notebookSource(copy)).contains("SELECT 1\n\n-- COMMAND ----------\n\nSELECT 2");
        }
    }

    @Test
    void autoImportTellsNotebooksFromFiles() {
        w.workspace().importContent(new Import().setPath("/Shared/job.py").setFormat(ImportFormat.AUTO)
                .setContent(b64("# Databricks notebook source\nprint('nb')")));
        w.workspace().importContent(new Import().setPath("/Shared/util.py").setFormat(ImportFormat.AUTO)
                .setContent(b64("def f(): pass")));

        assertThat(status("/Shared/job").getObjectType()).isEqualTo(ObjectType.NOTEBOOK);
        assertThat(status("/Shared/util.py").getObjectType()).isEqualTo(ObjectType.FILE);
        assertThat(status("/Shared/util.py").getSize()).isEqualTo(13L);
        assertThat(w.workspace().list(new WorkspaceListRequest().setPath("/Shared")).stream().map(ObjectInfo::getPath))
                .containsExactly("/Shared/job", "/Shared/util.py");
    }

    @Test
    void importRefusesExistingPathsAndMissingParentsUnlessAsked() {
        Import nb = new Import().setPath("/Shared/x").setLanguage(Language.SCALA).setContent(b64("1"));
        w.workspace().importContent(nb);
        assertThatThrownBy(() -> w.workspace().importContent(nb)).isInstanceOf(ResourceAlreadyExists.class);
        w.workspace().importContent(nb.setOverwrite(true).setContent(b64("2")));
        assertThat(emu.workspace().notebookSource("/Shared/x")).contains("2");

        assertThatThrownBy(() -> w.workspace().importContent(new Import().setPath("/Shared/no/such/nb")
                .setLanguage(Language.PYTHON).setContent(b64("1")))).isInstanceOf(ResourceDoesNotExist.class);
        assertThatThrownBy(() -> w.workspace().importContent(new Import().setPath("/Shared/nolang")
                .setContent(b64("1")))).isInstanceOfSatisfying(DatabricksError.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void mkdirsListAndRecursiveDelete() {
        w.workspace().mkdirs(new Mkdirs().setPath("/Shared/a/b/c"));
        emu.workspace().putFile("/Shared/a/b/data.json", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(status("/Shared/a/b/c").getObjectType()).isEqualTo(ObjectType.DIRECTORY);
        assertThat(w.workspace().list(new WorkspaceListRequest().setPath("/Shared/a/b")).stream()
                .map(o -> o.getPath() + ":" + o.getObjectType().value()))
                .containsExactly("/Shared/a/b/c:DIRECTORY", "/Shared/a/b/data.json:FILE");
        assertThatThrownBy(() -> w.workspace().delete(new Delete().setPath("/Shared/a")))
                .isInstanceOfSatisfying(DatabricksError.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("DIRECTORY_NOT_EMPTY"));
        w.workspace().delete(new Delete().setPath("/Shared/a").setRecursive(true));
        assertThatThrownBy(() -> status("/Shared/a/b")).isInstanceOf(ResourceDoesNotExist.class);
        emu.workspace().putNotebook("/Shared/nb", "PYTHON", "1");
        assertThatThrownBy(() -> w.workspace().mkdirs(new Mkdirs().setPath("/Shared/nb/y")))
                .isInstanceOf(ResourceAlreadyExists.class);
    }

    @Test
    void directDownloadAnswersTheRawBytes() throws Exception {
        emu.workspace().putNotebook("/Shared/raw", "PYTHON", "print('raw')");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emu.url()
                + "/api/2.0/workspace/export?path=/Shared/raw&format=SOURCE&direct_download=true"))
                .header("Authorization", "Bearer " + emu.token()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("# Databricks notebook source\nprint('raw')");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("raw.py"));
    }
}
