package dev.sequor.flow.parse;

import dev.sequor.db.ColumnType;
import dev.sequor.flow.Dyn;
import dev.sequor.flow.KeyReader;
import dev.sequor.flow.Literals;
import java.util.Map;

/**
 * Checks the {@code columns} (or {@code model: {columns}}) of a table definition as far as they are written literally,
 * by the rules the table write applies when the op runs ({@code ops.ColumnSpecs}, {@link ColumnType}): a mapping of
 * column names to types, or a list of {@code {name, type}}; a type is SQL text, or {@code {name, precision, scale}},
 * or empty for text. Parts written as templates or snippets are checked when the op runs.
 */
final class ColumnLiterals {

    static final String EXPECTED = "a mapping of column names to types (e.g. {id: integer, name: text})"
            + " or a list of {name, type}";

    private ColumnLiterals() {
    }

    /** Checks {@code columns}, the value of key {@code key} of the table definition read by {@code r}. */
    static void check(Dyn columns, String key, KeyReader r) {
        switch (columns) {
            case null -> { }
            case Dyn.Const c -> error(r, c, "'" + key + "' in " + r.where() + " must be " + EXPECTED + ", not "
                    + Literals.shown(c.value()) + ".");
            case Dyn.DMap m -> {
                if (m.entries().isEmpty()) {
                    error(r, m, "'" + key + "' in " + r.where() + " declares no column; declare at least one.");
                }
                m.entries().forEach((name, type) -> type(name, type, r));
            }
            case Dyn.DList l -> {
                if (l.items().isEmpty()) {
                    error(r, l, "'" + key + "' in " + r.where() + " declares no column; declare at least one.");
                }
                for (Dyn item : l.items()) {
                    listItem(item, key, r);
                }
            }
            default -> { }
        }
    }

    /** Checks {@code model}: a mapping holding {@code columns}. */
    static void checkModel(Dyn model, KeyReader r) {
        switch (model) {
            case Dyn.Const c -> error(r, c, "'model' in " + r.where() + " must be a mapping with 'columns', not "
                    + Literals.shown(c.value()) + ".");
            case Dyn.DMap m -> {
                Dyn columns = m.entries().get("columns");
                if (columns == null || columns instanceof Dyn.Const c && c.value() == null) {
                    error(r, m, "'model' in " + r.where() + " must be a mapping with 'columns', not a mapping without"
                            + " it.");
                } else {
                    check(columns, "model.columns", r);
                }
            }
            case null, default -> { }
        }
    }

    /**
     * The declared column names, in order, when every one is written literally ({@code columns}, or else
     * {@code model.columns}); null when any is computed or the columns are malformed (reported by {@link #check}).
     */
    static java.util.List<String> literalNames(Dyn columns, Dyn model) {
        Dyn spec = columns;
        if ((spec == null || spec instanceof Dyn.Const c && c.value() == null) && model instanceof Dyn.DMap m) {
            spec = m.entries().get("columns");
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        if (spec instanceof Dyn.DMap m) {
            names.addAll(m.entries().keySet());
        } else if (spec instanceof Dyn.DList l) {
            for (Dyn item : l.items()) {
                if (!(item instanceof Dyn.DMap m) || !(m.entries().get("name") instanceof Dyn.Const c)
                        || c.value() == null) {
                    return null;
                }
                names.add(Literals.text(c.value()));
            }
        } else {
            return null;
        }
        return names.isEmpty() ? null : names;
    }

    private static void listItem(Dyn item, String key, KeyReader r) {
        if (item instanceof Dyn.DMap m) {
            Dyn name = m.entries().get("name");
            if (name == null || name instanceof Dyn.Const c && c.value() == null) {
                error(r, m, "Each column of '" + key + "' in " + r.where() + " must be a mapping with 'name' and"
                        + " 'type'; this one has no 'name'.");
            } else if (name instanceof Dyn.Const c) {
                Dyn type = m.entries().get("type");
                type(Literals.text(c.value()), type == null ? new Dyn.Const(null, m.pos()) : type, r);
            }
        } else if (item instanceof Dyn.Const c) {
            error(r, c, "Each column of '" + key + "' in " + r.where() + " must be a mapping with 'name' and 'type',"
                    + " not " + Literals.shown(c.value()) + ".");
        }
    }

    /** Checks one column's type when it is written literally. */
    private static void type(String column, Dyn type, KeyReader r) {
        String text;
        if (type instanceof Dyn.Const c) {
            if (c.value() == null) {
                return; // text, as when the op runs
            }
            text = Literals.text(c.value());
        } else if (type instanceof Dyn.DMap m) {
            text = composite(column, m, r);
            if (text == null) {
                return;
            }
        } else {
            return;
        }
        try {
            ColumnType.parse(text);
        } catch (IllegalArgumentException e) {
            error(r, type, "Column '" + column + "' in " + r.where() + ": " + e.getMessage() + ".");
        }
    }

    /** {@code {name, precision, scale}} as the type text the op writes, or null when a part is computed or absent. */
    private static String composite(String column, Dyn.DMap m, KeyReader r) {
        Map<String, Dyn> e = m.entries();
        if (!(e.get("name") instanceof Dyn.Const name) || name.value() == null) {
            if (e.get("name") == null || e.get("name") instanceof Dyn.Const) {
                error(r, m, "The type of column '" + column + "' in " + r.where() + " is a mapping without 'name';"
                        + " write {name: numeric, precision: 10, scale: 2}.");
            }
            return null;
        }
        Dyn precision = e.get("precision");
        Dyn scale = e.get("scale");
        if (precision == null || precision instanceof Dyn.Const p && p.value() == null) {
            return Literals.text(name.value());
        }
        if (!(precision instanceof Dyn.Const p) || scale != null && !(scale instanceof Dyn.Const)) {
            return null;
        }
        Object s = scale == null ? null : ((Dyn.Const) scale).value();
        return name.value() + "(" + Literals.text(p.value()) + (s == null ? "" : "," + Literals.text(s)) + ")";
    }

    private static void error(KeyReader r, Dyn at, String message) {
        r.diagnostics().invalidValue(at.pos(), message);
    }
}
