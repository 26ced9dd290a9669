package io.camelbricks.api.sql;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: one record at a time, in memory only the record being read (and an 8 KiB buffer).
 * Fields are separated by commas; records end with CRLF, LF or CR; a field in double quotes may hold commas, line
 * breaks and quotes (doubled). Whether a field was quoted is kept, so that an empty quoted field ({@code ""}) can be
 * told from an empty bare one. A last record without a line break is read too; a line break at the very end does not
 * make an extra record. Malformed input (a quote inside a bare field, text after a closing quote, a quote left open
 * at the end) raises {@link CsvFormatException} with the record number.
 */
final class CsvReader implements AutoCloseable {
    private static final int EOF = -1;

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long record;

    private final List<String> fields = new ArrayList<>();
    private final List<Boolean> quoted = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();

    CsvReader(Reader in) {
        this.in = in;
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException {
        fields.clear();
        quoted.clear();
        int c = read();
        if (c == EOF) {
            return false;
        }
        record++;
        while (true) {
            field.setLength(0);
            boolean isQuoted = c == '"';
            if (isQuoted) {
                c = readQuoted();
            } else {
                while (c != ',' && c != '\r' && c != '\n' && c != EOF) {
                    if (c == '"') {
                        throw new CsvFormatException("record " + record + ": a quote inside an unquoted field");
                    }
                    field.append((char) c);
                    c = read();
                }
            }
            fields.add(field.toString());
            quoted.add(isQuoted);
            if (c == ',') {
                c = read();
                continue;
            }
            if (c == '\r' && peek() == '\n') {
                read();
            }
            return true;
        }
    }

    /** Reads a quoted field after its opening quote; answers the character after the closing quote. */
    private int readQuoted() throws IOException {
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new CsvFormatException("record " + record + ": a quoted field is not closed at the end");
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    field.append('"');
                    continue;
                }
                int after = read();
                if (after != ',' && after != '\r' && after != '\n' && after != EOF) {
                    throw new CsvFormatException("record " + record + ": '" + (char) after
                            + "' after a closing quote");
                }
                return after;
            }
            field.append((char) c);
        }
    }

    int size() { return fields.size(); }

    String get(int index) { return fields.get(index); }

    boolean quoted(int index) { return quoted.get(index); }

    /** The fields of the current record (a live view, replaced by {@link #next()}). */
    List<String> fields() { return fields; }

    /** The number of the current record, from 1. */
    long recordNumber() { return record; }

    private int read() throws IOException {
        if (position == limit && !fillBuffer()) {
            return EOF;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fillBuffer()) {
            return EOF;
        }
        return buffer[position];
    }

    private boolean fillBuffer() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
