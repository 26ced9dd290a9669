package io.camelbricks.api.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.core.type.TypeReference;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.http.HttpResponse;
import io.camelbricks.api.service.sql.ExternalLink;
import io.camelbricks.api.service.sql.Format;
import io.camelbricks.api.service.sql.ResultData;
import io.camelbricks.api.service.sql.ResultManifest;
import io.camelbricks.api.service.sql.StatementExecutionGetStatementResultChunkNRequest;
import io.camelbricks.api.service.sql.StatementResponse;

/**
 * A SUCCEEDED statement: its id, manifest and rows. {@link #iterator()} is lazy: chunks (INLINE or EXTERNAL_LINKS) are
 * fetched as the rows are read, at most {@code prefetch} chunks ahead; only the chunks in flight are in memory.
 * Each {@code iterator()} starts again from chunk 0. Closing an iterator (or this result) stops fetching.
 */
public final class StatementResult implements Iterable<Row>, AutoCloseable {
    private static final TypeReference<List<List<String>>> ROWS = new TypeReference<>() { };
    private static final int LINK_REFRESHES = 3;

    private final SqlClient sql;
    private final StatementResponse response;
    private final Columns columns;
    private final List<RowIterator> open = Collections.synchronizedList(new java.util.ArrayList<>());

    StatementResult(SqlClient sql, StatementResponse response) {
        this.sql = sql;
        this.response = response;
        this.columns = new Columns(response.getManifest());
    }

    public String statementId() { return response.getStatementId(); }

    public StatementResponse response() { return response; }

    /** Null for statements that answer no result (DDL). */
    public ResultManifest manifest() { return response.getManifest(); }

    public List<String> columnNames() { return Collections.unmodifiableList(columns.names()); }

    public long totalRowCount() {
        ResultManifest m = manifest();
        return m == null || m.getTotalRowCount() == null ? 0 : m.getTotalRowCount();
    }

    public int chunkCount() {
        ResultManifest m = manifest();
        if (m == null || m.getTotalChunkCount() == null) {
            return response.getResult() == null ? 0 : 1;
        }
        return m.getTotalChunkCount().intValue();
    }

    @Override
    public RowIterator iterator() {
        RowIterator it = new RowIterator();
        open.add(it);
        return it;
    }

    public java.util.stream.Stream<Row> stream() {
        RowIterator it = iterator();
        return java.util.stream.StreamSupport.stream(
                java.util.Spliterators.spliteratorUnknownSize(it, java.util.Spliterator.ORDERED), false)
                .onClose(it::close);
    }

    /**
     * The raw bytes of one EXTERNAL_LINKS chunk (JSON_ARRAY, CSV or ARROW_STREAM as the statement asked), fetched
     * without the Authorization header; an expired link is re-requested.
     */
    public InputStream openChunk(int index) {
        ResultData data = chunkData(index);
        List<ExternalLink> links = data.getExternalLinks();
        if (links == null || links.isEmpty()) {
            throw new IllegalStateException("chunk " + index + " has no external link (disposition INLINE?)");
        }
        return openLink(index, links.get(0).getExternalLink()).body();
    }

    @Override
    public void close() {
        synchronized (open) {
            for (RowIterator it : open.toArray(new RowIterator[0])) {
                it.close();
            }
        }
    }

    private ResultData chunkData(int index) {
        if (index == 0 && response.getResult() != null) {
            return response.getResult();
        }
        return sql.service().getStatementResultChunkN(new StatementExecutionGetStatementResultChunkNRequest()
                .setStatementId(statementId()).setChunkIndex((long) index));
    }

    /** Rows of chunk {@code index}, with {@code first} as the data already at hand (or null). */
    private List<List<String>> rowsOf(int index, ResultData first) {
        ResultData data = first != null ? first : chunkData(index);
        if (data.getDataArray() != null) {
            return data.getDataArray();
        }
        List<ExternalLink> links = data.getExternalLinks();
        if (links == null || links.isEmpty()) {
            return List.of();
        }
        if (manifest() != null && manifest().getFormat() != null && !Format.JSON_ARRAY.equals(manifest().getFormat())) {
            throw new UnsupportedOperationException("rows can only be read from JSON_ARRAY results; this one is "
                    + manifest().getFormat().value() + ": use openChunk(index)");
        }
        List<ExternalLink> sorted = new java.util.ArrayList<>(links);
        sorted.sort(Comparator.comparing(l -> l.getChunkIndex() == null ? 0L : l.getChunkIndex()));
        List<List<String>> rows = new java.util.ArrayList<>();
        for (ExternalLink link : sorted) {
            int chunk = link.getChunkIndex() == null ? index : link.getChunkIndex().intValue();
            try (HttpResponse r = openLink(chunk, link.getExternalLink()); InputStream in = r.body()) {
                rows.addAll(sql.mapper().readValue(in, ROWS));
            } catch (IOException e) {
                throw new UncheckedIOException("reading the external link of chunk " + chunk, e);
            }
        }
        return rows;
    }

    /** Opens a link; on 403 (expired) asks for the chunk again to get a fresh link, a few times. */
    private HttpResponse openLink(int chunk, String url) {
        String current = url;
        for (int attempt = 0; ; attempt++) {
            HttpResponse r;
            try {
                r = sql.openLink(current);
            } catch (IOException e) {
                throw new UncheckedIOException("fetching the external link of chunk " + chunk, e);
            }
            if (r.status() == 200) {
                return r;
            }
            String snippet = SqlClient.readSnippet(r);
            if (r.status() != 403 || attempt >= LINK_REFRESHES) {
                throw new DatabricksException("external link of chunk " + chunk + " of statement " + statementId()
                        + " answered " + r.status() + ": " + snippet);
            }
            ResultData fresh = sql.service().getStatementResultChunkN(
                    new StatementExecutionGetStatementResultChunkNRequest().setStatementId(statementId())
                            .setChunkIndex((long) chunk));
            if (fresh.getExternalLinks() == null || fresh.getExternalLinks().isEmpty()) {
                throw new DatabricksException("chunk " + chunk + " came back without an external link");
            }
            current = fresh.getExternalLinks().get(0).getExternalLink();
        }
    }

    /** A lazy row iterator over every chunk; {@link #close()} stops fetching. Not thread-safe. */
    public final class RowIterator implements Iterator<Row>, AutoCloseable {
        private final Deque<CompletableFuture<List<List<String>>>> ahead = new ArrayDeque<>();
        private final int chunks = chunkCount();
        private int nextToRequest;
        private Iterator<List<String>> current = Collections.emptyIterator();
        private volatile boolean closed;

        private RowIterator() {
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (closed) {
                    return false;
                }
                fill();
                CompletableFuture<List<List<String>>> f = ahead.poll();
                if (f == null) {
                    close();
                    return false;
                }
                current = join(f).iterator();
                fill();
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return columns.row(current.next());
        }

        private void fill() {
            while (!closed && nextToRequest < chunks && ahead.size() < 1 + sql.prefetchChunks()) {
                int index = nextToRequest++;
                ResultData first = index == 0 ? response.getResult() : null;
                if (ahead.isEmpty() && first != null && first.getDataArray() != null) {
                    ahead.add(CompletableFuture.completedFuture(first.getDataArray()));
                } else {
                    ahead.add(CompletableFuture.supplyAsync(() -> {
                        if (closed) {
                            throw new CancellationException("closed");
                        }
                        return rowsOf(index, first);
                    }, sql.fetchPool()));
                }
            }
        }

        private List<List<String>> join(CompletableFuture<List<List<String>>> f) {
            try {
                return f.join();
            } catch (CompletionException e) {
                close();
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw e;
            }
        }

        /** Rows read so far are kept by the caller; no further chunk is fetched. */
        @Override
        public void close() {
            closed = true;
            CompletableFuture<List<List<String>>> f;
            while ((f = ahead.poll()) != null) {
                f.cancel(true);
            }
            current = Collections.emptyIterator();
            open.remove(this);
        }
    }
}
