package dev.sequor.flow;

import dev.sequor.error.SourcePos;
import dev.sequor.expr.ResponsePath;
import dev.sequor.expr.jinja.JinjaMarkup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A value in a flow that may be computed when the op runs: a constant, a Jinja template, a Python
 * snippet, a path into the response, or a mapping/list of those. Built once by the parser; evaluated by {@code run.Evaluator}.
 */
public sealed interface Dyn permits Dyn.Const, Dyn.Template, Dyn.Python, Dyn.Path, Dyn.DMap, Dyn.DList {

    SourcePos pos();

    /** True when evaluating needs the Python engine (here or anywhere below). */
    boolean usesPython();

    /** True when the value is written literally all through, so it evaluates the same in any scope at any time. */
    default boolean isConstant() {
        return switch (this) {
            case Const c -> true;
            case DMap m -> m.entries().values().stream().allMatch(Dyn::isConstant);
            case DList l -> l.items().stream().allMatch(Dyn::isConstant);
            case Template t -> false;
            case Python p -> false;
            case Path p -> false;
        };
    }

    /** A value written literally (number, boolean, null, or a string without template syntax). */
    record Const(Object value, SourcePos pos) implements Dyn {
        @Override
        public boolean usesPython() {
            return false;
        }
    }

    /** A string with Jinja syntax; always renders to a string, as upstream. */
    record Template(String text, SourcePos pos) implements Dyn {
        @Override
        public boolean usesPython() {
            return false;
        }
    }

    /**
     * A Python snippet from a {@code K_expression} key; {@code keyName} is that key. The code itself may contain
     * Jinja, which upstream renders before compiling it.
     */
    record Python(String code, String keyName, SourcePos pos) implements Dyn {
        @Override
        public boolean usesPython() {
            return true;
        }
    }

    /**
     * A JMESPath over the JSON body of the response being handled, from a {@code K_path} key ({@code keyName});
     * compiled when the flow is read. Only response keys hold paths.
     */
    record Path(ResponsePath path, String keyName, SourcePos pos) implements Dyn {
        @Override
        public boolean usesPython() {
            return false;
        }
    }

    /** A mapping whose values are computed; keys stay as written. */
    record DMap(LinkedHashMap<String, Dyn> entries, SourcePos pos) implements Dyn {
        @Override
        public boolean usesPython() {
            return entries.values().stream().anyMatch(Dyn::usesPython);
        }
    }

    record DList(List<Dyn> items, SourcePos pos) implements Dyn {
        @Override
        public boolean usesPython() {
            return items.stream().anyMatch(Dyn::usesPython);
        }
    }

    static Dyn constant(Object value, SourcePos pos) {
        return new Const(value, pos);
    }

    /**
     * A scalar from YAML: a template when the string has Jinja syntax, else a constant; a string's constant is what
     * upstream's render of it gives (line breaks as \n, no final newline), as a template's render is.
     */
    static Dyn scalar(Object value, SourcePos pos) {
        if (value instanceof String s) {
            return JinjaMarkup.isTemplate(s) ? new Template(s, pos) : new Const(JinjaMarkup.normalized(s), pos);
        }
        return new Const(value, pos);
    }

    /** Every template and snippet under this value, for up-front checks (validate, pre-compilation). */
    default List<Dyn> leaves() {
        List<Dyn> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(Dyn d, List<Dyn> out) {
        switch (d) {
            case DMap m -> m.entries().values().forEach(v -> collect(v, out));
            case DList l -> l.items().forEach(v -> collect(v, out));
            default -> out.add(d);
        }
    }
}
