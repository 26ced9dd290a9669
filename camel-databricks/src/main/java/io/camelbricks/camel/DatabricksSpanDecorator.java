package io.camelbricks.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.decorators.AbstractSpanDecorator;

/**
 * Names and tags the spans Camel's tracing (camel-telemetry based: camel-opentelemetry2, camel-micrometer-observability,
 * camel-telemetry-dev) makes for {@code databricks:} endpoints: the span is named after the operation
 * ({@code databricks jobs/submit}) and, once the exchange is back, carries {@value #OPERATION},
 * {@value #STATUS} (the HTTP status Databricks answered), {@value #RETRIES} (the client's retries of the call),
 * the Databricks error code and the run, job or statement id when there is one. Found by camel-telemetry through
 * {@code META-INF/services/org.apache.camel.telemetry.SpanDecorator}; without camel-telemetry it is never loaded.
 */
public class DatabricksSpanDecorator extends AbstractSpanDecorator {
    /** Tag: the operation, as in the URI ({@code jobs/submit}). */
    public static final String OPERATION = "databricks.operation";
    /** Tag: the HTTP status of the call (OpenTelemetry's semantic convention name). */
    public static final String STATUS = "http.response.status_code";
    /** Tag: how many times the client retried the call. */
    public static final String RETRIES = "databricks.retries";
    /** Tag: the Databricks error_code of a failed call. */
    public static final String ERROR_CODE = "databricks.error_code";

    @Override
    public String getComponent() {
        return "databricks";
    }

    @Override
    public String getComponentClassName() {
        return DatabricksComponent.class.getName();
    }

    @Override
    public String getOperationName(Exchange exchange, Endpoint endpoint) {
        return endpoint instanceof DatabricksEndpoint databricks ? "databricks " + databricks.getPath()
                : super.getOperationName(exchange, endpoint);
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        if (endpoint instanceof DatabricksEndpoint databricks) {
            span.setTag(OPERATION, databricks.getPath());
        }
    }

    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        super.afterTracingEvent(span, exchange);
        Message message = exchange.getMessage();
        tag(span, OPERATION, message.getHeader(DatabricksConstants.OPERATION));
        tag(span, STATUS, message.getHeader(DatabricksConstants.STATUS_CODE));
        tag(span, RETRIES, message.getHeader(DatabricksConstants.RETRIES));
        tag(span, ERROR_CODE, message.getHeader(DatabricksConstants.ERROR_CODE));
        tag(span, "databricks.run_id", message.getHeader(DatabricksConstants.RUN_ID));
        tag(span, "databricks.job_id", message.getHeader(DatabricksConstants.JOB_ID));
        tag(span, "databricks.statement_id", message.getHeader(DatabricksConstants.STATEMENT_ID));
        tag(span, "databricks.result_state", message.getHeader(DatabricksConstants.RESULT_STATE));
    }

    private static void tag(Span span, String name, Object value) {
        if (value != null) {
            span.setTag(name, value.toString());
        }
    }
}
