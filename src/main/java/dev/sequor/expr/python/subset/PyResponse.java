package dev.sequor.expr.python.subset;

import dev.sequor.error.SequorException;
import dev.sequor.http.HttpResponseData;

/**
 * The {@code response} of response keys, with upstream 1.2's methods: {@code json()} (parsed in Java once and
 * converted once), {@code text()}, {@code status_code()}, {@code headers()}.
 */
final class PyResponse implements PyObject, Repr.HasRepr {

    private final HttpResponseData data;
    private Object json;
    private boolean jsonConverted;
    private PyHeaders headers;

    PyResponse(HttpResponseData data) {
        this.data = data;
    }

    HttpResponseData data() {
        return data;
    }

    private Object json() {
        if (!jsonConverted) {
            try {
                json = HostValues.toPython(data.json());
            } catch (SequorException e) {
                throw PyExc.sequorError(e);
            }
            jsonConverted = true;
        }
        return json;
    }

    @Override
    public String typeName() {
        return "Response";
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "json" -> method("json", this::json);
            case "text" -> method("text", data::text);
            case "status_code" -> method("status_code", () -> (long) data.statusCode());
            case "headers" -> method("headers", () -> {
                if (headers == null) {
                    headers = new PyHeaders(data.headers());
                }
                return headers;
            });
            default -> null;
        };
    }

    private static PyCallable method(String name, java.util.function.Supplier<Object> body) {
        return (args, kw) -> {
            if (args.length > 0 || kw != null && !kw.isEmpty()) {
                throw PyExc.typeError("Response." + name + "() takes 1 positional argument but " + (args.length + 1)
                        + " were given");
            }
            return body.get();
        };
    }

    @Override
    public String repr() {
        return "<Response [" + data.statusCode() + "]>";
    }
}
