package io.camelbricks.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** {@link MultipartForm}: the wire form of fields and file parts, its length, and that nothing is read early. */
class MultipartFormTest {

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fieldsAndAFilePartAreWrittenAsRfc7578WithTheirTotalLength() throws Exception {
        StreamingBody body = new MultipartForm("XyZ").field("path", "/Shared/a.py").field("overwrite", "true")
                .file("content", "a.py", bytes("print(1)\r\n"), 10).toBody();

        String wire = new String(body.contents().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(wire).isEqualTo("--XyZ\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\n/Shared/a.py\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"overwrite\"\r\n\r\ntrue\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"content\"; filename=\"a.py\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nprint(1)\r\n\r\n--XyZ--\r\n");
        assertThat(body.length()).isEqualTo(wire.getBytes(StandardCharsets.UTF_8).length);
        assertThat(body.contentType()).isEqualTo("multipart/form-data; boundary=XyZ");
    }

    @Test
    void aFileOfUnknownLengthMakesTheFormLengthUnknown() {
        StreamingBody body = new MultipartForm().field("a", "b").file("content", "x", bytes("x"), -1).toBody();
        assertThat(body.length()).isEqualTo(-1);
        assertThat(body.contentType()).startsWith("multipart/form-data; boundary=camelbricks-");
    }

    @Test
    void quotesAndLineBreaksInFileNamesCannotBreakTheHeaders() throws Exception {
        StreamingBody body = new MultipartForm("b").file("content", "a\"b\r\nc.py", bytes(""), 0).toBody();
        assertThat(new String(body.contents().readAllBytes(), StandardCharsets.UTF_8))
                .contains("filename=\"a%22b%0D%0Ac.py\"");
    }

    @Test
    void theFileStreamIsNotReadUntilTheBodyIsRead() {
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read too early");
            }
        };
        StreamingBody body = new MultipartForm().field("path", "/x").file("content", "x", untouchable, -1).toBody();
        assertThat(body.contents()).isNotNull();
    }

    @Test
    void aFormTurnedIntoABodyCannotGrow() {
        MultipartForm form = new MultipartForm().field("a", "b");
        form.toBody();
        assertThatThrownBy(() -> form.field("c", "d")).isInstanceOf(IllegalStateException.class);
    }
}
