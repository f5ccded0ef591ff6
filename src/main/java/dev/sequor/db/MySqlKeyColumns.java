package dev.sequor.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key columns of a MySQL table as a merge compares them ({@link KeyComparison}): staged text under each key
 * column's collation, and rows deleted by key through a temporary table of the loaded keys with a PRIMARY KEY.
 * MariaDB 10 runs {@code DELETE ... WHERE k IN (SELECT ...)} as a dependent subquery, one scan of the loaded keys per
 * row of the table (200,000 rows against 20,000 keys ran past 10 minutes), where a join to an indexed table of the
 * keys takes 0.2 s (docs/decisions.md, "MySQL deletes by key through a table of the keys").
 */
final class MySqlKeyColumns implements KeyComparison {

    /** Types no PRIMARY KEY takes whole: a table of such keys is left to the plain delete. */
    private static final Pattern UNINDEXABLE = Pattern.compile("(?i).*(text|blob|json|geometry).*");
    /** A character or binary type's length in characters or bytes: {@code varchar(1000)}, {@code binary(16)}. */
    private static final Pattern LENGTH = Pattern.compile("(?i)(?:var)?(?:char|binary)\\((\\d+)\\).*");
    /** InnoDB's longest key, in bytes (a temporary table's PRIMARY KEY too). */
    private static final int MAX_KEY_BYTES = 3072;

    /** A key column's type as the table declares it, with its character set and collation (null for non-text). */
    private record Column(String type, String charset, String collation) {
    }

    private final Map<String, Column> columns;

    private MySqlKeyColumns(Map<String, Column> columns) {
        this.columns = columns;
    }

    /** The {@code key} columns of {@code namespace.table} (which exists), read on {@code c}. */
    static MySqlKeyColumns read(Connection c, String namespace, String table, List<String> key) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, column_type, character_set_name,"
                + " collation_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?")) {
            ps.setString(1, namespace);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        return of(key, rows);
    }

    /** The {@code key} columns among {@code rows}: name, type, character set and collation of each column. */
    static MySqlKeyColumns of(List<String> key, List<String[]> rows) {
        Map<String, Column> found = new HashMap<>();
        for (String[] row : rows) {
            found.put(MySqlDialect.columnKeyOf(row[0]), new Column(row[1], row[2], row[3]));
        }
        Map<String, Column> keyed = new HashMap<>();
        for (String k : key) {
            // as MySQL finds the column: cut past 64 characters, in any case
            Column column = found.get(MySqlDialect.columnKeyOf(k));
            if (column != null) {
                keyed.put(k, column);
            }
        }
        return new MySqlKeyColumns(keyed);
    }

    /** {@code CONVERT(v USING utf8mb4) COLLATE utf8mb4_nopad_bin} for a text key column; other values as they are. */
    @Override
    public String compared(String column, String expression) {
        Column c = columns.get(column);
        return c == null || c.collation() == null ? expression
                : "CONVERT(" + expression + " USING " + c.charset() + ") COLLATE " + c.collation();
    }

    /**
     * Whether a PRIMARY KEY takes the {@code key} columns: no TEXT or BLOB among them, and at most
     * {@link #MAX_KEY_BYTES} in all (a {@code varchar(1000)} in utf8mb4 is 4,000), counting 16 bytes for a number or a
     * time.
     */
    private boolean indexable(List<String> key) {
        long bytes = 0;
        for (String k : key) {
            Column c = columns.get(k);
            if (c == null || UNINDEXABLE.matcher(c.type()).matches()) {
                return false;
            }
            Matcher length = LENGTH.matcher(c.type().strip());
            bytes += !length.matches() ? 16 : Long.parseLong(length.group(1)) * bytesPerCharacter(c.charset());
        }
        return bytes <= MAX_KEY_BYTES;
    }

    /** The most bytes a character of {@code charset} takes (1 for a binary type, which has none). */
    private static int bytesPerCharacter(String charset) {
        if (charset == null) {
            return 1;
        }
        return switch (charset.toLowerCase(Locale.ROOT)) {
            case "latin1", "ascii", "binary" -> 1;
            case "ucs2" -> 2;
            case "utf8", "utf8mb3" -> 3;
            default -> 4;
        };
    }

    /**
     * {@code CREATE TEMPORARY TABLE keys (k1 ..., PRIMARY KEY (k1))}, the distinct loaded keys into it, then
     * {@code DELETE t FROM table AS t JOIN keys AS k ON t.a = k.k1}, and the keys table dropped: typed and collated
     * as the key columns are, so the join looks each row up in its index. A NULL key matches no row, as in the
     * plain delete. Keys no index takes whole (TEXT, or longer than InnoDB's 3,072 bytes) take the plain delete.
     */
    @Override
    public List<String> deleteRowsOfKeys(Dialect dialect, String table, List<String> key,
                                         Function<String, String> tableColumn, Function<String, String> loaded,
                                         String from) {
        if (!indexable(key)) {
            return KeyComparison.super.deleteRowsOfKeys(dialect, table, key, tableColumn, loaded, from);
        }
        String keys = dialect.quote("_sequor_keys");
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> notNull = new ArrayList<>();
        List<String> matches = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            String k = key.get(i);
            Column c = columns.get(k);
            String name = dialect.quote("k" + (i + 1));
            names.add(name);
            definitions.add(name + " " + c.type() + (c.collation() == null ? ""
                    : " CHARACTER SET " + c.charset() + " COLLATE " + c.collation()));
            values.add(loaded.apply(k));
            notNull.add(loaded.apply(k) + " IS NOT NULL");
            matches.add(compared(k, "t." + tableColumn.apply(k)) + " = k." + name);
        }
        return List.of("DROP TEMPORARY TABLE IF EXISTS " + keys,
                "CREATE TEMPORARY TABLE " + keys + " (" + String.join(", ", definitions) + ", PRIMARY KEY ("
                        + String.join(", ", names) + "))",
                "INSERT INTO " + keys + " (" + String.join(", ", names) + ") SELECT DISTINCT "
                        + String.join(", ", values) + " FROM " + from + " WHERE " + String.join(" AND ", notNull),
                "DELETE t FROM " + table + " AS t JOIN " + keys + " AS k ON " + String.join(" AND ", matches),
                "DROP TEMPORARY TABLE " + keys);
    }
}
