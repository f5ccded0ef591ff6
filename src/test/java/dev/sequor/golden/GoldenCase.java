package dev.sequor.golden;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One golden flow test: a folder under {@code src/test/resources/golden/} holding {@code flows/} (the flow under
 * test is {@code flows/main.yaml}), optional {@code sources/} and {@code project.yaml}, and {@code case.yaml} with
 * the HTTP stubs, environment variables and the expected outcome side by side. The harness adds
 * {@code sources/stage.yaml} (DuckDB file {@code stage.duckdb}, or a PostgreSQL or MariaDB database of its own) and
 * {@code sources/api.yaml} (an HTTP source) when the case has none, and gives the flow the variables
 * {@code base_url} (WireMock's) and {@code db_kind} ({@code duckdb}, {@code postgres} or {@code mysql}).
 *
 * <h2>case.yaml</h2>
 * <pre>{@code
 * description: what the case shows (one sentence)
 * databases: [duckdb]            # optional; default [duckdb, postgres, mysql]
 * variables: {who: ann}          # optional; the environment file's variables
 * raw_variables: |               # optional; lines written verbatim under variables: (exact scalar spelling)
 *   flag: yes
 * args: [--op-id, step2]         # optional; --op-id ID and --disable-flow-stacktrace are understood
 * http:                          # optional; WireMock stubs
 *   - method: POST               # default GET
 *     path: /customers           # matched exactly, without the query
 *     query: {page: "1"}         # optional; each parameter must equal
 *     body_contains: ann@x.io    # optional
 *     priority: 1                # optional; lower wins when several match
 *     status: 200                # default 200
 *     json: {data: []}           # the body as JSON (Content-Type application/json), or
 *     body: "<html>"             # the body as text
 *     delay_ms: 300              # optional; answer this late (to make parallel requests finish out of order)
 * expect:
 *   exit: 0                      # default 0
 *   stdout: "exact text\n"       # optional, exact
 *   stderr: "exact text\n"       # optional, exact
 *   stderr_contains: [text]      # optional; each must occur in stderr
 *   requests:                    # optional; every request WireMock received, in order: METHOD URL [BODY]
 *     - GET /customers?page=1
 *   tables:                      # every table the run left, in every schema, with its columns and rows
 *     customers:                 # the default schema (main / public); another schema is written schema.table
 *       columns: {id: integer, name: text, size: "decimal(10,2)"}   # quoted: a comma ends a flow value
 *       rows:
 *         - {id: 1, name: "Ann", size: 1.5}
 *   absent_tables: [users]       # optional; tables that must not exist (a reminder of intent: any table not
 *                                # under tables fails the case anyway)
 *   project_variables:           # optional; the whole saved variables.yaml, exactly: no key more or less
 *     last_sync: "2026-01-01"
 *   absent_project_variables: [cursor]   # optional; names that must not be saved
 * }</pre>
 * Unknown keys are refused, so a misspelt check cannot be skipped silently.
 *
 * <h2>Tables</h2>
 * The run's database is compared whole: a table it left that the case does not list (a forgotten staging table
 * {@code _sequor_stage_*}, a table in another schema) fails the case, as does a listed table that is missing. A case
 * whose run leaves no table says {@code tables: {}} or nothing. For each table the columns must match in order,
 * name and type, and the rows as a multiset (a table has no order).
 * <p>
 * Column types are written in the small vocabulary of {@link CommonType} ({@code integer}, {@code decimal(p,s)},
 * {@code float}, {@code text}, {@code boolean}, {@code date}, {@code timestamp}, {@code timestamptz},
 * {@code json}, ... and {@code []} for arrays), which DuckDB's and PostgreSQL's names both map to. Where the two
 * databases really differ, a column's type is a mapping {@code {duckdb: decimal(18,3), postgres: decimal, mysql:
 * decimal(65,30)}}.
 * <p>
 * Cells are compared as typed values ({@link Cells}): the YAML type of an expected value must fit the column, so
 * {@code 1} (an integer) never equals the text {@code "1"}, and {@code "1.5"} (quoted) is not a decimal. Values are
 * equal when the database would call them equal: {@code 1.5} and {@code 1.50} in a decimal column (the scale is
 * compared in the column type), {@code 1} and {@code 1.0} in a float column; timestamps are written
 * {@code "2024-01-02 10:00:00"}, with a time zone as an instant {@code "2024-01-02T10:00:00Z"} (which a timestamp
 * column, MySQL's DATETIME holding UTC, matches with its UTC time); dates
 * {@code "2024-01-02"}; json cells as the JSON value itself in YAML ({@code {a: [1, 2]}}, key order and 1.0 vs 1
 * do not matter, a quoted YAML string is a JSON string). {@code null} is SQL NULL. When a table differs, the
 * failure shows the actual table in this notation.
 */
record GoldenCase(String name, Path dir, Map<String, Object> spec) {

    private static final Set<String> KEYS = Set.of("description", "databases", "variables", "raw_variables", "args",
            "http", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("exit", "stdout", "stderr", "stderr_contains", "requests",
            "tables", "absent_tables", "project_variables", "absent_project_variables");
    private static final Set<String> STUB_KEYS = Set.of("method", "path", "query", "body_contains", "priority",
            "status", "json", "body", "delay_ms");
    private static final Set<String> TABLE_KEYS = Set.of("columns", "rows");

    static GoldenCase load(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        Object spec = CaseYaml.load(Files.readString(dir.resolve("case.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = spec == null ? Map.of() : (Map<String, Object>) spec;
        GoldenCase c = new GoldenCase(name, dir, m);
        c.onlyKeys(m, KEYS, "case.yaml");
        c.onlyKeys(c.expect(), EXPECT_KEYS, "expect");
        c.http().forEach(stub -> c.onlyKeys(stub, STUB_KEYS, "an http stub"));
        return c;
    }

    @SuppressWarnings("unchecked")
    List<String> databases() {
        Object d = spec.get("databases");
        return d == null ? List.of("duckdb", "postgres", "mysql") : (List<String>) d;
    }

    /** The environment's variables; decimals as doubles, as an environment file's floats are read. */
    @SuppressWarnings("unchecked")
    Map<String, Object> variables() {
        Map<String, Object> vars = new LinkedHashMap<>();
        ((Map<String, Object>) spec.getOrDefault("variables", Map.of()))
                .forEach((k, v) -> vars.put(k, v instanceof BigDecimal d ? d.doubleValue() : v));
        return vars;
    }

    /** Lines of an environment file's {@code variables:} mapping, as written (not re-dumped). */
    String rawVariables() {
        return String.valueOf(spec.getOrDefault("raw_variables", ""));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> http() {
        return (List<Map<String, Object>>) spec.getOrDefault("http", List.of());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> expect() {
        return (Map<String, Object>) spec.getOrDefault("expect", Map.of());
    }

    @SuppressWarnings("unchecked")
    List<String> args() {
        return (List<String>) spec.getOrDefault("args", List.of());
    }

    /** The expected tables for database {@code db}, by name, with their cells in {@link Cells}' notation. */
    @SuppressWarnings("unchecked")
    Map<String, TableContents> tables(String db) {
        Object written = expect().get("tables");
        Map<String, Object> tables = written == null ? Map.of() : (Map<String, Object>) written;
        Map<String, TableContents> out = new TreeMap<>();
        for (Map.Entry<String, Object> t : tables.entrySet()) {
            String where = "expect.tables." + t.getKey();
            if (!(t.getValue() instanceof Map<?, ?> table)) {
                throw invalid(where + " must be a mapping with columns and rows");
            }
            onlyKeys((Map<String, Object>) table, TABLE_KEYS, where);
            if (!(table.get("columns") instanceof Map<?, ?> cols) || !(table.get("rows") instanceof List<?> rows)) {
                throw invalid(where + " needs columns (a mapping of name to type) and rows (a list)");
            }
            Map<String, CommonType> columns = new LinkedHashMap<>();
            ((Map<String, Object>) cols).forEach((col, type) -> columns.put(col, type(type, db, where + "." + col)));
            List<String> names = List.copyOf(columns.keySet());
            List<String> rendered = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (!(rows.get(i) instanceof Map<?, ?> row) || !row.keySet().equals(columns.keySet())) {
                    throw invalid(where + " row " + (i + 1) + " must give exactly the columns " + names + ", not "
                            + rows.get(i));
                }
                List<String> cells = new ArrayList<>();
                for (String col : names) {
                    cells.add(Cells.fromCase(columns.get(col), row.get(col)));
                }
                rendered.add(TableContents.row(names, cells));
            }
            out.put(t.getKey(), new TableContents(t.getKey(), columns, rendered));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    List<String> absentTables() {
        return (List<String>) expect().getOrDefault("absent_tables", List.of());
    }

    private CommonType type(Object written, String db, String where) {
        Object forDb = written instanceof Map<?, ?> perDb ? perDb.get(db) : written;
        if (!(forDb instanceof String s)) {
            throw invalid(where + " must be a type, or a mapping {duckdb: TYPE, postgres: TYPE, mysql: TYPE}, not "
                    + written);
        }
        try {
            return CommonType.parse(s);
        } catch (IllegalArgumentException e) {
            throw invalid(where + ": " + e.getMessage());
        }
    }

    private void onlyKeys(Map<String, Object> map, Set<String> known, String where) {
        Set<String> unknown = new LinkedHashSet<>(map.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw invalid("unknown key(s) " + unknown + " in " + where + "; known: " + known.stream().sorted().toList());
        }
    }

    private IllegalArgumentException invalid(String message) {
        return new IllegalArgumentException("golden case " + name + ": " + message);
    }
}
