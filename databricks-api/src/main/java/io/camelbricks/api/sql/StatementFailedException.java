package io.camelbricks.api.sql;

import io.camelbricks.api.DatabricksException;

/**
 * A statement that ended FAILED, CANCELED or CLOSED. Databricks answers a failed statement with HTTP 200 and
 * {@code status.state FAILED}; this exception carries that state, the error code and the server's message.
 */
public class StatementFailedException extends DatabricksException {
    private final String statementId;
    private final String state;
    private final String errorCode;
    private final String serverMessage;

    public StatementFailedException(String statementId, String state, String errorCode, String serverMessage) {
        super("statement " + statementId + " ended " + state
                + (errorCode != null || serverMessage != null ? ": " + errorCode + ": " + serverMessage : ""));
        this.statementId = statementId;
        this.state = state;
        this.errorCode = errorCode;
        this.serverMessage = serverMessage;
    }

    public String getStatementId() { return statementId; }

    /** FAILED, CANCELED or CLOSED. */
    public String getState() { return state; }

    /** The {@code status.error.error_code}, e.g. {@code BAD_REQUEST}; null when the server gave none. */
    public String getErrorCode() { return errorCode; }

    /** The {@code status.error.message}, e.g. {@code [PARSE_SYNTAX_ERROR] ...}. */
    public String getServerMessage() { return serverMessage; }
}
