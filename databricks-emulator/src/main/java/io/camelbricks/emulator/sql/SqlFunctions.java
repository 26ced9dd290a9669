package io.camelbricks.emulator.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.h2.tools.SimpleResultSet;

/** Databricks SQL functions H2 lacks, installed as H2 aliases in every schema. */
public final class SqlFunctions {

    private SqlFunctions() {
    }

    /** {@code range(end)}: one BIGINT column {@code id} from 0 to end - 1, as in Databricks. */
    public static ResultSet range(Connection connection, long end) throws SQLException {
        return range(connection, 0, end, 1);
    }

    /** {@code range(start, end)}. */
    public static ResultSet range(Connection connection, long start, long end) throws SQLException {
        return range(connection, start, end, 1);
    }

    /** {@code range(start, end, step)}. */
    public static ResultSet range(Connection connection, long start, long end, long step) throws SQLException {
        if (step == 0) {
            throw new SQLException("[FAILED_FUNCTION_CALL] range: step must not be 0.", "22023");
        }
        SimpleResultSet rs = new SimpleResultSet();
        rs.addColumn("id", Types.BIGINT, 19, 0);
        if (connection.getMetaData().getURL().equals("jdbc:columnlist:connection")) {
            return rs;
        }
        for (long v = start; step > 0 ? v < end : v > end; v += step) {
            rs.addRow(v);
        }
        return rs;
    }
}
