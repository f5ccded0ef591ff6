package dev.sequor.flow;

import dev.sequor.error.SourcePos;
import dev.sequor.expr.ResponsePath;
import dev.sequor.flow.spec.KeySpec;
import dev.sequor.flow.spec.SectionSpec;
import dev.sequor.yaml.YNode;
import dev.sequor.yaml.YNode.YList;
import dev.sequor.yaml.YNode.YMap;
import dev.sequor.yaml.YNode.YScalar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the keys of one YAML mapping (an op or one of its sections) for the parser: each value as a
 * {@link Dyn} with upstream's {@code K}/{@code K_expression} rules, literal values checked against a
 * {@link LiteralRule}, problems recorded in {@link Diagnostics} with positions, and, at {@link #finish()}, every key
 * its {@link SectionSpec} does not declare reported with a did-you-mean hint among the declared ones (or as the
 * misspelling of a missing required key).
 * <p>
 * The spec is the one list of the section's keys: asking for a key it lacks is a parser bug, caught by an assertion
 * (tests run with assertions on, and parse every golden flow and example), so the schema and the key reference,
 * written from the same spec, cannot miss a key the parser reads.
 */
public final class KeyReader {

    public static final String EXPR = KeySpec.EXPR;

    private final YMap map;
    private final String where;
    private final Diagnostics diag;
    private final SectionSpec spec;
    private final Set<String> asked = new LinkedHashSet<>();
    /** Required keys reported missing, by spelling, with the error that said so. */
    private final Map<String, Diagnostics.Problem> missing = new HashMap<>();
    /** Keys whose absence makes a close misspelling an error ({@link #expect}). */
    private final Set<String> expected = new HashSet<>();

    /**
     * {@code where} names the place in messages, e.g. {@code http_request "get_customers" request}; {@code spec}
     * declares the keys the mapping may have.
     */
    public KeyReader(YMap map, String where, Diagnostics diag, SectionSpec spec) {
        this.map = map;
        this.where = where;
        this.diag = diag;
        this.spec = spec;
    }

    public SectionSpec spec() {
        return spec;
    }

    /**
     * A reader of {@code nested}, the mapping written under {@code key} (or one entry of the list there), with the
     * keys the spec declares for it; {@code nestedWhere} names it in messages.
     */
    public KeyReader nested(String key, YMap nested, String nestedWhere) {
        ask(key);
        KeySpec k = spec.key(key);
        SectionSpec section = k.section() != null ? k.section() : k.items();
        return new KeyReader(nested, nestedWhere, diag, section);
    }

    /** Notes that the parser reads {@code key}, which its spec must declare. */
    private void ask(String key) {
        assert spec.allSpellings().contains(key) : "the parser reads '" + key + "' in " + where
                + ", which the spec '" + spec.title() + "' does not declare";
        asked.add(key);
    }

    public YMap map() {
        return map;
    }

    public SourcePos pos() {
        return map.pos();
    }

    public String where() {
        return where;
    }

    public Diagnostics diagnostics() {
        return diag;
    }

    public boolean has(String key) {
        ask(key);
        return map.entries().containsKey(key);
    }

    public boolean hasEither(String key) {
        return has(key) | has(key + EXPR);
    }

    /** The raw node of a key, or null. */
    public YNode node(String key) {
        ask(key);
        return map.get(key);
    }

    public SourcePos keyPos(String key) {
        return map.keyPos(key);
    }

    /** {@code key} or {@code key_expression} as a Dyn; null when neither is written. */
    public Dyn dyn(String key) {
        YNode plain = node(key);
        YNode expr = node(key + EXPR);
        if (expr != null && plain != null && isTruthy(plain)) {
            diag.error(keyPos(key + EXPR), "Both " + key + " and " + key + EXPR
                    + " are specified in the definition. Only one of them can be specified.");
            return null;
        }
        if (expr != null) {
            return python(key + EXPR, expr);
        }
        return plain == null ? null : Dyns.of(plain, diag);
    }

    /**
     * A count such as {@code max_iterations}: when written as a literal it must be a positive integer, reported
     * now; a template or snippet is checked when the op runs ({@link Counts}).
     */
    public Dyn countDyn(String key) {
        return emptyAsAbsent(checked(key, LiteralRule.POSITIVE_INTEGER));
    }

    /** {@code parallel}: as {@link #countDyn}, at most {@link Counts#MAX_PARALLEL}. */
    public Dyn parallelDyn(String key) {
        return emptyAsAbsent(checked(key, LiteralRule.PARALLEL));
    }

    /** A count written empty ({@code max_pages: ~}) means its default, as if it were not written. */
    private static Dyn emptyAsAbsent(Dyn d) {
        return d instanceof Dyn.Const c && c.value() == null ? null : d;
    }

    /**
     * {@code key} or {@code key_expression} as a Dyn, its value checked against {@code rule} now when it is written
     * literally (a template or snippet is checked when the op runs).
     */
    public Dyn checked(String key, LiteralRule rule) {
        Dyn d = dyn(key);
        check(d, key, rule);
        return d;
    }

    /** Reports {@code d} when it is a literal that {@code rule} refuses. */
    public void check(Dyn d, String key, LiteralRule rule) {
        // a list or mapping written out is known now too, whatever its items are
        Object literal = switch (d) {
            case Dyn.Const c -> c.value();
            case Dyn.DList l -> List.of();
            case Dyn.DMap m -> Map.of();
            case null, default -> NOT_LITERAL;
        };
        if (literal != NOT_LITERAL) {
            String problem = rule.problem(literal);
            if (problem != null) {
                diag.invalidValue(d.pos(), "'" + key + "' in " + where + " " + problem + ".");
            }
        }
    }

    private static final Object NOT_LITERAL = new Object();

    /** Like {@link #dyn} but an error when neither spelling is written. */
    public Dyn requiredDyn(String key) {
        Dyn d = dyn(key);
        if (d == null && !has(key) && !has(key + EXPR)) {
            missing(key + " or " + key + EXPR + " must be specified in " + where + ".", key, key + EXPR);
        }
        return d;
    }

    /**
     * Reports that a required key is absent, {@code keys} being its spellings. When {@link #finish} finds an unknown
     * key that is a close misspelling of one of them, that one error replaces this one.
     */
    public void missing(String message, String... keys) {
        Diagnostics.Problem p = diag.error(map.pos(), message);
        for (String k : keys) {
            ask(k);
            missing.put(k, p);
        }
    }

    /**
     * Marks keys that are not required but whose absence is suspicious, such as the {@code steps} of a loop: an
     * unknown key close to one of them is an error ("misspelled?"), not a warning, since the op would silently do
     * nothing.
     */
    public void expect(String... keys) {
        for (String k : keys) {
            ask(k);
            expected.add(k);
        }
    }

    /** A literal boolean key ({@code true}/{@code false}), or {@code dflt} when absent. Reports a wrong type. */
    public boolean bool(String key, boolean dflt) {
        ask(key);
        YNode n = map.get(key);
        if (n == null) {
            return dflt;
        }
        if (n instanceof YScalar s && s.value() instanceof Boolean b) {
            return b;
        }
        diag.error(n.pos(), "'" + key + "' in " + where + " must be true or false, not " + n.kindName() + ".");
        return dflt;
    }

    /** A Python snippet given as the value of {@code exprKey}; must be a string. */
    public Dyn python(String exprKey, YNode value) {
        if (value instanceof YScalar s && s.value() instanceof String code) {
            return new Dyn.Python(code, exprKey, keyPos(exprKey));
        }
        diag.error(value.pos(), "Parameter '" + exprKey + "' must be a string of Python code. Type '"
                + value.kindName() + "' provided.");
        return null;
    }

    /**
     * {@code key} (a name ending in {@code _path}) as a JMESPath over the response body, compiled now; null when it is
     * not written. A value that is not a string, or not a valid path, is reported here.
     */
    public Dyn.Path path(String key) {
        YNode n = node(key);
        return n == null ? null : path(key, n, diag, where);
    }

    /** {@code value}, written under {@code key} in {@code where}, compiled as a path; null (reported) when it is not one. */
    public static Dyn.Path path(String key, YNode value, Diagnostics diag, String where) {
        return path(key, value, diag, where, "");
    }

    /** As {@link #path(String, YNode, Diagnostics, String)}, {@code hint} ("; ...") ending the sentence of an error. */
    public static Dyn.Path path(String key, YNode value, Diagnostics diag, String where, String hint) {
        if (!(value instanceof YScalar s) || !(s.value() instanceof String text)) {
            diag.invalidValue(value.pos(), "'" + key + "' in " + where + " must be a JMESPath expression string such as"
                    + " data or meta.next_cursor, not " + value.kindName() + hint + ".");
            return null;
        }
        try {
            return new Dyn.Path(ResponsePath.compile(text), key, value.pos());
        } catch (IllegalArgumentException e) {
            diag.invalidValue(value.pos(), "'" + key + "' in " + where + " is not a valid JMESPath expression: "
                    + e.getMessage() + hint + ".");
            return null;
        }
    }

    /** A literal string key (never templated), or null. Reports a wrong type. */
    public String string(String key) {
        YNode n = node(key);
        if (n == null) {
            return null;
        }
        if (n instanceof YScalar s && s.value() != null && !(s.value() instanceof String)) {
            return String.valueOf(s.value());
        }
        if (n instanceof YScalar s) {
            return (String) s.value();
        }
        diag.error(n.pos(), "'" + key + "' in " + where + " must be a string, not " + n.kindName() + ".");
        return null;
    }

    public String requiredString(String key) {
        String s = string(key);
        if (s == null && map.get(key) == null) {
            missing("'" + key + "' is required in " + where + ".", key);
        }
        return s;
    }

    /** A nested mapping, or null; an error when the key holds something else. */
    public YMap mapping(String key) {
        YNode n = node(key);
        if (n == null || (n instanceof YScalar s && s.value() == null)) {
            return null;
        }
        if (n instanceof YMap m) {
            return m;
        }
        diag.error(n.pos(), "'" + key + "' in " + where + " must be a mapping, not " + n.kindName() + ".");
        return null;
    }

    /** A list, or null; an error when the key holds something else. */
    public YList list(String key) {
        YNode n = node(key);
        if (n == null || (n instanceof YScalar s && s.value() == null)) {
            return null;
        }
        if (n instanceof YList l) {
            return l;
        }
        diag.error(n.pos(), "'" + key + "' in " + where + " must be a list, not " + n.kindName() + ".");
        return null;
    }

    /**
     * Reports keys the spec does not declare: warnings, with the closest declared key as a hint (upstream ignores
     * unknown keys, so flows written for it keep running). An unknown key that is a close misspelling of a required
     * or expected key that is absent is one error instead: the op cannot do what was meant.
     */
    public void finish() {
        List<String> known = spec.spellings(variant());
        assert known.containsAll(asked) : "the parser read " + asked + " in " + where + ", more than the spec '"
                + spec.title() + "' declares for it: " + known;
        for (String key : map.entries().keySet()) {
            if (known.contains(key)) {
                continue;
            }
            String closest = DidYouMean.closest(key, known);
            boolean absent = closest != null && !map.entries().containsKey(closest);
            if (absent && (missing.containsKey(closest) || expected.contains(closest))) {
                Diagnostics.Problem misspelt = new Diagnostics.Problem(Diagnostics.Severity.ERROR, keyPos(key),
                        "Missing '" + closest + "' in " + where + " (found '" + key + "' \u2014 misspelled?).");
                Diagnostics.Problem replaced = missing.get(closest);
                diag.replace(replaced, misspelt);
                missing.values().removeIf(p -> p == replaced);
                expected.remove(closest);
            } else {
                diag.warning(keyPos(key), "Unknown key '" + key + "' in " + where + " is ignored"
                        + DidYouMean.hint(key, known) + ".");
            }
        }
    }

    /** Marks keys as read without reading them (keys another layer reads, such as comments fields). */
    public void accept(String... keys) {
        for (String k : keys) {
            ask(k);
        }
    }

    /** The value of the spec's discriminator as written (e.g. pagination's {@code type}), or null. */
    private String variant() {
        if (spec.discriminator() != null && map.get(spec.discriminator()) instanceof YScalar s
                && s.value() instanceof String v) {
            return v;
        }
        return null;
    }

    static boolean isTruthy(YNode n) {
        if (n instanceof YScalar s) {
            Object v = s.value();
            return v != null && !Boolean.FALSE.equals(v) && !"".equals(v)
                    && !(v instanceof Number num && num.doubleValue() == 0);
        }
        if (n instanceof YMap m) {
            return !m.entries().isEmpty();
        }
        return !((YList) n).items().isEmpty();
    }

    /** The entries of a mapping in order, each with a reader of its own when it is itself a mapping. */
    public static LinkedHashMap<String, YNode> entries(YMap m) {
        return m.entries();
    }
}
