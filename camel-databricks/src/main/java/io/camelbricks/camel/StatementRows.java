package io.camelbricks.camel;

import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.service.sql.ExecuteStatementRequest;
import io.camelbricks.api.sql.Row;
import io.camelbricks.api.sql.SqlClient;
import io.camelbricks.api.sql.StatementResult;

/**
 * {@code statementExecution/executeStatement} with {@code outputType=rows} or {@code list}: runs the statement to a
 * final state (polling on the scheduler, no thread held) and puts its result rows in the body, each a
 * {@code Map} of column name to value typed by the result schema. {@code rows} is a lazy, closeable
 * {@code Iterator} for {@code .split(body()).streaming()}: chunks (inline or external links) are fetched as it is
 * iterated, with bounded prefetch; {@code list} reads every row into a {@code List} (small results only). With
 * {@code cancelOnStop}, statements still running when the endpoint stops are cancelled on the warehouse.
 */
final class StatementRows implements DataTransfer {
    private final DatabricksEndpoint endpoint;
    private final boolean lazy;
    private final Set<CompletableFuture<StatementResult>> running = ConcurrentHashMap.newKeySet();
    private SqlClient sql;
    private ApiClient sqlOwner;

    StatementRows(DatabricksEndpoint endpoint, boolean lazy) {
        this.endpoint = endpoint;
        this.lazy = lazy;
    }

    @Override
    public CompletableFuture<Void> start(Exchange exchange, ApiClient client, Executor blocking) {
        Message message = exchange.getMessage();
        ExecuteStatementRequest request = (ExecuteStatementRequest) endpoint.requestAssembler().assemble(message,
                client.mapper(), null);
        Duration timeout = endpoint.getWaitTimeout() > 0 ? Duration.ofMillis(endpoint.getWaitTimeout())
                : SqlClient.DEFAULT_TIMEOUT;
        CompletableFuture<StatementResult> execution = sqlClient(client).executeAsync(request, timeout);
        running.add(execution);
        execution.whenComplete((result, failure) -> running.remove(execution));
        return execution.thenCompose(result -> {
            setHeaders(message, result);
            if (lazy) {
                RowMaps rows = new RowMaps(result);
                exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                    @Override
                    public void onDone(Exchange done) {
                        rows.close();
                    }
                });
                message.setBody(rows);
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.runAsync(() -> {
                try (RowMaps rows = new RowMaps(result)) {
                    List<Map<String, Object>> all = new ArrayList<>();
                    rows.forEachRemaining(all::add);
                    message.setBody(all);
                }
            }, blocking);
        });
    }

    private static void setHeaders(Message message, StatementResult result) {
        message.setHeader(DatabricksConstants.STATEMENT_ID, result.statementId());
        message.setHeader(DatabricksConstants.STATE, "SUCCEEDED");
        message.setHeader(DatabricksConstants.RESULT_MANIFEST, result.manifest());
        message.setHeader(DatabricksConstants.COLUMN_NAMES, result.columnNames());
        message.setHeader(DatabricksConstants.ROW_COUNT, result.totalRowCount());
    }

    private synchronized SqlClient sqlClient(ApiClient client) {
        if (sql == null || sqlOwner != client) {
            if (sql != null) {
                sql.close();
            }
            sql = new SqlClient(client);
            sqlOwner = client;
        }
        return sql;
    }

    /** Statements still running (for tests and the dev console). */
    int runningCount() {
        return running.size();
    }

    @Override
    public synchronized void close() {
        if (endpoint.isCancelOnStop()) {
            // a forced shutdown stops us on an interrupted thread: the cancel calls must go out all the same
            boolean interrupted = Thread.interrupted();
            try {
                for (CompletableFuture<StatementResult> execution : List.copyOf(running)) {
                    execution.cancel(true); // the client cancels the statement on the warehouse
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (sql != null) {
            sql.close();
            sql = null;
            sqlOwner = null;
        }
    }

    /** The rows of a result as maps, closing the result (and its prefetching) when closed or used up. */
    static final class RowMaps implements Iterator<Map<String, Object>>, Closeable {
        private final StatementResult result;
        private final Iterator<Row> rows;
        private volatile boolean closed;

        RowMaps(StatementResult result) {
            this.result = result;
            this.rows = result.iterator();
        }

        @Override
        public boolean hasNext() {
            if (closed) {
                return false;
            }
            boolean more = rows.hasNext();
            if (!more) {
                close();
            }
            return more;
        }

        @Override
        public Map<String, Object> next() {
            if (closed) {
                throw new NoSuchElementException("the statement result was closed");
            }
            return rows.next().asMap();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                result.close();
            }
        }
    }
}
