package io.camelbricks.camel;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.support.ExchangeHelper;

/**
 * The message body of an upload as a stream of its bytes, never read into memory: a {@code File} or {@code Path}
 * is opened, an {@code InputStream} (also a stream cache) is used as is, {@code byte[]} as is, a {@code String} in
 * the exchange's charset ({@code CamelCharsetName}, else Camel's default, UTF-8), and anything else Camel can convert
 * to an {@code InputStream} (e.g. the {@code GenericFile} of a file consumer) through its type converters.
 */
final class UploadBody {
    static final String ACCEPTED = "a File, Path, InputStream, byte[] or String, or anything Camel converts to an"
            + " InputStream (e.g. the body of a file: consumer)";

    private UploadBody() {
    }

    /**
     * Opens the body of {@code exchange} for reading.
     *
     * @throws IllegalArgumentException naming the body type when it is null or cannot be read as bytes
     */
    static InputStream open(Exchange exchange, String endpointPath) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            throw new IllegalArgumentException("databricks:" + endpointPath + " uploads the message body, but it is"
                    + " null; the body must be " + ACCEPTED);
        }
        if (body instanceof InputStream stream) {
            return stream;
        }
        if (body instanceof byte[] bytes) {
            return new ByteArrayInputStream(bytes);
        }
        if (body instanceof String text) {
            return new ByteArrayInputStream(text.getBytes(Charset.forName(ExchangeHelper.getCharsetName(exchange))));
        }
        if (body instanceof File file) {
            return openFile(file.toPath(), endpointPath);
        }
        if (body instanceof Path path) {
            return openFile(path, endpointPath);
        }
        InputStream converted = exchange.getContext().getTypeConverter().tryConvertTo(InputStream.class, exchange,
                body);
        if (converted == null) {
            throw new IllegalArgumentException("databricks:" + endpointPath + " cannot upload a body of type "
                    + body.getClass().getName() + ": the body must be " + ACCEPTED);
        }
        return converted;
    }

    private static InputStream openFile(Path path, String endpointPath) {
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("databricks:" + endpointPath + ": the body is the file " + path
                    + ", which does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("databricks:" + endpointPath + ": cannot read the file " + path, e);
        }
    }

}
