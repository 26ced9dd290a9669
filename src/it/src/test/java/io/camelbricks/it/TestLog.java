package io.camelbricks.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.fail;

/** The log file of the test JVM (every SLF4J line; surefire sets {@code it.log.file}). */
final class TestLog {
    private TestLog() {
    }

    static String text() {
        String file = System.getProperty("it.log.file");
        if (file == null) {
            fail("system property it.log.file is not set: run through Maven (surefire configures the SLF4J log file)");
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The log written since {@code offset} (a previous {@code text().length()}). */
    static String since(int offset) {
        String all = text();
        return all.substring(Math.min(offset, all.length()));
    }
}
