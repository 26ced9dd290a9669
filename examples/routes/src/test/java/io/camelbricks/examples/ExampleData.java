package io.camelbricks.examples;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelbricks.emulator.DatabricksEmulator;

/** What the example tests put into the emulator and the target database, and what they expect back. */
final class ExampleData {
    private ExampleData() {
    }

    /** A one-task notebook run, for {@code emulator.jobs().submitRun(...)}. */
    static ObjectNode notebookRun(String name) {
        ObjectNode request = new ObjectMapper().createObjectNode();
        request.put("run_name", name);
        request.putArray("tasks").addObject().put("task_key", "main").putObject("notebook_task")
                .put("notebook_path", "/Workspace/Shared/" + name);
        return request;
    }

    /** {@code n} pseudo-random bytes, the same for the same seed. */
    static byte[] bytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** {@code main.default.orders} on the emulator's SQL engine with {@code n} rows: id, customer, amount. */
    static void ordersTable(DatabricksEmulator emulator, int n) {
        emulator.sql().execute("CREATE OR REPLACE TABLE main.default.orders (id BIGINT, customer STRING, amount DOUBLE)");
        emulator.sql().execute("INSERT INTO main.default.orders SELECT id, CONCAT('customer-', MOD(id, 7)), id * 1.5"
                + " FROM range(1, " + (n + 1) + ")");
    }

    /** The rows {@link #ordersTable} holds, as {@code id|customer|amount} lines. */
    static List<String> expectedOrders(int n) {
        List<String> rows = new ArrayList<>();
        for (long id = 1; id <= n; id++) {
            rows.add(id + "|customer-" + (id % 7) + "|" + (id * 1.5));
        }
        return rows;
    }

    /** The example's target table in the relational database. */
    static void createCopyTable(Connection db) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE orders_copy (id BIGINT PRIMARY KEY, customer VARCHAR(100), amount DOUBLE)");
        }
    }

    /** The target table's rows as {@code id|customer|amount} lines, by id. */
    static List<String> copiedOrders(Connection db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = db.createStatement();
             ResultSet result = statement.executeQuery("SELECT id, customer, amount FROM orders_copy ORDER BY id")) {
            while (result.next()) {
                rows.add(result.getLong(1) + "|" + result.getString(2) + "|" + result.getDouble(3));
            }
        }
        return rows;
    }
}
