package dev.sequor.db;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The columns of a table write without declared columns, inferred from its records as they arrive: names in
 * first-seen order, each with the narrowest {@link InferredKind} that holds every value seen so far. Types are only
 * decided at the commit ({@link #columns}), so rows are staged as text and never rewritten when a later page widens a
 * column; memory holds one entry per column, not the rows.
 *
 * <p>A table that exists and is kept (every mode but create) starts with its own columns, which values must fit.
 * Its shape is fixed from the start; a new table's shape is fixed once the first batch of records (a page, a
 * for_each row's response) has been taken. After that, {@link SchemaEvolution} says what a new field or a value that
 * no longer fits does. Shared by a target and the unit views of parallel for_each rows, so its methods take turns.
 */
final class InferredSchema {

    /** A column seen in the records: its position in staged rows and the kind of its values. */
    private static final class Column {
        final String name;
        final int index;
        InferredKind kind;
        /** The existing column's type (SQL text, from the database's catalog), null for a column the write adds. */
        final String existingType;
        /** The existing column's kind, null for a new column or a type outside the lattice. */
        final InferredKind existingKind;
        /**
         * An existing decimal column of scale 0 (the DECIMAL(38,0) an earlier run inferred): it would round every
         * fraction away, so a fraction widens it instead of landing in it.
         */
        final boolean wholeDecimal;
        /**
         * An existing column that holds bytes ({@link Dialect#isBinary}): its values are staged as
         * {@link Dialect#binaryText} writes them. Its type is outside the lattice, so it never widens.
         */
        final boolean binary;
        /** The first row whose JSON value here holds the NUL character, and that value's text; 0 when none did. */
        long nulInJsonRow;
        String nulInJsonText;

        Column(String name, int index, InferredKind kind, String existingType, InferredKind existingKind,
               boolean binary) {
            this.name = name;
            this.binary = binary;
            this.index = index;
            this.kind = kind;
            this.existingType = existingType;
            this.existingKind = existingKind;
            this.wholeDecimal = existingKind == InferredKind.DECIMAL && WHOLE_DECIMAL.matcher(existingType).matches();
        }

        boolean widensExisting() {
            return existingKind != null && kind != existingKind;
        }
    }

    /** A decimal type of scale 0, as a catalog spells it: {@code DECIMAL(38,0)}, {@code numeric(20)}. */
    private static final Pattern WHOLE_DECIMAL =
            Pattern.compile("(?i)\\s*(numeric|decimal)\\s*\\(\\s*\\d+\\s*(,\\s*0\\s*)?\\)\\s*");

    private final String table;
    private final SchemaEvolution evolution;
    private final SourcePos pos;
    /** The kept table's columns by name: their type text; empty for a table the write creates. */
    private final Map<String, String> existing;
    /** What kind an existing column's type text is ({@link Dialect#inferredKind}), and names as it stores them. */
    private final Dialect dialect;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    /** The columns by what the database compares of their names ({@link Dialect#columnKey}). */
    private final Map<String, Column> byKey = new HashMap<>();
    private final List<Column> byIndex = new ArrayList<>();
    private boolean shapeFixed;
    private long rows;
    /** {@link #accept}'s scratch: the column and text of each field of the record under way, reused record to record. */
    private Column[] fieldColumns = new Column[16];
    private String[] fieldTexts = new String[16];

    /**
     * @param existing   the columns of the table when it exists and is kept (name to type text, in table order), else
     *                   empty
     * @param dialect    the kind of an existing column from its type text ({@link Dialect#inferredKind}); which
     *                   names the database takes for one ({@link Dialect#columnKey})
     */
    InferredSchema(String table, SchemaEvolution evolution, Map<String, String> existing, Dialect dialect,
                   SourcePos pos) {
        this.table = table;
        this.dialect = dialect;
        this.evolution = evolution;
        this.existing = existing;
        this.pos = pos;
        this.shapeFixed = !existing.isEmpty();
    }

    /**
     * The values of {@code record} as text, at the positions of their columns (a row as long as the columns known
     * now, plus {@code extra} empty slots); new fields become columns unless the shape is fixed.
     */
    synchronized String[] accept(Map<?, ?> record, int extra) {
        long rowNumber = ++rows;
        if (shapeFixed && evolution == SchemaEvolution.FREEZE) {
            refuseNewFields(record, rowNumber);
        }
        if (fieldColumns.length < record.size()) {
            fieldColumns = new Column[record.size()];
            fieldTexts = new String[record.size()];
        }
        int fields = 0;
        for (Map.Entry<?, ?> field : record.entrySet()) {
            String name = String.valueOf(field.getKey());
            Object value = field.getValue();
            Column column = columns.get(name);
            InferredKind kind = InferredKind.of(value);
            if (column == null) {
                column = addColumn(name, kind, value, rowNumber);
                if (column == null) {
                    continue;
                }
            } else {
                widen(column, kind, value, rowNumber);
            }
            String text = column.binary ? dialect.binaryText(value) : ValueText.of(value);
            if (kind == InferredKind.JSON && column.nulInJsonRow == 0 && JsonText.holdsNul(text)) {
                column.nulInJsonRow = rowNumber;
                column.nulInJsonText = text;
            }
            fieldColumns[fields] = column;
            fieldTexts[fields++] = text;
        }
        // the row is as long as the columns known after the whole record (its own fields may have added some)
        String[] row = new String[byIndex.size() + extra];
        for (int i = 0; i < fields; i++) {
            row[fieldColumns[i].index] = fieldTexts[i];
            fieldTexts[i] = null;
        }
        return row;
    }

    /** After a batch of records: from now on the shape of a new table is fixed too. */
    synchronized void batchTaken() {
        if (!columns.isEmpty()) {
            shapeFixed = true;
        }
    }

    private Column addColumn(String name, InferredKind kind, Object value, long rowNumber) {
        String existingType = existing.get(name);
        if (existingType != null) {
            InferredKind existingKind = dialect.inferredKind(existingType);
            Column column = register(name, existingKind == null ? kind : existingKind, existingType, existingKind);
            widen(column, kind, value, rowNumber);
            return column;
        }
        if (shapeFixed) {
            switch (evolution) {
                case DISCARD -> {
                    return null;
                }
                case FREEZE -> throw newFields(List.of(name), rowNumber);
                case EVOLVE -> { }
            }
        }
        if (dialect.stored(name).isEmpty()) {
            // every database refuses a column without a name, with words that name neither the row nor the table
            throw SequorException.failed(pos, "Row " + rowNumber + " for table '" + table + "' has a field with an"
                    + " empty name, which cannot be a column; rename it before it lands (data_expression), or declare"
                    + " the table's columns");
        }
        String unheld = dialect.unheldName(name);
        if (unheld != null) {
            throw SequorException.failed(pos, "Row " + rowNumber + " for table '" + table + "' has a field '" + name
                    + "' that cannot be a column name on " + dialect.displayName() + ": " + unheld + "; rename it"
                    + " before it lands (data_expression), or declare the table's columns");
        }
        return register(name, kind, null, null);
    }

    /** Under freeze: an error naming every field of {@code record} that has no column, if it has any. */
    private void refuseNewFields(Map<?, ?> record, long rowNumber) {
        List<String> unknown = new ArrayList<>();
        for (Object key : record.keySet()) {
            String name = String.valueOf(key);
            if (!columns.containsKey(name) && !existing.containsKey(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw newFields(unknown, rowNumber);
        }
    }

    private SequorException newFields(List<String> names, long rowNumber) {
        boolean one = names.size() == 1;
        String quoted = "'" + String.join("', '", names) + "'";
        return SequorException.failed(pos, "Row " + rowNumber + " for table '" + table + "' has "
                + (one ? "a field " + quoted + " that the table has no column for"
                        : "fields " + quoted + " that the table has no columns for")
                + ", and schema_evolution is freeze; add the column" + (one ? "" : "s")
                + (existing.isEmpty() ? " to the records of the first page" : " to the table")
                + ", or write schema_evolution: evolve (adds " + (one ? "it" : "them") + ") or discard (drops the field"
                + (one ? "" : "s") + ").");
    }

    private Column register(String name, InferredKind kind, String existingType, InferredKind existingKind) {
        Column column = new Column(name, byIndex.size(), kind, existingType, existingKind,
                existingType != null && existingKind == null && dialect.isBinary(existingType));
        Column same = byKey.putIfAbsent(dialect.columnKey(name), column);
        if (same != null) {
            throw ColumnNameClash.ofFields(dialect, pos, table, same.name, name);
        }
        columns.put(name, column);
        byIndex.add(column);
        return column;
    }

    /** Widens {@code column} to hold {@code kind}, or fails when the shape is fixed and widening is not allowed. */
    private void widen(Column column, InferredKind kind, Object value, long rowNumber) {
        if (column.existingType != null && column.existingKind == null) {
            return; // a type outside the lattice: the database converts the text, and says when it cannot
        }
        if (column.existingKind == InferredKind.DECIMAL && column.kind == InferredKind.DECIMAL && kind.isNumber()
                && !(kind == InferredKind.DOUBLE && column.wholeDecimal)) {
            return; // a numeric column of the table (numeric(12,2)) takes any number; the database rounds to its scale
        }
        InferredKind wider = column.kind.widen(kind);
        if (wider == column.kind) {
            return;
        }
        if (shapeFixed && evolution != SchemaEvolution.EVOLVE) {
            // the table's own type name for an existing column (as PostgreSQL spells it; DuckDB's in lower case)
            String type = column.existingType != null ? column.existingType.toLowerCase(java.util.Locale.ROOT)
                    : column.kind.label();
            throw SequorException.failed(pos, "Value " + shown(value) + " in row " + rowNumber + " for table '"
                    + table + "' does not fit column '" + column.name + "' of type " + type + " (it needs "
                    + wider.label() + "), and schema_evolution is " + evolution.key() + "; write schema_evolution:"
                    + " evolve to widen the column, or fix the value.");
        }
        column.kind = wider;
    }

    /**
     * Before the commit moves the rows in: fails naming the first value that holds the NUL character in JSON where its
     * column lands as a type that cannot hold it ({@link Dialect#refusesNulInJson}, PostgreSQL's jsonb), as a NUL in
     * text is refused ({@link NulInText}). Only the landed type tells: a column that widened to text takes it.
     */
    synchronized void refuseNulInJson(Dialect dialect) {
        Column first = null;
        for (Column c : byIndex) {
            if (c.nulInJsonRow > 0 && (first == null || c.nulInJsonRow < first.nulInJsonRow)
                    && dialect.refusesNulInJson(landedType(dialect, c)) != null) {
                first = c;
            }
        }
        if (first != null) {
            String type = landedType(dialect, first);
            throw SequorException.failed(pos, "Value " + shown(first.nulInJsonText) + " in row " + first.nulInJsonRow
                    + " for table '" + table + "' does not fit column '" + first.name + "' of type "
                    + type.toLowerCase(java.util.Locale.ROOT) + " (" + dialect.refusesNulInJson(type) + ").");
        }
    }

    /** A value in a message: short, on one line. */
    private static String shown(Object value) {
        String text = value == null ? "null" : value instanceof String s ? "'" + s + "'" : ValueText.of(value);
        text = text.replace("\n", "\\n").replace("\r", "\\r");
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** Names of the columns known so far, in their staged position order. */
    synchronized List<String> names() {
        return byIndex.stream().map(c -> c.name).toList();
    }

    /** Whether a record taken so far had the field {@code name}. */
    synchronized boolean seen(String name) {
        return columns.containsKey(name);
    }

    /** Whether any record has been taken (a table without records has no inferred shape). */
    synchronized boolean isEmpty() {
        return byIndex.isEmpty();
    }

    /** The columns as the commit lands them: an existing column keeps its type unless it widened. */
    synchronized List<ColumnDef> columns(Dialect dialect) {
        List<ColumnDef> out = new ArrayList<>();
        for (Column c : byIndex) {
            out.add(new ColumnDef(c.name, ColumnType.parse(landedType(dialect, c))));
        }
        return out;
    }

    /** {@link #columns}, as column name to type text, in order. */
    synchronized Map<String, String> columnTypes(Dialect dialect) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Column c : byIndex) {
            out.put(c.name, landedType(dialect, c));
        }
        return out;
    }

    private static String landedType(Dialect dialect, Column c) {
        return c.existingType != null && !c.widensExisting() ? c.existingType : dialect.inferredType(c.kind);
    }

    /**
     * The statements that give a table built for the records ({@link InPlaceLoads}, DuckDB's batches) every column
     * known now at the type {@link #columns} gives it, where {@code built} (column name to type text; updated here)
     * says what the table has: a column added, or widened when the records widened it since. Unlike
     * {@link #evolveStatements}, an existing table's column is added too when the records first bring it now.
     */
    synchronized List<String> catchUpStatements(Dialect dialect, String table, Map<String, String> built) {
        List<String> out = new ArrayList<>();
        for (Column c : byIndex) {
            String type = landedType(dialect, c);
            String before = built.put(c.name, type);
            if (before == null) {
                out.add("ALTER TABLE " + table + " ADD COLUMN " + dialect.quote(c.name) + " " + type);
            } else if (!type.equals(before)) {
                out.addAll(dialect.widenColumn(table, c.name, type));
            }
        }
        return out;
    }

    /** The statements that make the kept table hold the records: new columns, and wider types where evolve widened. */
    List<String> evolveStatements(Dialect dialect, String target) {
        return evolveStatements(dialect, target, new HashMap<>());
    }

    /**
     * {@link #evolveStatements(Dialect, String)} for a table that already had those of {@code applied} (column name to
     * the type an earlier call gave it; updated here): only what the records brought since, so an op that alters its
     * table as pages come adds a column once, and widens it again only when a later page widens it further.
     */
    synchronized List<String> evolveStatements(Dialect dialect, String target, Map<String, String> applied) {
        List<String> out = new ArrayList<>();
        for (Column c : byIndex) {
            if (c.existingType != null && !c.widensExisting()) {
                continue;
            }
            String type = dialect.inferredType(c.kind);
            String before = applied.put(c.name, type);
            if (c.existingType == null && before == null) {
                out.add("ALTER TABLE " + target + " ADD COLUMN " + dialect.quote(c.name) + " " + type);
            } else if (!type.equals(before)) {
                out.addAll(dialect.widenColumn(target, c.name, type));
            }
        }
        return out;
    }

    /** Whether the records land in a table that exists and is kept (its columns lent to the inference). */
    boolean keepsTable() {
        return !existing.isEmpty();
    }
}
