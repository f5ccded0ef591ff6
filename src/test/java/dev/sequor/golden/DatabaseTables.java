package dev.sequor.golden;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every table and view a run left in a database, in every schema but the system ones, read straight from the
 * catalog with plain JDBC (never through the code under test). Leftovers such as {@code _sequor_stage_*} tables are
 * found because nothing is filtered by name.
 */
final class DatabaseTables {

    private static final String DUCKDB_TABLES = "SELECT table_schema, table_name FROM information_schema.tables"
            + " WHERE table_catalog = current_database() AND table_schema NOT IN ('information_schema', 'pg_catalog')";
    private static final String DUCKDB_COLUMNS = "SELECT column_name, data_type FROM information_schema.columns"
            + " WHERE table_catalog = current_database() AND table_schema = ? AND table_name = ?"
            + " ORDER BY ordinal_position";
    private static final String POSTGRES_TABLES = "SELECT table_schema, table_name FROM information_schema.tables"
            + " WHERE table_schema NOT IN ('information_schema', 'pg_catalog') AND table_schema NOT LIKE 'pg\\_%'";
    private static final String POSTGRES_COLUMNS = "SELECT column_name, udt_name, numeric_precision, numeric_scale"
            + " FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position";

    private static final String MYSQL_TABLES = "SELECT table_schema, table_name FROM information_schema.tables"
            + " WHERE table_schema = DATABASE()";
    private static final String MYSQL_COLUMNS = "SELECT c.column_name, c.data_type, c.column_type,"
            + " c.numeric_precision, c.numeric_scale, EXISTS (SELECT 1 FROM information_schema.check_constraints k"
            + " WHERE k.constraint_schema = c.table_schema AND k.table_name = c.table_name"
            + " AND k.check_clause LIKE concat('json\\_valid(`', c.column_name, '`)')) AS is_json"
            + " FROM information_schema.columns c WHERE c.table_schema = ? AND c.table_name = ?"
            + " ORDER BY c.ordinal_position";

    private DatabaseTables() {
    }

    /** All tables, by {@link TableContents#name()}, sorted by name. */
    static Map<String, TableContents> read(Connection conn, String db) throws SQLException {
        boolean duckdb = db.equals("duckdb");
        boolean mysql = db.equals("mysql");
        String defaultSchema = duckdb ? "main" : mysql ? conn.getCatalog() : "public";
        Map<String, TableContents> tables = new TreeMap<>();
        List<String[]> names = new ArrayList<>();
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery(duckdb ? DUCKDB_TABLES : mysql ? MYSQL_TABLES : POSTGRES_TABLES)) {
            while (rs.next()) {
                names.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] n : names) {
            Map<String, CommonType> columns = mysql ? mysqlColumns(conn, n[0], n[1]) : columns(conn, duckdb, n[0], n[1]);
            String name = n[0].equals(defaultSchema) ? n[1] : n[0] + "." + n[1];
            tables.put(name, new TableContents(name, columns, rows(conn, n[0], n[1], columns, mysql)));
        }
        return tables;
    }

    private static Map<String, CommonType> columns(Connection conn, boolean duckdb, String schema, String table)
            throws SQLException {
        Map<String, CommonType> columns = new LinkedHashMap<>();
        try (PreparedStatement s = conn.prepareStatement(duckdb ? DUCKDB_COLUMNS : POSTGRES_COLUMNS)) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), duckdb ? CommonType.ofDuckDb(rs.getString(2))
                            : CommonType.ofPostgres(rs.getString(2), (Integer) rs.getObject(3), (Integer) rs.getObject(4)));
                }
            }
        }
        return columns;
    }

    private static Map<String, CommonType> mysqlColumns(Connection conn, String schema, String table)
            throws SQLException {
        Map<String, CommonType> columns = new LinkedHashMap<>();
        try (PreparedStatement s = conn.prepareStatement(MYSQL_COLUMNS)) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), CommonType.ofMySql(rs.getString(2), rs.getString(3),
                            (Integer) intOrNull(rs.getObject(4)), (Integer) intOrNull(rs.getObject(5)), rs.getBoolean(6)));
                }
            }
        }
        return columns;
    }

    private static Object intOrNull(Object v) {
        return v == null ? null : ((Number) v).intValue();
    }

    private static List<String> rows(Connection conn, String schema, String table, Map<String, CommonType> columns,
                                     boolean mysql) throws SQLException {
        List<String> names = List.copyOf(columns.keySet());
        List<CommonType> types = List.copyOf(columns.values());
        List<String> rows = new ArrayList<>();
        String sql = "SELECT * FROM " + (mysql ? "`" + schema + "`.`" + table.replace("`", "``") + "`"
                : quote(schema) + "." + quote(table));
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < types.size(); i++) {
                    try {
                        cells.add(Cells.fromDatabase(types.get(i), rs.getObject(i + 1)));
                    } catch (RuntimeException e) {
                        throw new AssertionError("cannot read column " + names.get(i) + " (" + types.get(i)
                                + ") of table " + schema + "." + table + ": " + e, e);
                    }
                }
                rows.add(TableContents.row(names, cells));
            }
        }
        return rows;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
