package dev.sequor.run;

import dev.sequor.error.SequorException;
import dev.sequor.expr.ExprScope;
import dev.sequor.expr.jinja.CompiledTemplate;
import dev.sequor.expr.jinja.JinjaMarkup;
import dev.sequor.expr.jinja.Templates;
import dev.sequor.expr.jinja.VarTemplate;
import dev.sequor.expr.python.Snippet;
import dev.sequor.expr.python.SnippetEngine;
import dev.sequor.flow.Dyn;
import dev.sequor.project.Project;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Computes {@link Dyn} values: renders templates (each parsed once) and calls Python snippets (each compiled
 * once, on the engine {@link SnippetEngine} chooses), attaching the value's position to any error. One per run.
 */
public final class Evaluator {

    private final Map<Dyn.Template, CompiledTemplate> templates = new ConcurrentHashMap<>();
    /** Each template's {@link VarTemplate}, when it is one: those render without Jinjava. */
    private final Map<Dyn.Template, Optional<VarTemplate>> varTemplates = new ConcurrentHashMap<>();
    private final Map<SnippetKey, Snippet> snippets = new ConcurrentHashMap<>();
    private final Consumer<String> engineLog;
    /** How long one evaluation of a snippet or one render of a template may take. */
    private final Duration timeLimit;

    /** An evaluator that does not say which engine runs each snippet (for validation, which runs none). */
    public Evaluator() {
        this(line -> { }, Project.DEFAULT_EVALUATION_TIMEOUT);
    }

    /**
     * {@code engineLog} gets one line per snippet when it is prepared: which engine runs it, and why GraalPy;
     * each evaluation of a snippet, and each render of a template, may take at most {@code timeLimit}.
     */
    public Evaluator(Consumer<String> engineLog, Duration timeLimit) {
        this.engineLog = engineLog;
        this.timeLimit = timeLimit;
    }

    public Object eval(Dyn d, ExprScope scope) {
        if (d == null) {
            return null;
        }
        try {
            return switch (d) {
                case Dyn.Const c -> c.value();
                case Dyn.Template t -> render(t, scope);
                case Dyn.Python p -> python(p, scope);
                case Dyn.Path p -> path(p, scope);
                case Dyn.DMap m -> {
                    LinkedHashMap<String, Object> out = new LinkedHashMap<>();
                    m.entries().forEach((k, v) -> out.put(k, eval(v, scope)));
                    yield out;
                }
                case Dyn.DList l -> {
                    List<Object> out = new ArrayList<>(l.items().size());
                    l.items().forEach(v -> out.add(eval(v, scope)));
                    yield out;
                }
            };
        } catch (SequorException e) {
            throw e.at(d.pos());
        }
    }

    /** The value as text (numbers and booleans as written); null stays null. */
    public String string(Dyn d, ExprScope scope) {
        Object v = eval(d, scope);
        return v == null ? null : Texts.str(v);
    }

    /**
     * Parses a template now (for validation); errors are invalid input at the template's position. Text with only
     * {@code var('...')} expressions is valid as it is and starts no Jinjava.
     */
    public void compile(Dyn.Template t) {
        if (varTemplate(t).isEmpty()) {
            jinja(t);
        }
    }

    /** Compiles a snippet now (for validation); needs GraalPy only for a snippet outside the Java subset. */
    public void compile(Dyn.Python p) {
        if (!JinjaMarkup.isTemplate(p.code())) {
            SnippetEngine.shared().checkSyntax(snippet(p.code(), p));
        }
    }

    /**
     * What {@code d} gives as text when evaluating it only reads values (a constant string, or a template of
     * {@code var()} reads only), else null; also null where evaluating it would fail. A guess made ahead of time
     * (which source an op's table will name): it has no side effect and reports nothing.
     */
    public String stringIfOnlyReads(Dyn d, ExprScope scope) {
        try {
            return switch (d) {
                case Dyn.Const c when c.value() instanceof String text -> text;
                case Dyn.Template t -> varTemplate(t).map(plain -> plain.render(scope)).orElse(null);
                default -> null;
            };
        } catch (SequorException e) {
            return null;
        }
    }

    private String render(Dyn.Template t, ExprScope scope) {
        Optional<VarTemplate> plain = varTemplate(t);
        if (plain.isPresent()) {
            String text = plain.get().render(scope);
            if (text != null) {
                return text;
            }
        }
        return Templates.shared().render(jinja(t), scope, timeLimit);
    }

    private Optional<VarTemplate> varTemplate(Dyn.Template t) {
        return varTemplates.computeIfAbsent(t, k -> Optional.ofNullable(VarTemplate.parse(k.text(), k.pos())));
    }

    private CompiledTemplate jinja(Dyn.Template t) {
        return templates.computeIfAbsent(t, k -> Templates.shared().compile(k.text(), k.pos()));
    }

    private Object python(Dyn.Python p, ExprScope scope) {
        String code = p.code();
        if (JinjaMarkup.isTemplate(code)) {
            // upstream renders Jinja inside Python code before compiling it; compile each distinct result once
            code = render(new Dyn.Template(code, p.pos()), scope);
        }
        return SnippetEngine.shared().call(snippet(code, p), scope, timeLimit);
    }

    /** What the path selects in the JSON body of the response being handled. */
    private static Object path(Dyn.Path p, ExprScope scope) {
        if (scope.response() == null) {
            throw SequorException.failed(p.pos(), "'" + p.keyName() + "' reads the HTTP response, and there is none here.");
        }
        Object body = scope.response().json();
        try {
            return p.path().select(body);
        } catch (IllegalArgumentException e) {
            throw SequorException.failed(p.pos(), "'" + p.keyName() + "' (" + p.path() + ") could not be evaluated on the"
                    + " response: " + e.getMessage() + ".");
        }
    }

    /** A snippet as written ({@code p}) with the code it runs (Jinja inside the code rendered). */
    private record SnippetKey(Dyn.Python written, String code) {
    }

    private Snippet snippet(String code, Dyn.Python p) {
        return snippets.computeIfAbsent(new SnippetKey(p, code), k -> {
            Snippet prepared = SnippetEngine.shared().prepare(code, p.keyName(), p.pos());
            engineLog.accept(prepared.describeEngine());
            return prepared;
        });
    }
}
