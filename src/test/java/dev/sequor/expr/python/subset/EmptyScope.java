package dev.sequor.expr.python.subset;

import dev.sequor.db.Row;
import dev.sequor.error.SequorException;
import dev.sequor.expr.ExprScope;
import dev.sequor.http.HttpResponseData;
import java.util.List;

/** A scope with no variables, databases or response: every lookup is Sequor's usual error. */
final class EmptyScope implements ExprScope {

    @Override
    public Object var(String name) {
        throw SequorException.failed(null, "Variable '" + name + "' is not defined");
    }

    @Override
    public boolean isVarDefined(String name) {
        return false;
    }

    @Override
    public String env(String name) {
        return null;
    }

    @Override
    public List<Row> query(String source, String sql) {
        throw SequorException.failed(null, "Source \"" + source + "\" not found");
    }

    @Override
    public Object queryScalar(String source, String sql) {
        throw SequorException.failed(null, "Source \"" + source + "\" not found");
    }

    @Override
    public List<Row> table(String source, String table, String database, String namespace) {
        throw SequorException.failed(null, "Source \"" + source + "\" not found");
    }

    @Override
    public Object queryValue(String sql, String source) {
        throw SequorException.failed(null, "no database");
    }

    @Override
    public HttpResponseData response() {
        return null;
    }
}
