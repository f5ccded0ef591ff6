package dev.sequor.expr.python;

import dev.sequor.error.SequorException;
import dev.sequor.expr.ExprScope;
import dev.sequor.http.HttpResponseData;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The Java side of the names snippets call ({@code var}, {@code query}, {@code table}...): callables installed
 * once into the prelude that delegate to the {@link ExprScope} of the call in progress. Calls are serialized by
 * the engine's lock, so one "current scope" field is enough.
 *
 * <p>A failure is returned to Python as a {@code _HostError} value rather than thrown, so the prelude can raise
 * it as a {@code SequorError} that snippets may catch and whose text reaches the user unchanged. The Java
 * exception is kept as the cause of the final error.
 */
final class HostBridge {

    private final ToPython toPython;
    private final Value hostError;
    private final Value newResponse;

    private ExprScope scope;
    private RuntimeException lastFailure;
    private HttpResponseData cachedResponseData;
    private Value cachedResponse;

    HostBridge(Value prelude, ToPython toPython) {
        this.toPython = toPython;
        this.hostError = prelude.getMember("_HostError");
        this.newResponse = prelude.getMember("_response");
        prelude.getMember("_install").execute(
                callable(args -> toPython.convert(scope.var(text(args, 0)))),
                callable(args -> scope.isVarDefined(text(args, 0))),
                callable(args -> toPython.list(scope.table(text(args, 0), text(args, 1), text(args, 2), text(args, 3)))),
                callable(args -> toPython.list(scope.query(text(args, 0), text(args, 1)))),
                callable(args -> toPython.convert(scope.queryScalar(text(args, 0), text(args, 1)))));
    }

    /** Makes {@code current} the scope the callables see until {@link #end()}. */
    void begin(ExprScope current) {
        this.scope = current;
        this.lastFailure = null;
    }

    void end() {
        this.scope = null;
    }

    /** The Java exception behind the last SequorError raised in Python, or null. */
    RuntimeException lastFailure() {
        return lastFailure;
    }

    /**
     * The {@code response} parameter: a Python Response for the scope's HTTP response, or None. The same response
     * keeps the same Python object, so its json() is converted to Python once across snippets.
     */
    Object response() {
        HttpResponseData data = scope.response();
        if (data == null) {
            return toPython.none();
        }
        if (data != cachedResponseData) {
            cachedResponse = newResponse(data);
            cachedResponseData = data;
        }
        return cachedResponse;
    }

    private Value newResponse(HttpResponseData data) {
        Object[] names = new Object[data.headers().size()];
        Object[] values = new Object[names.length];
        int i = 0;
        for (Map.Entry<String, List<String>> header : data.headers().entrySet()) {
            names[i] = header.getKey();
            values[i] = String.join(", ", header.getValue()); // requests joins repeated headers the same way
            i++;
        }
        return newResponse.execute(data.statusCode(), ProxyArray.fromArray(names), ProxyArray.fromArray(values),
                callable(args -> data.text()), callable(args -> toPython.convert(data.json())));
    }

    private ProxyExecutable callable(Function<Value[], Object> body) {
        return args -> {
            try {
                return body.apply(args);
            } catch (SequorException e) {
                lastFailure = e;
                return hostError.execute(e.getMessage());
            } catch (RuntimeException e) {
                // A bug on the Java side: still surface it as a Python error naming the Java exception.
                lastFailure = e;
                return hostError.execute(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        };
    }

    /** Argument {@code i} as text (None -> null); a missing argument is None, as Python defaults would make it. */
    private static String text(Value[] args, int i) {
        if (i >= args.length || args[i].isNull()) {
            return null;
        }
        return args[i].isString() ? args[i].asString() : args[i].toString();
    }
}
