package io.camelbricks.emulator.sql;

/**
 * A statement that failed to compile or run: it ends FAILED, and {@code status.error} carries {@link #errorCode()}
 * (a {@code ServiceErrorCode}, usually {@code BAD_REQUEST}) and the message, in Databricks's
 * {@code [ERROR_CLASS] text SQLSTATE: xxxxx} form.
 */
public final class SqlFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;

    public SqlFailure(String errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }

    static SqlFailure parse(String what, String sql, int position) {
        return new SqlFailure("BAD_REQUEST", "[PARSE_SYNTAX_ERROR] Syntax error at or near position " + position + ": "
                + what + ". SQLSTATE: 42601\n\n== SQL ==\n" + sql);
    }

    static SqlFailure badRequest(String errorClass, String text, String sqlState) {
        return new SqlFailure("BAD_REQUEST", "[" + errorClass + "] " + text + " SQLSTATE: " + sqlState);
    }
}
