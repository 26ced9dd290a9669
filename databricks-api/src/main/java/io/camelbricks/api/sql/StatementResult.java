package io.camelbricks.api.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.camelbricks.api.service.sql.ExternalLink;
import io.camelbricks.api.service.sql.ResultData;
import io.camelbricks.api.service.sql.ResultManifest;
import io.camelbricks.api.service.sql.StatementExecutionGetStatementResultChunkNRequest;
import io.camelbricks.api.service.sql.StatementResponse;

/**
 * A SUCCEEDED statement: its id, manifest and rows. {@link #iterator()} is lazy: chunks (INLINE, or EXTERNAL_LINKS in
 * JSON_ARRAY or CSV) are fetched as the rows are read, at most {@code prefetch} chunks ahead, and the rows of an
 * external link are parsed from the open response one at a time, so memory stays constant whatever the result's
 * size. Chunks follow each other by {@code next_chunk_index} (see {@link ChunkPaging}), so a manifest without
 * {@code total_chunk_count} is read to its end too. Each {@code iterator()} starts again from chunk 0. Closing an
 * iterator (or this result) stops fetching.
 */
public final class StatementResult implements Iterable<Row>, AutoCloseable {
    private final SqlClient sql;
    private final StatementResponse response;
    private final Columns columns;
    private final ExternalLinkReader links;
    private final List<RowIterator> open = Collections.synchronizedList(new java.util.ArrayList<>());

    StatementResult(SqlClient sql, StatementResponse response) {
        this.sql = sql;
        this.response = response;
        this.columns = new Columns(response.getManifest());
        this.links = new ExternalLinkReader(sql, response.getStatementId(),
                response.getManifest() == null ? null : response.getManifest().getFormat(), columns);
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

    /**
     * The number of chunks: the manifest's {@code total_chunk_count}; 0 for a statement without a result; -1 when the
     * manifest does not tell (the iterator then pages by {@code next_chunk_index}).
     */
    public int chunkCount() {
        int known = ChunkPaging.knownCount(manifest());
        if (known >= 0) {
            return known;
        }
        return response.getResult() == null ? 0 : -1;
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
        List<ExternalLink> found = data.getExternalLinks();
        if (found == null || found.isEmpty()) {
            throw new IllegalStateException("chunk " + index + " has no external link (disposition INLINE?)");
        }
        return links.open(index, found.get(0)).body();
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

    /** A chunk ready to be read: its answer and its rows (for an external link, the response is open). */
    private record OpenChunk(int index, ResultData data, ChunkRows rows) {
    }

    private static final OpenChunk END = new OpenChunk(-1, null, ChunkRows.empty());

    /** A lazy row iterator over every chunk; {@link #close()} stops fetching. Not thread-safe. */
    public final class RowIterator implements Iterator<Row>, AutoCloseable {
        private final Deque<CompletableFuture<OpenChunk>> ahead = new ArrayDeque<>();
        private CompletableFuture<OpenChunk> lastRequested;
        private OpenChunk current;
        private List<String> pending;
        private volatile boolean closed;

        private RowIterator() {
        }

        @Override
        public boolean hasNext() {
            while (pending == null) {
                if (closed) {
                    return false;
                }
                if (current != null) {
                    pending = read(current);
                    if (pending == null) {
                        current.rows().close();
                        current = null;
                    }
                    continue;
                }
                fill();
                CompletableFuture<OpenChunk> f = ahead.poll();
                OpenChunk next = f == null ? END : join(f);
                if (next == END) {
                    close();
                    return false;
                }
                current = next;
                fill();
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row row = columns.row(pending);
            pending = null;
            return row;
        }

        private List<String> read(OpenChunk chunk) {
            try {
                return chunk.rows().next();
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("reading chunk " + chunk.index() + " of statement " + statementId(), e);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        /**
         * Requests chunks until {@code prefetch} are in flight beyond the one being read (or the one about to be read),
         * or the last one requested is known to be the end.
         */
        private void fill() {
            int limit = sql.prefetchChunks() + (current == null ? 1 : 0);
            while (!closed && ahead.size() < limit && !endRequested()) {
                CompletableFuture<OpenChunk> f;
                if (lastRequested == null) {
                    ResultData first = response.getResult();
                    if (first == null) {
                        f = CompletableFuture.completedFuture(END);
                    } else if (first.getDataArray() != null) {
                        f = CompletableFuture.completedFuture(new OpenChunk(0, first,
                                ChunkRows.of(first.getDataArray())));
                    } else {
                        f = CompletableFuture.supplyAsync(() -> open(0, first), sql.fetchPool());
                    }
                } else {
                    f = lastRequested.thenApplyAsync(this::following, sql.fetchPool());
                }
                ahead.add(f);
                lastRequested = f;
            }
        }

        private boolean endRequested() {
            return lastRequested != null && lastRequested.isDone() && !lastRequested.isCompletedExceptionally()
                    && lastRequested.join() == END;
        }

        private OpenChunk following(OpenChunk previous) {
            if (previous == END) {
                return END;
            }
            int next = ChunkPaging.next(manifest(), previous.index(), previous.data());
            if (next < 0) {
                return END;
            }
            if (next <= previous.index()) {
                throw new IllegalStateException("chunk " + previous.index() + " of statement " + statementId()
                        + " names " + next + " as the next chunk");
            }
            return open(next, null);
        }

        private OpenChunk open(int index, ResultData known) {
            if (closed) {
                throw new CancellationException("closed");
            }
            ResultData data = known != null ? known : chunkData(index);
            ChunkRows rows;
            if (data.getDataArray() != null) {
                rows = ChunkRows.of(data.getDataArray());
            } else if (data.getExternalLinks() != null && !data.getExternalLinks().isEmpty()) {
                rows = links.rows(index, data.getExternalLinks());
            } else {
                rows = ChunkRows.empty();
            }
            if (closed) {
                rows.close();
                throw new CancellationException("closed");
            }
            return new OpenChunk(index, data, rows);
        }

        private OpenChunk join(CompletableFuture<OpenChunk> f) {
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

        /** Rows read so far are kept by the caller; no further chunk is fetched, open responses are closed. */
        @Override
        public void close() {
            closed = true;
            CompletableFuture<OpenChunk> f;
            while ((f = ahead.poll()) != null) {
                f.whenComplete((chunk, e) -> {
                    if (chunk != null) {
                        chunk.rows().close();
                    }
                });
            }
            if (current != null) {
                current.rows().close();
                current = null;
            }
            pending = null;
            open.remove(this);
        }
    }
}
