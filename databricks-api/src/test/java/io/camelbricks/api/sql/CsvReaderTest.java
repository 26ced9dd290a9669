package io.camelbricks.api.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The streaming RFC 4180 reader behind CSV result rows. */
class CsvReaderTest {

    private static List<List<String>> records(Reader in) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (CsvReader r = new CsvReader(in)) {
            while (r.next()) {
                List<String> record = new ArrayList<>();
                for (int i = 0; i < r.size(); i++) {
                    record.add((r.quoted(i) ? "Q:" : "") + r.get(i));
                }
                out.add(record);
            }
        }
        return out;
    }

    private static List<List<String>> records(String text) throws IOException {
        return records(new StringReader(text));
    }

    /** Hands out one character per read, so every field and line break crosses a buffer boundary. */
    private static Reader oneCharAtATime(String text) {
        return new Reader() {
            private int i;

            @Override
            public int read(char[] buf, int off, int len) {
                if (i >= text.length()) {
                    return -1;
                }
                buf[off] = text.charAt(i++);
                return 1;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void quotedFieldsHoldCommasLineBreaksAndDoubledQuotes() throws IOException {
        String text = "id,text\r\n1,\"a,b\"\r\n2,\"line1\r\nline2\nline3\"\r\n3,\"say \"\"hi\"\"\"\r\n";
        List<List<String>> expected = List.of(List.of("id", "text"), List.of("1", "Q:a,b"),
                List.of("2", "Q:line1\r\nline2\nline3"), List.of("3", "Q:say \"hi\""));
        assertThat(records(text)).isEqualTo(expected);
        assertThat(records(oneCharAtATime(text))).isEqualTo(expected);
    }

    @Test
    void anEmptyQuotedFieldIsToldFromAnEmptyBareOne() throws IOException {
        assertThat(records("\"\",,null,\"null\"\n")).containsExactly(List.of("Q:", "", "null", "Q:null"));
        assertThat(records(",\r\n")).containsExactly(List.of("", ""));
    }

    @Test
    void lfCrlfAndCrEndRecordsAndAMissingLastLineBreakIsFine() throws IOException {
        assertThat(records("a\nb\r\nc\rd")).containsExactly(List.of("a"), List.of("b"), List.of("c"), List.of("d"));
        assertThat(records("")).isEmpty();
        assertThat(records("x\r\n")).containsExactly(List.of("x"));
        assertThat(records("\r\n\r\n")).containsExactly(List.of(""), List.of(""));
    }

    @Test
    void malformedInputIsReportedWithItsRecordNumber() {
        assertThatThrownBy(() -> records("ok\nab\"c\n")).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("record 2");
        assertThatThrownBy(() -> records("\"ab\"c\n")).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("after a closing quote");
        assertThatThrownBy(() -> records("1,\"open\n")).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("not closed");
    }

    @Test
    void aLongFieldCrossesManyBuffers() throws IOException {
        String big = "x".repeat(100_000);
        assertThat(records("\"" + big + "\"," + big + "\n")).containsExactly(List.of("Q:" + big, big));
    }
}
