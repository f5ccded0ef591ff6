package dev.sequor.expr.python.subset;

import java.nio.charset.StandardCharsets;

/**
 * Python's {@code json}: {@code dumps} ({@link JsonEncoder}), {@code loads} ({@link JsonDecoder}) and
 * {@code JSONDecodeError}. The file forms ({@code dump}, {@code load}) and custom encoder classes are left out, so
 * snippets using them go to GraalPy.
 */
final class JsonModule {

    private JsonModule() {
    }

    static PyModule create() {
        PyModule m = new PyModule("json");
        BuiltinFunction.def(m, "dumps", JsonModule::dumps);
        BuiltinFunction.def(m, "loads", JsonModule::loads);
        m.with("JSONDecodeError", PyExcType.JSON_DECODE_ERROR);
        return m;
    }

    /**
     * {@code dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
     * indent=None, separators=None, default=None, sort_keys=False)}.
     */
    static Object dumps(Object[] args, Kwargs kwargs) {
        Args.onlyKeywords("JSONEncoder.__init__", kwargs, "obj", "skipkeys", "ensure_ascii", "check_circular", "allow_nan",
                "cls", "indent", "separators", "default", "sort_keys");
        if (args.length > 1) {
            throw PyExc.typeError("dumps() takes 1 positional argument but " + args.length + " were given");
        }
        Object obj = Args.named(args, kwargs, 0, "obj", MISSING);
        if (obj == MISSING) {
            throw PyExc.typeError("dumps() missing 1 required positional argument: 'obj'");
        }
        if (kw(kwargs, "cls", null) != null) {
            throw PyExc.typeError("json.dumps(cls=...) is not supported by Sequor's Python evaluator");
        }
        Object indentArg = kw(kwargs, "indent", null);
        String indent = null;
        if (indentArg instanceof String s) {
            indent = s;
        } else if (indentArg != null) {
            indent = " ".repeat(Math.max(0, Args.intArg(indentArg, "indent")));
        }
        String itemSeparator = indent == null ? ", " : ",";
        String keySeparator = ": ";
        Object separators = kw(kwargs, "separators", null);
        if (separators != null) {
            java.util.List<Object> pair = Items.toList(separators);
            if (pair.size() != 2) {
                throw PyExc.valueError("too many values to unpack (expected 2)");
            }
            itemSeparator = Args.strArg(pair.get(0), "make_encoder() argument 6 must be str, not {type}");
            keySeparator = Args.strArg(pair.get(1), "make_encoder() argument 5 must be str, not {type}");
        }
        return new JsonEncoder(Py.truthy(kw(kwargs, "skipkeys", false)), Py.truthy(kw(kwargs, "ensure_ascii", true)),
                Py.truthy(kw(kwargs, "check_circular", true)), Py.truthy(kw(kwargs, "allow_nan", true)), indent,
                itemSeparator, keySeparator, kw(kwargs, "default", null), Py.truthy(kw(kwargs, "sort_keys", false)))
                .encode(obj);
    }

    /** {@code loads(s)}: str or UTF-8 bytes. Hooks ({@code object_hook}, {@code parse_float}...) are refused. */
    static Object loads(Object[] args, Kwargs kwargs) {
        if (kwargs != null) {
            for (String k : kwargs.keySet()) {
                if (!"s".equals(k)) {
                    throw PyExc.typeError("json.loads(" + k + "=...) is not supported by Sequor's Python evaluator");
                }
            }
        }
        if (args.length > 1) {
            throw PyExc.typeError("loads() takes 1 positional argument but " + args.length + " were given");
        }
        Object s = Args.named(args, kwargs, 0, "s", MISSING);
        if (s == MISSING) {
            throw PyExc.typeError("loads() missing 1 required positional argument: 's'");
        }
        if (s instanceof PyBytes b) {
            boolean bom = b.bytes.length >= 3 && (b.bytes[0] & 0xFF) == 0xEF && (b.bytes[1] & 0xFF) == 0xBB
                    && (b.bytes[2] & 0xFF) == 0xBF; // json.loads decodes bytes as utf-8-sig
            s = new String(b.bytes, bom ? 3 : 0, b.bytes.length - (bom ? 3 : 0), StandardCharsets.UTF_8);
        } else if (!(s instanceof String)) {
            throw PyExc.typeError("the JSON object must be str, bytes or bytearray, not " + Py.typeName(s));
        }
        return JsonDecoder.loads((String) s);
    }

    private static Object kw(Kwargs kwargs, String name, Object missing) {
        return kwargs != null && kwargs.containsKey(name) ? kwargs.get(name) : missing;
    }

    private static final Object MISSING = new Object();
}
