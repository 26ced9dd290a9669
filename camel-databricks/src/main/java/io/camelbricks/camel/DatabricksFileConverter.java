package io.camelbricks.camel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.spi.TypeConverterRegistry;
import org.apache.camel.support.ExchangeHelper;
import org.apache.camel.support.TypeConverterSupport;

/**
 * Lets Camel read a {@link DatabricksFile} body: as an {@code InputStream} (streamed), or whole as {@code byte[]}
 * or {@code String} (in the exchange's charset, else Camel's default, UTF-8; for small files).
 */
final class DatabricksFileConverter extends TypeConverterSupport {
    private final Class<?> target;

    private DatabricksFileConverter(Class<?> target) {
        this.target = target;
    }

    /** Adds the conversions of {@link DatabricksFile} to {@code registry}. */
    static void register(TypeConverterRegistry registry) {
        for (Class<?> type : new Class<?>[] {InputStream.class, byte[].class, String.class}) {
            registry.addTypeConverter(type, DatabricksFile.class, new DatabricksFileConverter(type));
        }
    }

    @Override
    public <T> T convertTo(Class<T> type, Exchange exchange, Object value) throws TypeConversionException {
        DatabricksFile file = (DatabricksFile) value;
        if (target == InputStream.class) {
            return type.cast(file.openStream());
        }
        try (InputStream in = file.openStream()) {
            byte[] bytes = in.readAllBytes();
            return type.cast(target == byte[].class ? bytes : new String(bytes, Charset.forName(ExchangeHelper.getCharsetName(exchange))));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file.getPath() + " failed: " + e.getMessage(), e);
        }
    }

}
