package dev.sequor.flow;

import dev.sequor.db.SourceTypes;
import dev.sequor.error.SequorException;
import dev.sequor.expr.jinja.JinjaMarkup;
import dev.sequor.flow.op.ExecuteOp;
import dev.sequor.flow.op.ForEachOp;
import dev.sequor.flow.op.HttpRequestOp;
import dev.sequor.flow.op.MigrateSchemaOp;
import dev.sequor.flow.op.Op;
import dev.sequor.flow.op.RunFlowOp;
import dev.sequor.flow.op.TransformOp;
import dev.sequor.flow.op.TryOp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The checks of a parsed flow that need the project: every Jinja template parses, every source named literally
 * exists with the right kind (database or http) and, for an http source, a literal tls.ca_file that can be read, and
 * every flow {@code run_flow} names literally exists. Both
 * {@code run} (before the first step) and {@code validate} run these, so they report the same problems. Names
 * computed by a template or snippet are only known when the op runs, and are checked there. Inside the steps of a
 * {@code try} the problems are warnings ({@link Diagnostics#invalidValue}).
 */
public final class FlowCheck {

    /** The source type that is not a database; every other type is one (the database layer says which it supports). */
    private static final String HTTP = SourceTypes.HTTP;

    private final Diagnostics diag;
    private final SourceCatalog sources;
    private final Path flowsDir;
    private final Consumer<Dyn.Template> compile;
    /** The http sources whose tls.ca_file was checked, by name (and " in try" for those checked inside a try). */
    private final Set<String> caFilesChecked = new HashSet<>();
    /** The sources whose file itself was checked, by name (and " in try" for those checked inside a try). */
    private final Set<String> filesChecked = new HashSet<>();
    private List<String> databaseNames;
    private List<String> httpNames;

    /**
     * @param flowsDir the project's {@code flows/} folder
     * @param compile  parses a template, throwing {@link SequorException} at the template's position when it does not
     */
    public FlowCheck(Diagnostics diag, SourceCatalog sources, Path flowsDir, Consumer<Dyn.Template> compile) {
        this.diag = diag;
        this.sources = sources;
        this.flowsDir = flowsDir;
        this.compile = compile;
    }

    /** Checks every op of the flow, nested ones included. */
    public void check(Flow flow) {
        checkSteps(flow.steps());
    }

    private void checkSteps(List<Op> steps) {
        for (Op op : steps) {
            checkOp(op);
            if (op instanceof TryOp t) {
                diag.insideTry(() -> {
                    checkSteps(t.steps());
                    return null;
                });
                checkSteps(t.catchSteps());
                checkSteps(t.finallySteps());
            } else {
                op.children().forEach(this::checkSteps);
            }
        }
    }

    private void checkOp(Op op) {
        for (Dyn d : OpDyns.of(op)) {
            template(d, op);
        }
        sourcesOf(op);
        if (op instanceof RunFlowOp r && literal(r.flow()) instanceof String name && !exists(name)) {
            diag.invalidValue(r.flow().pos(), "Flow \"" + name + "\" not found: file does not exist: flows/" + name
                    + ".yaml (in " + op.meta().where() + ")" + DidYouMean.hint(name, flowNames()) + ".");
        }
    }

    /**
     * The flows that {@code run_flow} ops name literally and that exist, in order of first appearance; not those
     * called inside the steps of a {@code try}, whose problems are for the catch steps when the op runs.
     */
    public Set<String> calledFlows(Flow flow) {
        Set<String> names = new LinkedHashSet<>();
        collectCalls(flow.steps(), names);
        return names;
    }

    private void collectCalls(List<Op> steps, Set<String> names) {
        for (Op op : steps) {
            if (op instanceof RunFlowOp r && literal(r.flow()) instanceof String name && exists(name)) {
                names.add(name);
            }
            if (op instanceof TryOp t) {
                collectCalls(t.catchSteps(), names);
                collectCalls(t.finallySteps(), names);
            } else {
                op.children().forEach(c -> collectCalls(c, names));
            }
        }
    }

    /** The project's flows by name, for a did-you-mean hint. */
    private List<String> flowNames() {
        List<String> names = new ArrayList<>();
        try (var files = Files.walk(flowsDir)) {
            files.filter(p -> p.toString().endsWith(".yaml")).forEach(p -> {
                String rel = flowsDir.relativize(p).toString().replace('\\', '/');
                names.add(rel.substring(0, rel.length() - ".yaml".length()));
            });
        } catch (java.io.IOException | RuntimeException e) {
            // no hint then
        }
        return names;
    }

    private boolean exists(String flowName) {
        return Files.isRegularFile(flowsDir.resolve(flowName + ".yaml"));
    }

    /** Parses a template now; Jinja inside a Python snippet too (it is rendered before the code is compiled). */
    private void template(Dyn d, Op op) {
        Dyn.Template t = switch (d) {
            case Dyn.Template x -> x;
            case Dyn.Python p when JinjaMarkup.isTemplate(p.code()) -> new Dyn.Template(p.code(), p.pos());
            default -> null;
        };
        if (t == null) {
            return;
        }
        try {
            compile.accept(t);
        } catch (SequorException e) {
            String prefix = "Invalid Jinja template: ";
            String m = e.getMessage();
            diag.invalidValue(e.pos() == null ? t.pos() : e.pos(), m.startsWith(prefix)
                    ? "Invalid Jinja template in " + op.meta().where() + ": " + m.substring(prefix.length()) + "."
                    : m + " (in " + op.meta().where() + ").");
        }
    }

    private void sourcesOf(Op op) {
        switch (op) {
            case TransformOp t -> database(t.source(), "source", op);
            case ExecuteOp e -> database(e.source(), "source", op);
            case ForEachOp f -> database(f.source(), "source", op);
            case MigrateSchemaOp m -> {
                database(m.targetSource(), "target_source", op);
                database(m.columnsSource(), "columns_source", op);
            }
            case HttpRequestOp h -> {
                if (h.forEach() != null) {
                    database(h.forEach().source(), "for_each.source", op);
                }
                if (h.request() != null && h.request().source() != null) {
                    http(h.request().source(), h.request().sourcePos() == null ? h.request().pos()
                            : h.request().sourcePos(), op);
                }
                if (h.response() != null) {
                    database(h.response().source(), "response.source", op);
                    h.response().tables().forEach(t -> database(t.source(), "response.tables.source", op));
                }
            }
            default -> { }
        }
    }

    /** A database source named literally: it must exist and not be an http source. */
    private void database(Dyn d, String key, Op op) {
        if (!(literal(d) instanceof String name)) {
            return;
        }
        List<String> databases = sourceNames(false);
        String where = "'" + key + "' in " + op.meta().where();
        if (!sources.exists(name)) {
            diag.invalidValue(d.pos(), where + " names source \"" + name + "\", which does not exist; expected a database"
                    + " source of sources/" + choices(name, databases) + ".");
        } else if (HTTP.equals(sources.declaredType(name))) {
            diag.invalidValue(d.pos(), where + " names source \"" + name + "\", an http source; expected a database source"
                    + " (type " + SourceTypes.databaseChoices() + ")" + choices(name, databases) + ".");
        } else {
            sourceFileItself(name);
        }
    }

    /**
     * The used source file's own problem (unreadable, an unknown type, a key its type needs missing), reported once
     * at the file, so that a run stops before its first step rather than at the op that opens the source.
     */
    private void sourceFileItself(String name) {
        if (filesChecked.add(name + (diag.lenient() ? " in try" : ""))) {
            Diagnostics.Problem own = sources.fileProblem(name);
            if (own != null) {
                diag.invalidValue(own.pos(), own.message());
            }
        }
    }

    /** The http source of a request: it must exist and be an http source. */
    private void http(String name, dev.sequor.error.SourcePos pos, Op op) {
        List<String> https = sourceNames(true);
        String where = "'request.source' in " + op.meta().where();
        if (!sources.exists(name)) {
            diag.invalidValue(pos, where + " names source \"" + name + "\", which does not exist; expected an http source of"
                    + " sources/" + choices(name, https) + ".");
        } else if (sources.declaredType(name) != null && !HTTP.equals(sources.declaredType(name))) {
            diag.invalidValue(pos, where + " names source \"" + name + "\", a " + sources.declaredType(name) + " source;"
                    + " expected an http source (type: http)" + choices(name, https) + ".");
        } else if (caFilesChecked.add(name + (diag.lenient() ? " in try" : ""))) {
            sourceFileItself(name);
            // a source's own problem, reported once at the source file (not at each op that uses it)
            Diagnostics.Problem caFile = sources.unreadableCaFile(name);
            if (caFile != null) {
                diag.invalidValue(caFile.pos(), caFile.message());
            }
        }
    }

    /** The names of the http sources, or of the others (databases); listed once per check. */
    private List<String> sourceNames(boolean http) {
        if (databaseNames == null) {
            databaseNames = new ArrayList<>();
            httpNames = new ArrayList<>();
            for (String n : sources.names()) {
                (HTTP.equals(sources.declaredType(n)) ? httpNames : databaseNames).add(n);
            }
        }
        return http ? httpNames : databaseNames;
    }

    /** {@code : a, b (did you mean 'a'?)}, or {@code , but there is none} when there are no candidates. */
    private static String choices(String name, List<String> candidates) {
        if (candidates.isEmpty()) {
            return ", but there is none";
        }
        return ": " + String.join(", ", candidates) + DidYouMean.hint(name, candidates);
    }

    /** The value when written literally as text, else null (a template, a snippet, or absent). */
    private static Object literal(Dyn d) {
        return d instanceof Dyn.Const c && c.value() instanceof String s && !s.isBlank() ? s : null;
    }
}
