package dev.sequor.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A JDBC driver that stands in for Snowflake's: it records the conversation Sequor holds with it (every statement, in
 * order, with the values bound to it and the transaction boundaries) and answers from a script ({@link #conversation}):
 * which tables exist, what a count says, which columns a query has. A {@code PUT} has its local file read (and
 * unzipped) at the moment it is sent, as Snowflake's driver would upload it. Agroal builds it by its class name, as it
 * does the real driver, so the same pool code runs.
 */
public final class SnowflakeFakeDriver implements Driver {

    /** What one test scripts and records; reset with {@link #reset()}. */
    public static final class Conversation {
        /** Each connect's URL and properties. */
        public final List<String> urls = Collections.synchronizedList(new ArrayList<>());
        public final List<Map<String, String>> properties = Collections.synchronizedList(new ArrayList<>());
        /** Statements and transaction events, in order. */
        public final List<String> log = Collections.synchronizedList(new ArrayList<>());
        /** The content of each file PUT, as text. */
        public final List<String> putFiles = Collections.synchronizedList(new ArrayList<>());
        /** The local path of each file PUT. */
        public final List<Path> putPaths = Collections.synchronizedList(new ArrayList<>());
        /** {@code SCHEMA.TABLE} (as stored) of the tables that exist. */
        public final Set<String> tables = Collections.synchronizedSet(new HashSet<>());
        /** {@code SCHEMA.TABLE} (as stored) to the columns information_schema lists for it: name, type. */
        public final Map<String, List<List<Object>>> columns = new java.util.concurrent.ConcurrentHashMap<>();
        /** The session's schema. */
        public volatile String schema = "PUBLIC";
        /** What {@code SELECT count(*)} answers. */
        public volatile long count = 0;
        /** The column labels of a query that reads no row ({@code WHERE 1 = 0}, {@code LIMIT 0}). */
        public volatile List<String> queryColumns = List.of();
        /** What a flow's own query (SQL starting with lower-case {@code select}) answers: labels, then rows. */
        public volatile List<String> userColumns = List.of();
        public volatile List<List<Object>> userRows = List.of();
        /** What the query for a refused value ({@code SELECT r, c, v FROM (...)}) answers: row, column, value. */
        public volatile List<List<Object>> misfits = List.of();
        /** When set, connecting fails with this message (as a driver that echoes what it was given might). */
        public volatile String connectFailure;
        /** A statement starting with this fails with {@link #failure}. */
        public volatile String failOn;
        public volatile String failure = "SQL compilation error:\nerror line 1 at position 7\ninvalid identifier 'X'";

        /**
         * The log with each random name of a staging table of {@code table} (upper case) replaced by S1, S2, ... in
         * order of first appearance, without the landing session's ALTER SESSION statements ({@link #sessionSettings}).
         */
        public List<String> logWithStagingNamed(String table) {
            Pattern staging = Pattern.compile("_SEQUOR_STAGE_[0-9A-F]{8}_" + Pattern.quote(table));
            Map<String, String> names = new HashMap<>();
            List<String> out = new ArrayList<>();
            for (String line : List.copyOf(log)) {
                if (line.startsWith("ALTER SESSION")) {
                    continue;
                }
                Matcher m = staging.matcher(line);
                StringBuilder sb = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(sb, names.computeIfAbsent(m.group(), k -> "S" + (names.size() + 1)));
                }
                m.appendTail(sb);
                out.add(sb.toString());
            }
            return out;
        }

        /** The statements only, without transaction events and catalog look-ups. */
        public List<String> statements() {
            synchronized (log) {
                return log.stream().filter(s -> !s.startsWith("(") && !s.startsWith("ALTER SESSION")).toList();
            }
        }

        /** The ALTER SESSION statements, which {@link #statements()} leaves out, in order. */
        public List<String> sessionSettings() {
            synchronized (log) {
                return log.stream().filter(s -> s.startsWith("ALTER SESSION")).toList();
            }
        }

        /** Everything sent, ALTER SESSION statements included. */
        public List<String> everyStatement() {
            synchronized (log) {
                return log.stream().filter(s -> !s.startsWith("(")).toList();
            }
        }
    }

    private static volatile Conversation current = new Conversation();

    public static Conversation conversation() {
        return current;
    }

    public static Conversation reset() {
        current = new Conversation();
        return current;
    }

    private static final Pattern PUT_FILE = Pattern.compile("^PUT 'file://(/?[^']+)'");
    private static final Pattern LOAD_FILE = Pattern.compile("sequor-load-\\d+\\.csv\\.gz");

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Conversation c = current;
        c.urls.add(url);
        Map<String, String> props = new TreeMap<>();
        info.stringPropertyNames().forEach(k -> props.put(k, info.getProperty(k)));
        c.properties.add(props);
        if (c.connectFailure != null) {
            throw new SQLException(c.connectFailure, "08001", 390100);
        }
        return connection(c);
    }

    private static Connection connection(Conversation c) {
        boolean[] autoCommit = {true};
        boolean[] closed = {false};
        InvocationHandler h = (proxy, method, args) -> switch (method.getName()) {
            case "createStatement" -> statement(c, null);
            case "prepareStatement" -> statement(c, (String) args[0]);
            case "setAutoCommit" -> {
                if (autoCommit[0] && !(Boolean) args[0]) {
                    c.log.add("(begin)");
                }
                autoCommit[0] = (Boolean) args[0];
                yield null;
            }
            case "getAutoCommit" -> autoCommit[0];
            case "commit" -> {
                c.log.add("(commit)");
                yield null;
            }
            case "rollback" -> {
                c.log.add("(rollback)");
                yield null;
            }
            case "getSchema" -> c.schema;
            case "isValid" -> true;
            case "isClosed" -> closed[0];
            case "close" -> {
                closed[0] = true;
                yield null;
            }
            case "getTransactionIsolation" -> Connection.TRANSACTION_READ_COMMITTED;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "SnowflakeFakeConnection";
            default -> defaultValue(method.getReturnType());
        };
        return (Connection) Proxy.newProxyInstance(SnowflakeFakeDriver.class.getClassLoader(),
                new Class<?>[] {Connection.class}, h);
    }

    /** A Statement, or a PreparedStatement of {@code preparedSql}. */
    private static Statement statement(Conversation c, String preparedSql) {
        Map<Integer, Object> bound = new TreeMap<>();
        ResultSet[] last = {null};
        long[] updateCount = {-1};
        InvocationHandler h = (proxy, method, args) -> {
            String name = method.getName();
            switch (name) {
                case "setString", "setObject", "setLong", "setInt" -> {
                    bound.put((Integer) args[0], args[1]);
                    return null;
                }
                case "setNull" -> {
                    bound.put((Integer) args[0], null);
                    return null;
                }
                case "execute", "executeQuery", "executeUpdate" -> {
                    String sql = args == null || args.length == 0 ? preparedSql : (String) args[0];
                    List<Object> values = new ArrayList<>(bound.values());
                    bound.clear();
                    last[0] = answer(c, sql, values);
                    if (name.equals("executeUpdate")) {
                        return 1;
                    }
                    if (name.equals("executeQuery")) {
                        return last[0];
                    }
                    // as Snowflake's driver (SFStatementType): queries, SHOW, DESCRIBE and file commands (PUT, GET,
                    // LIST, REMOVE) answer with a result set; DML, COPY, DDL, ALTER SESSION, USE, COMMIT with a count,
                    // which for everything but DML and COPY is 0 (a CREATE TABLE ... AS SELECT too)
                    boolean results = sql.matches("(?is)^\\s*(SELECT|WITH|SHOW|DESC|DESCRIBE|PUT|GET|LIST|LS|REMOVE|RM)\\b.*");
                    updateCount[0] = results ? -1 : 0;
                    return results;
                }
                case "getResultSet" -> {
                    return updateCount[0] < 0 ? last[0] : null;
                }
                case "getUpdateCount" -> {
                    return (int) updateCount[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                default -> {
                    return defaultValue(method.getReturnType());
                }
            }
        };
        Class<?> type = preparedSql == null ? Statement.class : PreparedStatement.class;
        return (Statement) Proxy.newProxyInstance(SnowflakeFakeDriver.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    /** Records {@code sql} and answers it from the script. */
    private static ResultSet answer(Conversation c, String sql, List<Object> values) throws SQLException {
        if (sql.startsWith("SELECT 1 FROM information_schema.tables")) {
            boolean exists = c.tables.contains(values.get(0) + "." + values.get(1));
            c.log.add("(exists? " + values.get(0) + "." + values.get(1) + " " + exists + ")");
            return rows(List.of("1"), exists ? List.of(List.of(1L)) : List.of());
        }
        if (sql.startsWith("SELECT column_name, CASE WHEN data_type = 'NUMBER'")) {
            String table = values.get(0) + "." + values.get(1);
            c.log.add("(columns? " + table + ")");
            return rows(List.of("COLUMN_NAME", "TYPE"), c.columns.getOrDefault(table, List.of()));
        }
        if (sql.startsWith("SELECT table_name FROM information_schema.tables")) {
            c.log.add("(leftovers? " + values + ")");
            return rows(List.of("TABLE_NAME"), List.of());
        }
        String logged = LOAD_FILE.matcher(sql).replaceAll("sequor-load-N.csv.gz");
        c.log.add(values.isEmpty() ? logged : logged + " " + values);
        if (c.failOn != null && sql.startsWith(c.failOn)) {
            throw new SQLException(c.failure, "42000", 904);
        }
        track(c, sql);
        Matcher put = PUT_FILE.matcher(sql);
        if (put.find()) {
            Path file = Path.of(put.group(1));
            c.putPaths.add(file);
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                c.putFiles.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows(List.of("status"), List.of(List.of("UPLOADED")));
        }
        if (sql.startsWith("SELECT r, c, v FROM (")) {
            return rows(List.of("R", "C", "V"), c.misfits);
        }
        if (sql.startsWith("select ")) {
            return rows(c.userColumns, c.userRows);
        }
        if (sql.startsWith("SELECT count(*)")) {
            return rows(List.of("COUNT(*)"), List.of(List.of(c.count)));
        }
        if (sql.endsWith("WHERE 1 = 0") || sql.endsWith("LIMIT 0")) {
            return rows(c.queryColumns, List.of());
        }
        return rows(List.of("status"), List.of());
    }

    private static final Pattern CREATE = Pattern.compile("^CREATE TABLE \"([^\"]+)\"\\.\"([^\"]+)\"");
    private static final Pattern DROP = Pattern.compile("^DROP TABLE IF EXISTS \"([^\"]+)\"\\.\"([^\"]+)\"$");
    private static final Pattern RENAME = Pattern.compile(
            "^ALTER TABLE \"([^\"]+)\"\\.\"([^\"]+)\" RENAME TO \"([^\"]+)\"\\.\"([^\"]+)\"$");

    /** Keeps {@link Conversation#tables} as the statements change the catalog. */
    private static void track(Conversation c, String sql) {
        Matcher m;
        if ((m = CREATE.matcher(sql)).find()) {
            c.tables.add(m.group(1) + "." + m.group(2));
        } else if ((m = DROP.matcher(sql)).find()) {
            c.tables.remove(m.group(1) + "." + m.group(2));
        } else if ((m = RENAME.matcher(sql)).find()) {
            c.tables.remove(m.group(1) + "." + m.group(2));
            c.tables.add(m.group(3) + "." + m.group(4));
        }
    }

    /** A result set of {@code data} under {@code labels}. */
    static ResultSet rows(List<String> labels, List<List<Object>> data) {
        int[] at = {-1};
        boolean[] wasNull = {false};
        InvocationHandler meta = (proxy, method, args) -> switch (method.getName()) {
            case "getColumnCount" -> labels.size();
            case "getColumnLabel", "getColumnName" -> labels.get((Integer) args[0] - 1);
            case "getColumnType" -> data.isEmpty() || !(data.get(0).get((Integer) args[0] - 1) instanceof Long)
                    ? Types.VARCHAR : Types.BIGINT;
            case "getColumnTypeName" -> "TEXT";
            default -> defaultValue(method.getReturnType());
        };
        ResultSetMetaData md = (ResultSetMetaData) Proxy.newProxyInstance(SnowflakeFakeDriver.class.getClassLoader(),
                new Class<?>[] {ResultSetMetaData.class}, meta);
        InvocationHandler h = (proxy, method, args) -> {
            switch (method.getName()) {
                case "next" -> {
                    return ++at[0] < data.size();
                }
                case "getMetaData" -> {
                    return md;
                }
                case "getObject", "getString", "getLong", "getInt" -> {
                    Object v = data.get(at[0]).get((Integer) args[0] - 1);
                    wasNull[0] = v == null;
                    return switch (method.getName()) {
                        case "getString" -> v == null ? null : v.toString();
                        case "getLong" -> v == null ? 0L : ((Number) v).longValue();
                        case "getInt" -> v == null ? 0 : ((Number) v).intValue();
                        default -> v;
                    };
                }
                case "wasNull" -> {
                    return wasNull[0];
                }
                default -> {
                    return defaultValue(method.getReturnType());
                }
            }
        };
        return (ResultSet) Proxy.newProxyInstance(SnowflakeFakeDriver.class.getClassLoader(),
                new Class<?>[] {ResultSet.class}, h);
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive() || type == void.class) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        return type == int.class ? 0 : type == short.class ? (short) 0 : type == byte.class ? (byte) 0 : '\0';
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith("jdbc:snowflake:");
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 3;
    }

    @Override
    public int getMinorVersion() {
        return 24;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
