package io.camelbricks.camel;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;

import io.camelbricks.api.error.DatabricksError;

/**
 * Databricks answered an operation with an error. The cause is the client's typed error ({@code NotFound},
 * {@code PermissionDenied}, ...; match it with {@code onException}); the HTTP status is exposed through
 * {@link HttpResponseAware} so that Camel's health checks report it.
 */
public class DatabricksOperationException extends RuntimeCamelException implements HttpResponseAware {
    private final String operation;
    private final String errorCode;
    private int statusCode;
    private String status;

    public DatabricksOperationException(String operation, DatabricksError cause) {
        super("databricks:" + operation + " failed: " + cause.getMessage(), cause);
        this.operation = operation;
        this.errorCode = cause.getErrorCode();
        this.statusCode = cause.getStatusCode();
        this.status = cause.getErrorCode();
    }

    /** The operation as in the URI, e.g. {@code jobs/getRun}. */
    public String getOperation() {
        return operation;
    }

    /** The Databricks {@code error_code}, e.g. {@code RESOURCE_DOES_NOT_EXIST}; may be null. */
    public String getErrorCode() {
        return errorCode;
    }

    @Override
    public DatabricksError getCause() {
        return (DatabricksError) super.getCause();
    }

    @Override
    public int getHttpResponseCode() {
        return statusCode;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.statusCode = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return status;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.status = status;
    }
}
