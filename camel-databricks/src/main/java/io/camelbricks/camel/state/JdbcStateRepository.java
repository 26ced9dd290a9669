package io.camelbricks.camel.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A {@link StateRepository} in a SQL table, so that several Camel nodes share it (e.g. the cursor of the run-events
 * consumer, {@code databricks:jobs/listRuns?emit=changes&stateRepository=#cursors}, read by whichever node is the
 * leader). Camel ships file and memory state repositories only; this one needs nothing but a
 * {@link DataSource} (a pool such as HikariCP, or the engine's own), no ORM and no Spring.
 * <p>
 * One table holds the states of many repositories; {@link #getRepositoryName()} (like the processor name of Camel's
 * {@code JdbcMessageIdRepository}) separates them. The default table, which {@link #start()} creates when absent
 * ({@code CREATE TABLE IF NOT EXISTS}; PostgreSQL, H2, MySQL, MariaDB, SQLite) unless
 * {@link #setCreateTable(boolean)} is false:
 *
 * <pre>
 * CREATE TABLE CAMEL_STATE (
 *     REPOSITORY_NAME VARCHAR(255)  NOT NULL,
 *     STATE_KEY       VARCHAR(1000) NOT NULL,
 *     STATE_VALUE     VARCHAR(4000),
 *     UPDATED_AT      TIMESTAMP     NOT NULL,
 *     PRIMARY KEY (REPOSITORY_NAME, STATE_KEY)
 * )
 * </pre>
 *
 * {@link #setState(String, String)} is an upsert that works on any engine with a primary key: an {@code UPDATE},
 * else an {@code INSERT}, and when another node inserted the key in between (a duplicate-key error, SQLState class
 * 23) the {@code UPDATE} again. Each statement runs in auto-commit on a connection of its own, so a value is
 * visible to every node as soon as {@code setState} returns. A {@code null} value removes the key.
 * <p>
 * Failures of the database surface as {@link IllegalStateException}s naming the operation, the table, the repository
 * and the key (never the JDBC URL or credentials, which the data source keeps).
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {
    /** The default table. */
    public static final String DEFAULT_TABLE = "CAMEL_STATE";
    /** The default repository name. */
    public static final String DEFAULT_REPOSITORY_NAME = "default";
    /** A table name: an SQL identifier, optionally qualified by a schema. */
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

    private DataSource dataSource;
    private String tableName = DEFAULT_TABLE;
    private String repositoryName = DEFAULT_REPOSITORY_NAME;
    private boolean createTable = true;

    /** For bean configuration: set the data source (and optionally the table and repository name) before start. */
    public JdbcStateRepository() {
    }

    public JdbcStateRepository(DataSource dataSource) {
        this(dataSource, DEFAULT_REPOSITORY_NAME);
    }

    public JdbcStateRepository(DataSource dataSource, String repositoryName) {
        setDataSource(dataSource);
        setRepositoryName(repositoryName);
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "JdbcStateRepository needs a DataSource");
    }

    public String getTableName() {
        return tableName;
    }

    /**
     * The table (default {@code CAMEL_STATE}), optionally with its schema ({@code camel.CAMEL_STATE}).
     *
     * @throws IllegalArgumentException when the name is not an SQL identifier
     */
    public void setTableName(String tableName) {
        if (tableName == null || !TABLE_NAME.matcher(tableName.strip()).matches()) {
            throw new IllegalArgumentException("JdbcStateRepository tableName must be an SQL identifier, optionally"
                    + " qualified by a schema (letters, digits, _ and $, not starting with a digit; e.g. CAMEL_STATE or"
                    + " camel.CAMEL_STATE), not '" + tableName + "'");
        }
        this.tableName = tableName.strip();
    }

    public String getRepositoryName() {
        return repositoryName;
    }

    /** Separates repositories that share the table (default {@code default}); at most 255 characters. */
    public void setRepositoryName(String repositoryName) {
        if (repositoryName == null || repositoryName.isBlank() || repositoryName.length() > 255) {
            throw new IllegalArgumentException("JdbcStateRepository repositoryName must be 1 to 255 characters, not '"
                    + repositoryName + "'");
        }
        this.repositoryName = repositoryName;
    }

    public boolean isCreateTable() {
        return createTable;
    }

    /** Whether {@link #start()} creates the table when it is absent (default true). */
    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    @Override
    protected void doStart() throws Exception {
        if (dataSource == null) {
            throw new IllegalStateException("JdbcStateRepository needs a DataSource: setDataSource before start");
        }
        if (createTable) {
            createTableIfAbsent();
        }
    }

    /**
     * Creates the table unless it exists. Two nodes starting together may both try; the loser's error is ignored
     * when the table is there afterwards.
     */
    private void createTableIfAbsent() {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute(createTableStatement(tableName));
            } catch (SQLException e) {
                if (!tableExists(connection)) {
                    throw e;
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure("create the table", null, e);
        }
    }

    private boolean tableExists(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1 FROM " + tableName + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The DDL of the table, as {@link #start()} runs it. */
    public static String createTableStatement(String tableName) {
        return "CREATE TABLE IF NOT EXISTS " + tableName + " (REPOSITORY_NAME VARCHAR(255) NOT NULL,"
                + " STATE_KEY VARCHAR(1000) NOT NULL, STATE_VALUE VARCHAR(4000), UPDATED_AT TIMESTAMP NOT NULL,"
                + " PRIMARY KEY (REPOSITORY_NAME, STATE_KEY))";
    }

    @Override
    public String getState(String key) {
        requireKey(key);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (PreparedStatement select = connection.prepareStatement("SELECT STATE_VALUE FROM " + tableName
                    + " WHERE REPOSITORY_NAME = ? AND STATE_KEY = ?")) {
                select.setString(1, repositoryName);
                select.setString(2, key);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void setState(String key, String value) {
        requireKey(key);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                if (value == null) {
                    delete(connection, key);
                } else if (update(connection, key, value) == 0 && !insert(connection, key, value)) {
                    update(connection, key, value); // another node inserted the key meanwhile: overwrite its value
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure(value == null ? "remove" : "write", key, e);
        }
    }

    private int update(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + tableName
                + " SET STATE_VALUE = ?, UPDATED_AT = ? WHERE REPOSITORY_NAME = ? AND STATE_KEY = ?")) {
            update.setString(1, value);
            update.setTimestamp(2, now());
            update.setString(3, repositoryName);
            update.setString(4, key);
            return update.executeUpdate();
        }
    }

    /** Inserts the key; false when it exists already (a duplicate-key error: SQLState class 23). */
    private boolean insert(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tableName
                + " (REPOSITORY_NAME, STATE_KEY, STATE_VALUE, UPDATED_AT) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, repositoryName);
            insert.setString(2, key);
            insert.setString(3, value);
            insert.setTimestamp(4, now());
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    private void delete(Connection connection, String key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + tableName
                + " WHERE REPOSITORY_NAME = ? AND STATE_KEY = ?")) {
            delete.setString(1, repositoryName);
            delete.setString(2, key);
            delete.executeUpdate();
        }
    }

    private static Timestamp now() {
        return new Timestamp(System.currentTimeMillis());
    }

    private static void requireKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("JdbcStateRepository: the state key must not be null");
        }
    }

    private IllegalStateException failure(String operation, String key, SQLException e) {
        return new IllegalStateException("JdbcStateRepository could not " + operation + (key == null ? ""
                : " the state of key '" + key + "'") + " (table " + tableName + ", repository '" + repositoryName
                + "'): " + e.getMessage() + " [SQLState " + e.getSQLState() + "]", e);
    }

    @Override
    public String toString() {
        return "JdbcStateRepository[table=" + tableName + ", repository=" + repositoryName + "]";
    }
}
