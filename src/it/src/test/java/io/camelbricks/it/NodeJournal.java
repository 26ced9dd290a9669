package io.camelbricks.it;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * What one node did, one line per fact, in a file of its own: each line is written with a single {@code write} of
 * an unbuffered stream, so that it is in the file (the kernel's page cache) before the node goes on, and a node
 * killed with SIGKILL leaves every line it wrote before dying. The parent test reads the files of all nodes.
 * <ul>
 * <li>{@code STARTED}: the node's CamelContext started (it may still be a follower);</li>
 * <li>{@code LEADER <route>}: the node became leader and the route's consumer started;</li>
 * <li>{@code EVENT <key>}: the route received the event (consumer key {@code jobs/listRuns:run_id=..:state=..});</li>
 * <li>{@code SINK <key> inserted|present}: the route wrote the event to its idempotent sink ({@link RunEventsSink}):
 * a new row, or the row was there already;</li>
 * <li>{@code STORED <key>}: the shared idempotent repository stored the key (the exchange completed);</li>
 * <li>{@code SUBMITTING <business key>} / {@code DONE <business key> <run id> <result state>}: the wait routes;
 * {@code RESUMING <business key> <run id>}: a run id found in the shared repository; {@code WAITING <business key>
 * <run id>}: about to wait on that run.</li>
 * </ul>
 */
final class NodeJournal {
    private final FileOutputStream out;

    NodeJournal(Path file) {
        try {
            this.out = new FileOutputStream(file.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void append(String line) {
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The complete lines of a node's journal (none when it has not written any yet). */
    static List<String> read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
