package dev.sequor.flow.parse;

import dev.sequor.db.MergeStrategy;
import dev.sequor.db.WriteMode;
import dev.sequor.flow.DidYouMean;
import dev.sequor.flow.Dyn;
import dev.sequor.flow.KeyReader;
import dev.sequor.flow.LiteralRule;
import dev.sequor.flow.Literals;
import dev.sequor.flow.op.WriteKeys;
import java.util.List;

/**
 * Reads {@code write_mode}, {@code primary_key} and {@code merge_strategy} of a table write (a {@code response.tables}
 * entry, a {@code transform}) and checks now what is written literally, with the texts the op uses when it runs
 * ({@code ops.WriteSpecs}): a merge needs a key, the key names declared columns, and the other modes take neither a
 * key nor a strategy.
 */
public final class WriteKeysParser {

    static final LiteralRule WRITE_MODE = LiteralRule.oneOf(LiteralRule.lowerCaseNames(WriteMode.values()));
    static final LiteralRule SCHEMA_EVOLUTION_RULE = LiteralRule.oneOf(
            LiteralRule.lowerCaseNames(dev.sequor.db.SchemaEvolution.values()));
    static final LiteralRule MERGE_STRATEGY = LiteralRule.oneOf(LiteralRule.lowerCaseNames(MergeStrategy.values()));

    private WriteKeysParser() {
    }

    /**
     * The write keys of the table definition {@code r} reads; {@code declared} are its column names when they are all
     * written literally (null when some are computed or, for a transform, come from the query).
     */
    static WriteKeys read(KeyReader r, List<String> declared) {
        Dyn mode = r.checked("write_mode", WRITE_MODE);
        Dyn key = r.dyn("primary_key");
        Dyn strategy = r.checked("merge_strategy", MERGE_STRATEGY);
        String literalMode = mode == null ? "create" : mode instanceof Dyn.Const c
                && (c.value() == null || WRITE_MODE.problem(c.value()) == null)
                ? (c.value() == null ? "create" : (String) c.value()) : null;
        if ("merge".equals(literalMode)) {
            if (!given(key)) {
                r.diagnostics().invalidValue(mode.pos(), "write_mode merge in " + r.where() + " needs 'primary_key': the"
                        + " column or columns that identify a row, e.g. primary_key: [id].");
            }
        } else if (literalMode != null) {
            if (given(key)) {
                r.diagnostics().invalidValue(key.pos(), "'primary_key' in " + r.where() + " is used only by write_mode"
                        + " merge, and the write_mode is " + literalMode + "; add write_mode: merge or remove"
                        + " primary_key.");
            }
            if (given(strategy)) {
                r.diagnostics().invalidValue(strategy.pos(), "'merge_strategy' in " + r.where() + " is used only by"
                        + " write_mode merge, and the write_mode is " + literalMode + "; add write_mode: merge or"
                        + " remove merge_strategy.");
            }
        }
        checkKey(key, declared, r);
        return new WriteKeys(mode, key, strategy);
    }

    /** Written with a value: an empty value is no value when the op runs, so it is none here either. */
    private static boolean given(Dyn d) {
        return d != null && !(d instanceof Dyn.Const c && c.value() == null);
    }

    /** A literal key is a column name or a non-empty list of them, each a declared column when those are known. */
    private static void checkKey(Dyn key, List<String> declared, KeyReader r) {
        switch (key) {
            case Dyn.Const c when c.value() instanceof String name -> checkName(name, c, declared, r);
            case Dyn.Const c when c.value() != null -> r.diagnostics().invalidValue(c.pos(), "'primary_key' in "
                    + r.where() + " must be " + EXPECTED + ", not " + Literals.shown(c.value()) + ".");
            case Dyn.DList l -> {
                if (l.items().isEmpty()) {
                    r.diagnostics().invalidValue(l.pos(), "'primary_key' in " + r.where() + " names no column; it must"
                            + " be " + EXPECTED + ".");
                }
                for (Dyn item : l.items()) {
                    if (item instanceof Dyn.Const c && c.value() instanceof String name) {
                        checkName(name, c, declared, r);
                    } else if (item instanceof Dyn.Const c) {
                        r.diagnostics().invalidValue(item.pos(), "Each column of 'primary_key' in " + r.where()
                                + " must be a column name, not " + Literals.shown(c.value()) + ".");
                    } else if (item instanceof Dyn.DMap || item instanceof Dyn.DList) {
                        r.diagnostics().invalidValue(item.pos(), "Each column of 'primary_key' in " + r.where()
                                + " must be a column name, not " + (item instanceof Dyn.DMap ? "a mapping" : "a list")
                                + ".");
                    }
                }
            }
            case Dyn.DMap m -> r.diagnostics().invalidValue(m.pos(), "'primary_key' in " + r.where() + " must be "
                    + EXPECTED + ", not a mapping.");
            case null, default -> { }
        }
    }

    private static void checkName(String name, Dyn at, List<String> declared, KeyReader r) {
        if (name.isBlank()) {
            r.diagnostics().invalidValue(at.pos(), "'primary_key' in " + r.where() + " names an empty column; it must"
                    + " be " + EXPECTED + ".");
        } else if (declared != null && !declared.contains(name)) {
            r.diagnostics().invalidValue(at.pos(), "primary_key column '" + name + "' in " + r.where() + " is not a"
                    + " declared column" + DidYouMean.hint(name, declared) + "; declared: " + String.join(", ", declared)
                    + ".");
        }
    }

    static final String EXPECTED = "a column name or a list of column names, e.g. [id]";
}
