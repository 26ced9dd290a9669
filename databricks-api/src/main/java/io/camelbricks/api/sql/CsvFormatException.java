package io.camelbricks.api.sql;

import java.io.IOException;

/** A CSV result chunk that does not follow RFC 4180. */
public class CsvFormatException extends IOException {
    public CsvFormatException(String message) {
        super(message);
    }
}
