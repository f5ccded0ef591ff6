import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.function.IntFunction;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB's own memory when it lands ROWS records the way Sequor's W4 does, with no Sequor in the process: the JDBC
 * driver and this class only. Answers whether the growth of W4's peak RSS from 100,000 to 1,000,000 records is
 * Sequor's or the engine's (bench/README.md, "DuckDB alone"). bench/duckdb-engine-memory compiles and runs it.
 *
 *   java -cp duckdb_jdbc.jar:. DuckDbEngineMemory FILE ROWS SHAPE MODE [SETTINGS]
 *
 * SHAPE is the records': {@code w4} (bench/mock_api.py's /items, nine fields, pages of 250, bench/declarative's W4)
 * or {@code landing} (its /records at rev 1, twelve fields with a nested object and array landed as JSON, pages of
 * 1,000, bench/landing's append on DuckDB: inferred columns, into a table that exists). MODE {@code staged} is Sequor's path for DuckDB (InPlaceLoads): each page
 * appended as text to a temporary staging table; every 245,760 rows (two row groups) one transaction moves them with
 * a typed {@code INSERT ... SELECT CAST} into the built table and drops and re-creates staging. MODE {@code direct}
 * appends typed values straight into the table (no staging at all), a transaction per page (w4 only). SETTINGS is a
 * query string of DuckDB settings, e.g. {@code memory_limit=64MB&threads=1}. Prints one line: rows, seconds, the RSS
 * before the load, the peak RSS of the process (VmHWM) and what duckdb_memory() accounts for at the end.
 */
public class DuckDbEngineMemory {

    static final int BATCH_ROWS = 245_760;
    static final String[] CATEGORIES = {"books", "games", "garden", "kitchen", "music", "office", "sports", "tools",
        "toys", "travel"};

    /**
     * A record shape: its page size, its staging table, the tables it lands into, the move of a batch, the statements
     * of the op's commit (none: the built table is the target) and record i as text.
     */
    record Shape(int page, String staging, String table, String move, List<String> commit,
                 IntFunction<String[]> record) {
    }

    static final Shape W4 = new Shape(250,
            "CREATE TEMP TABLE staging (id VARCHAR, sku VARCHAR, name VARCHAR, category VARCHAR, price VARCHAR,"
                    + " quantity VARCHAR, active VARCHAR, created_at VARCHAR, tags VARCHAR)",
            "CREATE TABLE bench_items (id INTEGER, sku TEXT, name TEXT, category TEXT, price DECIMAL(10,2),"
                    + " quantity INTEGER, active BOOLEAN, created_at TEXT, tags TEXT)",
            "INSERT INTO bench_items SELECT CAST(id AS INTEGER), sku, name, category, CAST(price AS DECIMAL(10,2)),"
                    + " CAST(quantity AS INTEGER), CAST(active AS BOOLEAN), created_at, tags FROM staging",
            List.of(), DuckDbEngineMemory::w4Record);

    /**
     * bench/landing's append on DuckDB: columns inferred (these are the types inference gives its records), into a
     * table that already holds a page of 1,000 rows, so the batches build a table of their own that the commit moves
     * into the kept one.
     */
    static final Shape LANDING = new Shape(1000,
            "CREATE TEMP TABLE staging (id VARCHAR, sku VARCHAR, name VARCHAR, category VARCHAR, price VARCHAR,"
                    + " quantity VARCHAR, active VARCHAR, score VARCHAR, created_at VARCHAR, updated_at VARCHAR,"
                    + " customer VARCHAR, tags VARCHAR)",
            "CREATE TABLE bench_records (id BIGINT, sku TEXT, name TEXT, category TEXT, price DOUBLE, quantity BIGINT,"
                    + " active BOOLEAN, score DOUBLE, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ, customer JSON,"
                    + " tags JSON);"
                    + " INSERT INTO bench_records SELECT range, 'SKU', 'Item', 'books', 1.5, 1, true, 0.5,"
                    + " TIMESTAMPTZ '2024-01-01 00:00:00Z', TIMESTAMPTZ '2025-01-01 00:00:00Z', '{}', '[]'"
                    + " FROM range(1000);"
                    + " CREATE TABLE built AS FROM bench_records LIMIT 0",
            "INSERT INTO built SELECT CAST(id AS BIGINT), sku, name, category, CAST(price AS DOUBLE),"
                    + " CAST(quantity AS BIGINT), CAST(active AS BOOLEAN), CAST(score AS DOUBLE),"
                    + " CAST(created_at AS TIMESTAMPTZ), CAST(updated_at AS TIMESTAMPTZ), CAST(customer AS JSON),"
                    + " CAST(tags AS JSON) FROM staging",
            List.of("INSERT INTO bench_records SELECT * FROM built", "DROP TABLE built"),
            DuckDbEngineMemory::landingRecord);

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        Shape shape = switch (args[2]) {
            case "w4" -> W4;
            case "landing" -> LANDING;
            default -> throw new IllegalArgumentException("SHAPE is w4 or landing, not " + args[2]);
        };
        boolean staged = switch (args[3]) {
            case "staged" -> true;
            case "direct" -> false;
            default -> throw new IllegalArgumentException("MODE is staged or direct, not " + args[3]);
        };
        if (!staged && shape != W4) {
            throw new IllegalArgumentException("MODE direct is for SHAPE w4 only");
        }
        Properties settings = new Properties();
        if (args.length > 4 && !args[4].isEmpty()) {
            for (String pair : args[4].split("&")) {
                String[] kv = pair.split("=", 2);
                settings.setProperty(kv[0], kv[1]);
            }
        }
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + ".wal"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, settings);
             Statement s = c.createStatement()) {
            DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
            s.execute(shape.table());
            if (staged) {
                s.execute(shape.staging());
            }
            long before = kb("VmRSS");
            long start = System.nanoTime();
            int inStaging = 0;
            for (int i = 1; i <= rows; ) {
                int end = Math.min(rows, i + shape.page() - 1);
                if (!staged) {
                    c.setAutoCommit(false);
                }
                try (DuckDBAppender appender = staged ? duck.createAppender("temp", "main", "staging")
                        : duck.createAppender("main", "bench_items")) {
                    for (; i <= end; i++) {
                        if (staged) {
                            appendText(appender, shape.record().apply(i));
                        } else {
                            appendTypedW4(appender, i);
                        }
                    }
                }
                if (!staged) {
                    c.commit();
                    c.setAutoCommit(true);
                    continue;
                }
                inStaging += shape.page();
                if (inStaging >= BATCH_ROWS || i > rows) {
                    c.setAutoCommit(false);
                    s.execute(shape.move());
                    c.commit();
                    c.setAutoCommit(true);
                    s.execute("DROP TABLE staging");
                    s.execute(shape.staging());
                    inStaging = 0;
                }
            }
            if (!shape.commit().isEmpty()) {
                c.setAutoCommit(false);
                for (String sql : shape.commit()) {
                    s.execute(sql);
                }
                c.commit();
                c.setAutoCommit(true);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("rows %d  %.1f s  RSS before the load %d MB  peak RSS %d MB  duckdb_memory() %d MB%n",
                    rows, seconds, before / 1024, kb("VmHWM") / 1024, accounted(s) / (1024 * 1024));
        }
    }

    /** Record i of bench/mock_api.py's /items (W4), as text. */
    static String[] w4Record(int i) {
        return new String[] {Integer.toString(i), String.format("SKU-%07d", i), "Item number " + i,
            CATEGORIES[i % CATEGORIES.length], (1 + (i * 37L) % 500) + "." + String.format("%02d", (i * 13L) % 100),
            Long.toString((i * 7L) % 50), Boolean.toString(i % 3 != 0),
            String.format("2024-%02d-%02dT%02d:%02d:00Z", 1 + i % 12, 1 + i % 28, i % 24, i % 60),
            "[\"t" + (i % 5) + "\",\"t" + (i % 7) + "\"]"};
    }

    /** Record i of bench/mock_api.py's /records at rev 1 (bench/landing), as text. */
    static String[] landingRecord(int i) {
        int c = i % 5000;
        return new String[] {Integer.toString(i), String.format("SKU-%07d", i), "Item " + i,
            CATEGORIES[i % CATEGORIES.length], String.format("%.2f", 1 + (i * 37L) % 500 + ((i * 13L) % 100) / 100.0),
            Long.toString((i * 7L) % 50), Boolean.toString(i % 3 != 0), Double.toString((i % 1000) / 7.0),
            String.format("2024-%02d-%02dT%02d:%02d:00Z", 1 + i % 12, 1 + i % 28, i % 24, i % 60),
            String.format("2025-01-%02dT00:00:00Z", 1 + i % 28),
            String.format("{\"id\":%d,\"email\":\"c%d@example.com\",\"tier\":\"%s\"}", c, c,
                    i % 4 == 0 ? "gold" : "std"),
            "[\"t" + (i % 5) + "\",\"t" + (i % 7) + "\"]"};
    }

    static void appendText(DuckDBAppender a, String[] values) throws Exception {
        a.beginRow();
        for (String v : values) {
            a.append(v);
        }
        a.endRow();
    }

    /** Record i of W4 with typed values, as a load without text staging would append it. */
    static void appendTypedW4(DuckDBAppender a, int i) throws Exception {
        String[] text = w4Record(i);
        a.beginRow();
        a.append(i);
        a.append(text[1]);
        a.append(text[2]);
        a.append(text[3]);
        a.append(new BigDecimal(text[4]));
        a.append(Integer.parseInt(text[5]));
        a.append(i % 3 != 0);
        a.append(text[7]);
        a.append(text[8]);
        a.endRow();
    }

    static long accounted(Statement s) throws Exception {
        try (ResultSet r = s.executeQuery("SELECT sum(memory_usage_bytes) FROM duckdb_memory()")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** A "kB" line of /proc/self/status: VmRSS now, VmHWM the peak so far. */
    static long kb(String key) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        throw new IllegalStateException("no " + key + " in /proc/self/status");
    }
}
