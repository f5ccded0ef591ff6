package dev.sequor.expr.python;

import dev.sequor.db.Row;
import dev.sequor.error.SequorException;
import dev.sequor.expr.ExprScope;
import dev.sequor.http.HttpResponseData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A test ExprScope: variables in a map, query results by "source|sql", an optional response; records calls. */
final class MapScope implements ExprScope {

    final Map<String, Object> vars = new HashMap<>();
    final Map<String, List<Row>> results = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    HttpResponseData response;

    MapScope var(String name, Object value) {
        vars.put(name, value);
        return this;
    }

    MapScope result(String source, String sql, List<Row> rows) {
        results.put(source + "|" + sql, rows);
        return this;
    }

    @Override
    public Object var(String name) {
        Object v = vars.get(name);
        if (v == null) {
            throw SequorException.failed(null, "Variable '" + name + "' is not defined");
        }
        return v;
    }

    @Override
    public boolean isVarDefined(String name) {
        return vars.get(name) != null;
    }

    @Override
    public String env(String name) {
        return null;
    }

    @Override
    public List<Row> query(String source, String sql) {
        calls.add("query " + source + " " + sql);
        List<Row> rows = results.get(source + "|" + sql);
        if (rows == null) {
            throw SequorException.failed(null, "Source '" + source + "' is not defined");
        }
        return rows;
    }

    @Override
    public Object queryScalar(String source, String sql) {
        List<Row> rows = query(source, sql);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    @Override
    public List<Row> table(String source, String table, String database, String namespace) {
        calls.add("table " + source + " " + table + " " + database + " " + namespace);
        return query(source, "SELECT * FROM " + (namespace == null ? "" : namespace + ".") + table);
    }

    @Override
    public Object queryValue(String sql, String source) {
        throw new UnsupportedOperationException("not used by Python snippets");
    }

    @Override
    public HttpResponseData response() {
        return response;
    }
}
