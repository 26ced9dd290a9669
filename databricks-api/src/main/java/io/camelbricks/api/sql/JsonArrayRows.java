package io.camelbricks.api.sql;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** A JSON_ARRAY chunk ({@code [["1","a"],["2",null]]}) parsed row by row from a stream. */
final class JsonArrayRows implements ChunkRows {
    private final InputStream in;
    private final JsonParser parser;
    private boolean started;
    private boolean ended;

    JsonArrayRows(JsonFactory factory, InputStream in) throws IOException {
        this.in = in;
        this.parser = factory.createParser(in);
    }

    @Override
    public List<String> next() throws IOException {
        if (ended) {
            return null;
        }
        if (!started) {
            started = true;
            JsonToken first = parser.nextToken();
            if (first == null) {
                ended = true;
                return null;
            }
            expect(first, JsonToken.START_ARRAY);
        }
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_ARRAY || t == null) {
            ended = true;
            return null;
        }
        expect(t, JsonToken.START_ARRAY);
        List<String> row = new ArrayList<>();
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new IOException("a JSON_ARRAY chunk ends inside a row");
            }
            row.add(t == JsonToken.VALUE_NULL ? null : parser.getValueAsString());
        }
        return row;
    }

    private void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("a JSON_ARRAY chunk has " + actual + " where " + expected + " belongs, at "
                    + parser.currentLocation());
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
            in.close();
        } catch (IOException ignored) {
            // closing an abandoned response
        }
    }
}
