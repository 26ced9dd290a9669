package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code workspace/import} as a multipart form or JSON, {@code workspace/export} with {@code direct_download}. */
class WorkspaceImportExportTest {

    private static final String BOUNDARY = "b0undary42";
    private static DatabricksEmulator emu;
    private static EmulatorClient client;

    @BeforeAll
    static void start() {
        emu = new DatabricksEmulator().start();
        client = new EmulatorClient(emu);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @BeforeEach
    void fresh() {
        emu.reset();
    }

    /** A form as the Python SDK's requests library sends it: text fields, then the file part. */
    private static byte[] form(String path, String format, String language, String overwrite, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        field(head, "path", path);
        if (format != null) {
            field(head, "format", format);
        }
        if (language != null) {
            field(head, "language", language);
        }
        if (overwrite != null) {
            field(head, "overwrite", overwrite);
        }
        if (content != null) {
            head.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"content\"; "
                    + "filename=\"content\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        }
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (content != null) {
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                .append("\"\r\n\r\n").append(value).append("\r\n");
    }

    private static EmulatorClient.Reply importForm(byte[] form) {
        return client.post("/api/2.0/workspace/import", "multipart/form-data; boundary=" + BOUNDARY, form);
    }

    @Test
    void aMultipartImportStoresTheFilePartAndDirectDownloadAnswersItsRawBytes() {
        // bytes that look like the start of a boundary must survive: CR LF - - b0und...
        byte[] content = new byte[3 * 1024 * 1024];
        new Random(3).nextBytes(content);
        byte[] lookalike = ("\r\n--" + BOUNDARY.substring(0, 6)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(lookalike, 0, content, 1000, lookalike.length);
        System.arraycopy(lookalike, 0, content, content.length - lookalike.length, lookalike.length);

        EmulatorClient.Reply reply = importForm(form("/Shared/data.bin", "RAW", null, null, content));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(emu.workspace().fileContent("/Shared/data.bin")).hasValue(content);
        HttpResponse<byte[]> raw = client.getBytes("/api/2.0/workspace/export?path=/Shared/data.bin&format=RAW"
                + "&direct_download=true");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(raw.body()).isEqualTo(content);
    }

    @Test
    void aSourceNotebookWithItsHeaderIsExportedByteIdentical() {
        byte[] source = "# Databricks notebook source\nprint(1)\n\n# COMMAND ----------\n\nprint(2)"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(importForm(form("/Shared/nb", "SOURCE", "PYTHON", "false", source)).status()).isEqualTo(200);

        assertThat(emu.workspace().objectType("/Shared/nb")).hasValue("NOTEBOOK");
        assertThat(client.getBytes("/api/2.0/workspace/export?path=/Shared/nb&format=SOURCE&direct_download=true")
                .body()).isEqualTo(source);
        EmulatorClient.Reply jupyter = client.get("/api/2.0/workspace/export?path=/Shared/nb&format=JUPYTER");
        assertThat(jupyter.json().path("file_type").asText()).isEqualTo("ipynb");
    }

    @Test
    void overwriteIsAFormFieldAndWithoutItAnExistingPathIsRefused() {
        byte[] one = "one".getBytes(StandardCharsets.UTF_8);
        assertThat(importForm(form("/Shared/a.txt", "AUTO", null, null, one)).status()).isEqualTo(200);

        EmulatorClient.Reply again = importForm(form("/Shared/a.txt", "AUTO", null, "false", one));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorCode()).isEqualTo("RESOURCE_ALREADY_EXISTS");
        assertThat(importForm(form("/Shared/a.txt", "AUTO", null, "true", "two".getBytes(StandardCharsets.UTF_8)))
                .status()).isEqualTo(200);
        assertThat(emu.workspace().fileContent("/Shared/a.txt")).hasValue("two".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theJsonFormWithBase64ContentStillWorks() {
        String body = "{\"path\":\"/Shared/j\",\"format\":\"SOURCE\",\"language\":\"SQL\",\"content\":\""
                + Base64.getEncoder().encodeToString("SELECT 1".getBytes(StandardCharsets.UTF_8)) + "\"}";
        assertThat(client.post("/api/2.0/workspace/import", body).status()).isEqualTo(200);
        assertThat(emu.workspace().notebookSource("/Shared/j")).hasValue("SELECT 1");
    }

    @Test
    void malformedOrIncompleteFormsAreRefusedWithTheWorkspaceErrors() {
        EmulatorClient.Reply noBoundary = client.post("/api/2.0/workspace/import", "multipart/form-data",
                form("/Shared/x", "RAW", null, null, new byte[1]));
        assertThat(noBoundary.status()).isEqualTo(400);
        assertThat(noBoundary.errorCode()).isEqualTo("MALFORMED_REQUEST");

        EmulatorClient.Reply noContent = importForm(form("/Shared/x", "RAW", null, null, null));
        assertThat(noContent.status()).isEqualTo(400);
        assertThat(noContent.message()).contains("content");

        EmulatorClient.Reply noLanguage = importForm(form("/Shared/x", "SOURCE", null, null,
                "x = 1".getBytes(StandardCharsets.UTF_8)));
        assertThat(noLanguage.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");

        EmulatorClient.Reply tooLarge = importForm(form("/Shared/big", "RAW", null, null,
                new byte[10 * 1024 * 1024 + 1]));
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.errorCode()).isEqualTo("MAX_NOTEBOOK_SIZE_EXCEEDED");
        assertThat(emu.workspace().objectType("/Shared/big")).isEmpty();
    }
}
