package dev.sequor.expr.jinja;

import dev.sequor.db.Row;
import dev.sequor.error.SequorException;
import dev.sequor.expr.ExprScope;
import dev.sequor.http.HttpResponseData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A test ExprScope backed by maps; records the queries it was asked. */
final class MapScope implements ExprScope {

    final Map<String, Object> vars = new HashMap<>();
    final Map<String, String> env = new HashMap<>();
    final Map<String, Object> queryResults = new HashMap<>();
    final List<String> queriesAsked = new ArrayList<>();

    MapScope var(String name, Object value) {
        vars.put(name, value);
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
        return env.get(name);
    }

    @Override
    public List<Row> query(String source, String sql) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object queryScalar(String source, String sql) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Row> table(String source, String table, String database, String namespace) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object queryValue(String sql, String source) {
        queriesAsked.add(source + ": " + sql);
        if (!queryResults.containsKey(sql)) {
            throw SequorException.failed(null, "Query returned no rows: " + sql);
        }
        return queryResults.get(sql);
    }

    @Override
    public HttpResponseData response() {
        return null;
    }
}
