package dev.sequor.expr;

import dev.sequor.db.Row;
import dev.sequor.http.HttpResponseData;
import java.util.List;

/**
 * What a template or a Python snippet can see while it is evaluated: variables, the databases, and
 * (inside response keys) the HTTP response. Implemented by the interpreter; read by the Jinja and
 * Python facades. Errors are thrown as {@link dev.sequor.error.SequorException} with upstream's text.
 */
public interface ExprScope {

    /** The variable's value (local, then project, then environment); error "Variable 'x' is not defined". */
    Object var(String name);

    /** True when the variable has a non-null value at some level. */
    boolean isVarDefined(String name);

    /** OS environment variable, or null when unset (the Jinja {@code env('NAME')} function). */
    String env(String name);

    /** All rows of {@code sql} on the named database source. */
    List<Row> query(String source, String sql);

    /** First column of the first row of {@code sql}, or null when there are no rows. */
    Object queryScalar(String source, String sql);

    /** All rows of {@code SELECT * FROM [namespace.]table} on the named source; database may be null. */
    List<Row> table(String source, String table, String database, String namespace);

    /**
     * The Jinja {@code query_value(sql, type, source)}: first cell of the first row on {@code source}, or on the
     * project's default database source when it is null. Error when the query returns no rows.
     */
    Object queryValue(String sql, String source);

    /** The response being processed inside response keys, else null. */
    HttpResponseData response();
}
