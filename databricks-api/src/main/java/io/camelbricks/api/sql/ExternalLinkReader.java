package io.camelbricks.api.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.http.HttpResponse;
import io.camelbricks.api.service.sql.ExternalLink;
import io.camelbricks.api.service.sql.Format;
import io.camelbricks.api.service.sql.ResultData;
import io.camelbricks.api.service.sql.StatementExecutionGetStatementResultChunkNRequest;

/**
 * Fetches external links (presigned URLs) of one statement with the bare link transport: no Authorization header,
 * the link's own {@code http_headers} only. A {@code 403} (expired) asks the API for the chunk again
 * ({@code GET .../result/chunks/{n}}) and uses the fresh link, up to {@value #LINK_REFRESHES} times.
 */
final class ExternalLinkReader {
    static final int LINK_REFRESHES = 3;

    private final SqlClient sql;
    private final String statementId;
    private final Format format;
    private final Columns columns;

    ExternalLinkReader(SqlClient sql, String statementId, Format format, Columns columns) {
        this.sql = sql;
        this.statementId = statementId;
        this.format = format == null ? Format.JSON_ARRAY : format;
        this.columns = columns;
    }

    /** The rows behind the links of one answer, in chunk order; the first link is opened now, the others when reached. */
    ChunkRows rows(int index, List<ExternalLink> links) {
        if (Format.ARROW_STREAM.equals(format)) {
            throw new UnsupportedOperationException("rows cannot be read from ARROW_STREAM results (no Arrow decoder);"
                    + " use openChunk(index) for the raw Arrow IPC stream");
        }
        List<ExternalLink> sorted = new ArrayList<>(links);
        sorted.sort(Comparator.comparing(l -> l.getChunkIndex() == null ? (long) index : l.getChunkIndex()));
        return new LinkedRows(sorted, index);
    }

    /** Opens one link; answers the open 200 response (the caller closes it). */
    HttpResponse open(int chunk, ExternalLink link) {
        ExternalLink current = link;
        for (int attempt = 0; ; attempt++) {
            HttpResponse r;
            try {
                Map<String, String> headers = current.getHttpHeaders() == null ? Map.of() : current.getHttpHeaders();
                r = sql.openLink(current.getExternalLink(), headers);
            } catch (IOException e) {
                throw new UncheckedIOException("fetching the external link of chunk " + chunk, e);
            }
            if (r.status() == 200) {
                return r;
            }
            String snippet = SqlClient.readSnippet(r);
            if (r.status() != 403 || attempt >= LINK_REFRESHES) {
                throw new DatabricksException("external link of chunk " + chunk + " of statement " + statementId
                        + " answered " + r.status() + ": " + snippet);
            }
            current = freshLink(chunk);
        }
    }

    private ExternalLink freshLink(int chunk) {
        ResultData fresh = sql.service().getStatementResultChunkN(new StatementExecutionGetStatementResultChunkNRequest()
                .setStatementId(statementId).setChunkIndex((long) chunk));
        if (fresh.getExternalLinks() != null) {
            for (ExternalLink l : fresh.getExternalLinks()) {
                if (l.getChunkIndex() == null || l.getChunkIndex() == chunk) {
                    return l;
                }
            }
        }
        throw new DatabricksException("chunk " + chunk + " of statement " + statementId
                + " came back without an external link");
    }

    private ChunkRows parse(int chunk, InputStream body) {
        try {
            if (Format.CSV.equals(format)) {
                return new CsvRows(body, columns, chunk == 0);
            }
            return new JsonArrayRows(sql.mapper().getFactory(), body);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the external link of chunk " + chunk, e);
        }
    }

    /** The links of one answer read one after the other. */
    private final class LinkedRows implements ChunkRows {
        private final List<ExternalLink> links;
        private final int index;
        private int nextLink;
        private HttpResponse response;
        private ChunkRows current;

        LinkedRows(List<ExternalLink> links, int index) {
            this.links = links;
            this.index = index;
            advance();
        }

        private boolean advance() {
            closeCurrent();
            if (nextLink >= links.size()) {
                return false;
            }
            ExternalLink link = links.get(nextLink++);
            int chunk = link.getChunkIndex() == null ? index : link.getChunkIndex().intValue();
            response = open(chunk, link);
            current = parse(chunk, response.body());
            return true;
        }

        @Override
        public List<String> next() throws IOException {
            while (current != null) {
                List<String> row = current.next();
                if (row != null) {
                    return row;
                }
                if (!advance()) {
                    return null;
                }
            }
            return null;
        }

        private void closeCurrent() {
            if (current != null) {
                current.close();
                current = null;
            }
            if (response != null) {
                try {
                    response.close();
                } catch (IOException ignored) {
                    // an abandoned response
                }
                response = null;
            }
        }

        @Override
        public void close() {
            closeCurrent();
            nextLink = links.size();
        }
    }
}
