package io.camelbricks.camel;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.wire.WirePath;

/**
 * Logs each state the awaited entity enters, once, at INFO ({@code databricks:jobs/submit run_id=5: PENDING ->
 * RUNNING}): what an operator wants to see, without a line per poll.
 */
final class WaitProgressLog implements Consumer<Object> {
    private static final Logger LOG = LoggerFactory.getLogger(DatabricksProducer.class);

    private final String path;
    private final WirePath statusPath;
    private final String subject;
    private String last;

    WaitProgressLog(ObjectMapper mapper, String path, Operation<Object, Object> op, Object response) {
        this.path = path;
        this.statusPath = WirePath.of(mapper, op.waitSpec().statusPath());
        this.subject = subjectOf(mapper, op, response);
    }

    @Override
    public synchronized void accept(Object entity) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String text = statusPath.textIn(entity);
        String state = text == null ? "?" : text;
        if (!state.equals(last)) {
            LOG.info("databricks:{} {}: {}{}", path, subject, last == null ? "" : last + " -> ", state);
            last = state;
        }
    }

    /** {@code run_id=5000000001}: the first poll argument taken from the response, for log lines. */
    static String subjectOf(ObjectMapper mapper, Operation<Object, Object> op, Object response) {
        for (String source : op.waitSpec().pollArguments()) {
            if (source.startsWith("response.") && response != null) {
                String field = source.substring("response.".length());
                String value = WirePath.of(mapper, field).textIn(response);
                if (value != null) {
                    return field + "=" + value;
                }
            }
        }
        return op.id();
    }
}
