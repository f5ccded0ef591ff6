package dev.sequor.run;

import dev.sequor.db.Database;
import dev.sequor.db.Row;
import dev.sequor.error.SequorException;
import dev.sequor.expr.ExprScope;
import dev.sequor.http.HttpResponseData;
import dev.sequor.project.ProjectState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What templates and snippets see inside one op: variables (frame locals, then persisted project variables,
 * then the environment; null counts as undefined at every level), the databases, and the response being
 * handled, if any. The scope of a for_each row that runs apart from the others ({@link #forRow}) keeps the project
 * variables it sets to itself, for the op to apply in row order.
 */
public final class FlowScope implements ExprScope {

    private final RunContext run;
    private final Frame frame;
    private final HttpResponseData response;
    /** A row's own project-variable writes, in order; null: writes go to the run's project state. */
    private final Map<String, Object> projectWrites;
    /** The project variables a row reads under its own writes; null: the run's project state. */
    private final Map<String, Object> projectBase;

    public FlowScope(RunContext run, Frame frame, HttpResponseData response) {
        this(run, frame, response, null, null);
    }

    private FlowScope(RunContext run, Frame frame, HttpResponseData response, Map<String, Object> projectWrites,
                      Map<String, Object> projectBase) {
        this.run = run;
        this.frame = frame;
        this.response = response;
        this.projectWrites = projectWrites;
        this.projectBase = projectBase;
    }

    public FlowScope withResponse(HttpResponseData r) {
        return new FlowScope(run, frame, r, projectWrites, projectBase);
    }

    /**
     * The scope of one for_each row run apart from the others: local variables in {@code rowFrame}, project variables
     * it sets kept in {@link #projectWrites()} (never in the project state), and project variables read from its own
     * writes, then {@code projectBase} (null: the live project state).
     */
    public FlowScope forRow(Frame rowFrame, Map<String, Object> projectBase) {
        return new FlowScope(run, rowFrame, null, new LinkedHashMap<>(), projectBase);
    }

    /** The project variables this row scope set, in the order it set them; null for other scopes. */
    public Map<String, Object> projectWrites() {
        return projectWrites;
    }

    /** Sets a project-scope variable: in the project state, or, in a row scope, among the row's own writes. */
    public void setProjectVariable(String name, Object value) {
        if (projectWrites == null) {
            run.state().set(name, value);
        } else {
            projectWrites.remove(name);
            projectWrites.put(name, ProjectState.stored(value));
        }
    }

    public Frame frame() {
        return frame;
    }

    public RunContext run() {
        return run;
    }

    private Object lookup(String name) {
        Object v = frame.get(name);
        if (v == null && projectWrites != null) {
            v = projectWrites.get(name);
        }
        if (v == null) {
            v = projectBase != null ? projectBase.get(name) : run.state().get(name);
        }
        if (v == null) {
            v = run.environment().variables().get(name);
        }
        return v;
    }

    @Override
    public Object var(String name) {
        Object v = lookup(name);
        if (v == null) {
            throw masked(SequorException.failed(null, "Variable '" + name + "' is not defined")
                    .withHint(run.whereVariablesComeFrom()));
        }
        return v;
    }

    @Override
    public boolean isVarDefined(String name) {
        return lookup(name) != null;
    }

    @Override
    public String env(String name) {
        return System.getenv(name);
    }

    @Override
    public List<Row> query(String source, String sql) {
        try {
            return db(source).query(sql);
        } catch (SequorException e) {
            throw masked(e);
        }
    }

    @Override
    public Object queryScalar(String source, String sql) {
        List<Row> rows = query(source, sql);
        return rows.isEmpty() || rows.get(0).isEmpty() ? null : rows.get(0).get(0);
    }

    @Override
    public List<Row> table(String source, String table, String database, String namespace) {
        try {
            Database db = db(source);
            return db.query("SELECT * FROM " + db.dialect().qualified(namespace, table));
        } catch (SequorException e) {
            throw masked(e);
        }
    }

    @Override
    public Object queryValue(String sql, String source) {
        String name = source != null ? source : defaultSource();
        List<Row> rows = query(name, sql);
        if (rows.isEmpty()) {
            throw masked(SequorException.failed(null, "query_value returned no rows for: " + sql));
        }
        Row first = rows.get(0);
        return first.isEmpty() ? null : first.get(0);
    }

    /** project.yaml's default_source, else the only database source of the project. */
    private String defaultSource() {
        if (run.project().defaultSource() != null) {
            return run.project().defaultSource();
        }
        List<String> dbs = run.sources().databaseNames();
        if (dbs.size() == 1) {
            return dbs.get(0);
        }
        throw SequorException.failed(null, "query_value needs a database source: pass source='name' or set"
                + " default_source in project.yaml" + (dbs.isEmpty() ? " (the project has no database source)"
                : " (database sources: " + String.join(", ", dbs) + ")") + ".");
    }

    private Database db(String source) {
        if (source == null) {
            throw SequorException.failed(null, "A database source name is required.");
        }
        return run.database(source, this, null);
    }

    /**
     * The error with its text masked. A snippet can catch the error of a function it called ({@code except
     * Exception as e}) and store {@code str(e)} in a table; database errors quote the SQL, which may hold a key, so
     * the text leaves here masked, as {@code var('error')} in a catch is.
     */
    private SequorException masked(SequorException e) {
        String text = run.secretSet().mask(e.getMessage());
        if (text.equals(e.getMessage())) {
            return e;
        }
        SequorException m = new SequorException(e.kind(), e.pos(), text, e.getCause()).withHint(e.hint());
        m.setStackTrace(e.getStackTrace());
        return m;
    }

    @Override
    public HttpResponseData response() {
        return response;
    }
}
