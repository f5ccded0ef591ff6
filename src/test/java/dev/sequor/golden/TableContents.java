package dev.sequor.golden;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One table as a golden case compares it: its columns in order with their {@link CommonType}, and its rows as
 * canonical YAML flow mappings ({@link Cells}), sorted, since a table has no row order.
 *
 * @param name    {@code table} in the default schema (DuckDB's main, PostgreSQL's public), else {@code schema.table}
 * @param columns column name to type, in table order
 * @param rows    each row as {@code {col: value, ...}} in column order, sorted
 */
record TableContents(String name, Map<String, CommonType> columns, List<String> rows) {

    TableContents {
        columns = new LinkedHashMap<>(columns);
        rows = new ArrayList<>(rows);
        rows.sort(null);
    }

    /** One row from its canonical cells, in column order. */
    static String row(List<String> names, List<String> cells) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fields.add(key(names.get(i)) + ": " + cells.get(i));
        }
        return "{" + String.join(", ", fields) + "}";
    }

    /** Tables by name as case.yaml writes them under {@code expect.tables}: equal texts mean equal tables. */
    static String asCaseYaml(Map<String, TableContents> tables) {
        return new TreeMap<>(tables).values().stream().map(TableContents::asCaseYaml).collect(Collectors.joining());
    }

    /**
     * Empty when the two sets of tables are equal, else one line naming the unexpected tables (left by the run, not
     * in the case), the missing ones, and those whose columns or rows differ.
     */
    static Optional<String> differences(Map<String, TableContents> want, Map<String, TableContents> got) {
        if (asCaseYaml(want).equals(asCaseYaml(got))) {
            return Optional.empty();
        }
        Set<String> unexpected = new TreeSet<>(got.keySet());
        unexpected.removeAll(want.keySet());
        Set<String> missing = new TreeSet<>(want.keySet());
        missing.removeAll(got.keySet());
        List<String> different = new TreeSet<>(want.keySet()).stream()
                .filter(t -> got.containsKey(t) && !got.get(t).asCaseYaml().equals(want.get(t).asCaseYaml())).toList();
        return Optional.of("tables differ: unexpected " + unexpected + ", missing " + missing + ", different "
                + different);
    }

    /** The table as case.yaml writes it under {@code expect.tables}, for a failure message to show. */
    String asCaseYaml() {
        StringBuilder b = new StringBuilder();
        b.append("    ").append(key(name)).append(":\n");
        List<String> types = new ArrayList<>();
        // decimal(10,2) is quoted: in a flow mapping its comma would end the value
        columns.forEach((k, v) -> types.add(key(k) + ": " + (v.args().isEmpty() ? v : Cells.quoted(v.toString()))));
        b.append("      columns: {").append(String.join(", ", types)).append("}\n");
        if (rows.isEmpty()) {
            b.append("      rows: []\n");
        } else {
            b.append("      rows:\n");
            rows.forEach(r -> b.append("        - ").append(r).append('\n'));
        }
        return b.toString();
    }

    /** A column or table name as a YAML key: plain when it can be, else double-quoted. */
    private static String key(String name) {
        boolean plain = name.matches("[A-Za-z_][A-Za-z0-9_.]*") && !name.matches("(?i)null|true|false");
        return plain ? name : Cells.quoted(name);
    }
}
