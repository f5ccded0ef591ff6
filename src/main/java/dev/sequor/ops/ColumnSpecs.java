package dev.sequor.ops;

import dev.sequor.db.ColumnDef;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.run.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Column specifications of a target table, in upstream's two forms: compact {@code {name: type}} (order kept)
 * or a list of {@code {name, type}}; a type is SQL text or {@code {name, precision, scale}}, and unlike upstream
 * precision and scale are kept ({@code {name: numeric, precision: 10, scale: 2}} is {@code numeric(10,2)}). Every
 * type is checked by {@link ColumnDef#of}, since columns may come from API data.
 */
public final class ColumnSpecs {

    private ColumnSpecs() {
    }

    /** From {@code columns} or {@code model: {columns: ...}} (exactly one of them non-null). */
    public static List<ColumnDef> from(Object columns, Object model, String table, SourcePos pos) {
        Object spec = columns;
        if (spec == null && model != null) {
            if (!(model instanceof Map<?, ?> m) || m.get("columns") == null) {
                throw SequorException.failed(pos, "'model' of table '" + table + "' must be a mapping with 'columns'.");
            }
            spec = m.get("columns");
        }
        List<ColumnDef> out = new ArrayList<>();
        if (spec instanceof Map<?, ?> compact) {
            compact.forEach((name, type) -> out.add(ColumnDef.of(String.valueOf(name), type(type, table, pos), table, pos)));
        } else if (spec instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> c) || c.get("name") == null) {
                    throw SequorException.failed(pos, "Each column of table '" + table
                            + "' must be a mapping with 'name' and 'type', not " + Texts.shortRepr(item) + ".");
                }
                out.add(ColumnDef.of(String.valueOf(c.get("name")), type(c.get("type"), table, pos), table, pos));
            }
        } else {
            throw SequorException.failed(pos, "'columns' of table '" + table + "' must be a mapping of column names to"
                    + " types or a list of {name, type}, not " + Texts.typeName(spec) + ".");
        }
        if (out.isEmpty()) {
            throw SequorException.failed(pos, "Table '" + table + "' has no columns; declare at least one.");
        }
        return out;
    }

    private static String type(Object type, String table, SourcePos pos) {
        if (type == null) {
            return "text";
        }
        if (type instanceof Map<?, ?> t) {
            Object name = t.get("name");
            if (name == null) {
                throw SequorException.failed(pos, "A column type of table '" + table + "' written as a mapping needs 'name'.");
            }
            Object precision = t.get("precision");
            Object scale = t.get("scale");
            if (precision == null) {
                return String.valueOf(name);
            }
            return name + "(" + Texts.str(precision) + (scale == null ? "" : "," + Texts.str(scale)) + ")";
        }
        return Texts.str(type);
    }
}
