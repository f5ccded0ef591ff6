package dev.sequor.expr.python.subset;

import dev.sequor.error.SequorException;
import dev.sequor.expr.ExprScope;
import java.util.List;
import java.util.function.Function;

/**
 * The names every snippet gets as parameters, as upstream's {@code evaluate(context, is_var_defined, var, table,
 * query, query_scalar, response)}: Java callables over the {@link ExprScope} of the call in progress. Sequor's
 * errors become Python exceptions whose text reaches the user unchanged (the prelude's SequorError on GraalPy).
 */
final class SequorNames {

    /** Parameter order of upstream's evaluate(). */
    static final String[] PARAMETERS = {"context", "is_var_defined", "var", "table", "query", "query_scalar", "response"};

    private SequorNames() {
    }

    /** The seven argument values for one call, in {@link #PARAMETERS} order. */
    static Object[] bind(ExprScope scope, PyResponse response) {
        PyCallable var = named("var", new String[] {"name"}, 1, a -> HostValues.toPython(scope.var(text(a, 0))));
        PyCallable isVarDefined = named("is_var_defined", new String[] {"name"}, 1, a -> scope.isVarDefined(text(a, 0)));
        PyCallable table = named("table", new String[] {"source", "table", "database", "namespace"}, 2, a -> HostValues.rows(scope.table(text(a, 0), text(a, 1), text(a, 2), text(a, 3))));
        PyCallable query = named("query", new String[] {"source", "sql"}, 2, a -> HostValues.rows(scope.query(text(a, 0), text(a, 1))));
        PyCallable queryScalar = named("query_scalar", new String[] {"source", "sql"}, 2, a -> HostValues.toPython(scope.queryScalar(text(a, 0), text(a, 1))));
        PyObject sources = new Attributes("_Sources", name -> "query".equals(name)
                ? named("query", new String[] {"source", "sql", "database_name", "namespace_name"}, 2, a -> HostValues.rows(scope.query(text(a, 0), text(a, 1)))) : null);
        PyObject context = new Attributes("UserContext", name -> switch (name) {
            case "var" -> var;
            case "is_var_defined" -> isVarDefined;
            case "table" -> table;
            case "query" -> query;
            case "query_scalar" -> queryScalar;
            case "sources" -> sources;
            default -> null;
        });
        return new Object[] {context, isVarDefined, var, table, query, queryScalar, response};
    }

    /**
     * A Python function of Sequor's, like the prelude's {@code def table(source, table, database=None,
     * namespace=None)}: arguments bind by position or name with Python's messages; trailing parameters default to
     * None.
     */
    private static PyCallable named(String name, String[] params, int required, Function<Object[], Object> body) {
        int[] slots = new int[params.length];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = i;
        }
        Object[] defaults = new Object[params.length - required];
        PyFunction.Signature sig = new PyFunction.Signature(List.of(params), slots, null, -1, List.of(), new int[0], null, -1);
        Exec call = f -> {
            try {
                f.returnValue = body.apply(f.locals);
            } catch (SequorException e) {
                throw PyExc.sequorError(e);
            }
            return Exec.RETURN;
        };
        return new PyFunction(name, sig, defaults, new Object[0], null, params.length, call);
    }

    /** Argument i as text (None -> null, others -> str()), as the GraalPy bridge passes them to Java. */
    private static String text(Object[] args, int i) {
        if (i >= args.length || args[i] == null) {
            return null;
        }
        return args[i] instanceof String s ? s : Py.str(args[i]);
    }

    /** An object whose attributes are computed by a function: context and context.sources. */
    private record Attributes(String typeName, java.util.function.Function<String, Object> attrs)
            implements PyObject, Repr.HasRepr {

        @Override
        public Object getAttr(String name) {
            return attrs.apply(name);
        }

        @Override
        public String repr() {
            return "<" + typeName + " object>";
        }
    }

}
