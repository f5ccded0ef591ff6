package dev.sequor.ops;

import dev.sequor.db.MergeStrategy;
import dev.sequor.db.SchemaEvolution;
import dev.sequor.db.WriteMode;
import dev.sequor.db.WriteSpec;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.run.Texts;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the values of {@code write_mode}, {@code primary_key} and {@code merge_strategy}, once evaluated, into a
 * {@link WriteSpec}, with the rules and texts the parser applies to literal ones ({@code flow.parse.WriteKeysParser}):
 * computed values, and the tables a response parser returns, meet them here.
 */
final class WriteSpecs {

    private WriteSpecs() {
    }

    /** {@code what} names the write in messages, e.g. {@code table 'users'}. */
    static WriteSpec from(Object mode, Object primaryKey, Object strategy, String what, SourcePos pos) {
        WriteMode m = mode(mode, pos);
        if (m != WriteMode.MERGE) {
            if (primaryKey != null) {
                throw SequorException.failed(pos, "'primary_key' of " + what + " is used only by write_mode merge, and"
                        + " the write_mode is " + m.key() + "; add write_mode: merge or remove primary_key.");
            }
            if (strategy != null) {
                throw SequorException.failed(pos, "'merge_strategy' of " + what + " is used only by write_mode merge,"
                        + " and the write_mode is " + m.key() + "; add write_mode: merge or remove merge_strategy.");
            }
            return WriteSpec.of(m);
        }
        if (primaryKey == null) {
            throw SequorException.failed(pos, "write_mode merge of " + what + " needs 'primary_key': the column or"
                    + " columns that identify a row, e.g. primary_key: [id].");
        }
        return WriteSpec.merge(key(primaryKey, what, pos), strategy(strategy, pos));
    }

    /**
     * {@code write} with the evaluated {@code schema_evolution} (evolve when null). It applies only to inferred
     * columns: declared columns are written exactly, so a value with them is refused rather than ignored.
     */
    static WriteSpec withEvolution(WriteSpec write, Object evolution, boolean inferred, String what, SourcePos pos) {
        if (evolution == null) {
            return write;
        }
        if (!inferred) {
            throw SequorException.failed(pos, "'schema_evolution' of " + what + " applies only to columns inferred from"
                    + " the records, and " + what + " declares its columns; remove schema_evolution, or remove the"
                    + " columns to infer them.");
        }
        for (SchemaEvolution e : SchemaEvolution.values()) {
            if (e.key().equals(evolution)) {
                return write.withEvolution(e);
            }
        }
        throw SequorException.failed(pos, "Unknown schema_evolution: " + Texts.str(evolution) + " (expected evolve,"
                + " freeze or discard).");
    }

    private static WriteMode mode(Object v, SourcePos pos) {
        if (v == null) {
            return WriteMode.CREATE;
        }
        for (WriteMode m : WriteMode.values()) {
            if (m.key().equals(v)) {
                return m;
            }
        }
        throw SequorException.failed(pos, "Unknown write mode: " + Texts.str(v) + " (expected create, append, replace"
                + " or merge).");
    }

    private static MergeStrategy strategy(Object v, SourcePos pos) {
        if (v == null) {
            return MergeStrategy.UPSERT;
        }
        for (MergeStrategy s : MergeStrategy.values()) {
            if (s.key().equals(v)) {
                return s;
            }
        }
        throw SequorException.failed(pos, "Unknown merge_strategy: " + Texts.str(v) + " (expected upsert or"
                + " delete_insert).");
    }

    private static List<String> key(Object v, String what, SourcePos pos) {
        List<String> out = new ArrayList<>();
        if (v instanceof String name) {
            out.add(name);
        } else if (v instanceof List<?> names) {
            for (Object n : names) {
                if (!(n instanceof String name)) {
                    throw SequorException.failed(pos, "Each column of 'primary_key' of " + what + " must be a column"
                            + " name, not " + Texts.typeName(n) + " " + Texts.shortRepr(n) + ".");
                }
                out.add(name);
            }
        } else {
            throw SequorException.failed(pos, "'primary_key' of " + what + " must be a column name or a list of column"
                    + " names, e.g. [id], not " + Texts.typeName(v) + " " + Texts.shortRepr(v) + ".");
        }
        if (out.isEmpty() || out.stream().anyMatch(String::isBlank)) {
            throw SequorException.failed(pos, "'primary_key' of " + what + " must name at least one column, and no"
                    + " empty one: " + Texts.shortRepr(v) + ".");
        }
        if (out.stream().distinct().count() < out.size()) {
            throw SequorException.failed(pos, "'primary_key' of " + what + " names a column twice: "
                    + Texts.shortRepr(v) + ".");
        }
        return out;
    }
}
