package dev.sequor.expr.python.subset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Python's {@code urllib.parse} (and the {@code urllib} package holding it), ported from CPython 3.12's
 * parse.py: percent-encoding ({@code quote}, {@code quote_plus}, {@code unquote}, {@code unquote_plus}),
 * {@code urlencode}, {@code parse_qs}/{@code parse_qsl}, and URL splitting and joining ({@link UrlSplit}).
 * Text is UTF-8; another {@code encoding} is a clear error. bytes URLs are not supported by the splitting functions.
 */
public final class UrllibParseModule {

    private static final String ALWAYS_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~";

    /** One module object whether imported as {@code urllib.parse} or reached as {@code urllib.parse}. */
    private static final class Holder {
        static final PyModule PARSE = build();
    }

    private UrllibParseModule() {
    }

    static PyModule create() {
        return Holder.PARSE;
    }

    static PyModule createPackage() {
        return new PyModule("urllib").with("parse", Holder.PARSE);
    }

    private static PyModule build() {
        PyModule m = new PyModule("urllib.parse");
        BuiltinFunction.def(m, "quote", (args, kwargs) -> {
            Object[] a = bind("quote", args, kwargs, "string", "safe", "encoding", "errors");
            return quote(a[0], a[1] == MISSING ? "/" : a[1], a[2], a[3]);
        });
        BuiltinFunction.def(m, "quote_plus", (args, kwargs) -> {
            Object[] a = bind("quote_plus", args, kwargs, "string", "safe", "encoding", "errors");
            return quotePlus(a[0], a[1] == MISSING ? "" : a[1], a[2], a[3]);
        });
        BuiltinFunction.def(m, "unquote", (args, kwargs) -> {
            Object[] a = bind("unquote", args, kwargs, "string", "encoding", "errors");
            checkEncoding(a[1]);
            return unquote(a[0]);
        });
        BuiltinFunction.def(m, "unquote_plus", (args, kwargs) -> {
            Object[] a = bind("unquote_plus", args, kwargs, "string", "encoding", "errors");
            checkEncoding(a[1]);
            return unquote(Args.strArg(a[0], "a bytes-like object is required, not '{type}'").replace('+', ' '));
        });
        BuiltinFunction.def(m, "urlencode", UrlEncode::urlencode);
        BuiltinFunction.def(m, "parse_qsl", (args, kwargs) -> new PyList(parseQsl(args, kwargs, "parse_qsl")));
        BuiltinFunction.def(m, "parse_qs", (args, kwargs) -> {
            PyDict out = new PyDict();
            for (Object pair : parseQsl(args, kwargs, "parse_qs")) {
                PyTuple t = (PyTuple) pair;
                Object values = out.get(t.items[0], null);
                if (values == null) {
                    out.put(t.items[0], PyList.of(t.items[1]));
                } else {
                    ((PyList) values).add(t.items[1]);
                }
            }
            return out;
        });
        UrlSplit.register(m);
        return m;
    }

    static final Object MISSING = new Object();

    /** Positional-or-keyword parameters; the first is required, the others MISSING when not given. */
    static Object[] bind(String fn, Object[] args, Kwargs kwargs, String... names) {
        Args.onlyKeywords(fn, kwargs, names);
        if (args.length > names.length) {
            throw PyExc.typeError(fn + "() takes from 1 to " + names.length + " positional arguments but " + args.length
                    + " were given");
        }
        Object[] out = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = Args.named(args, kwargs, i, names[i], MISSING);
        }
        if (out[0] == MISSING) {
            throw PyExc.typeError(fn + "() missing 1 required positional argument: '" + names[0] + "'");
        }
        return out;
    }

    private static void checkEncoding(Object encoding) {
        if (encoding != MISSING && encoding != null && !(encoding instanceof String s
                && s.replace("-", "").replace("_", "").equalsIgnoreCase("utf8"))) {
            throw PyExc.valueError("encodings other than UTF-8 are not supported by Sequor's Python evaluator");
        }
    }

    /** Python's {@code quote(text, safe)} for Sequor's own callers (Jinja2's {@code urlencode}). */
    public static String quote(String text, String safe) {
        return (String) quote(text, safe, MISSING, MISSING);
    }

    /** Python's {@code quote_plus(text, safe)} for Sequor's own callers (Jinja2's {@code urlencode}). */
    public static String quotePlus(String text, String safe) {
        return (String) quotePlus(text, safe, MISSING, MISSING);
    }

    /** {@code quote(string, safe='/', encoding=None, errors=None)}. */
    static Object quote(Object string, Object safe, Object encoding, Object errors) {
        byte[] bytes;
        if (string instanceof String s) {
            if (s.isEmpty()) {
                return s;
            }
            checkEncoding(encoding);
            bytes = s.getBytes(StandardCharsets.UTF_8);
        } else {
            if (encoding != MISSING && encoding != null) {
                throw PyExc.typeError("quote() doesn't support 'encoding' for bytes");
            }
            if (errors != MISSING && errors != null) {
                throw PyExc.typeError("quote() doesn't support 'errors' for bytes");
            }
            if (!(string instanceof PyBytes b)) {
                throw PyExc.typeError("quote_from_bytes() expected bytes");
            }
            bytes = b.bytes;
        }
        String safeChars = safe instanceof PyBytes sb ? new String(sb.bytes, StandardCharsets.ISO_8859_1)
                : Args.strArg(safe, "'{type}' object is not iterable");
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte value : bytes) {
            int b = value & 0xFF;
            if (b < 128 && (ALWAYS_SAFE.indexOf(b) >= 0 || safeChars.indexOf(b) >= 0)) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /** {@code quote_plus}: like quote with spaces as {@code +} and nothing safe by default. */
    static Object quotePlus(Object string, Object safe, Object encoding, Object errors) {
        boolean hasSpace = string instanceof String s ? s.indexOf(' ') >= 0
                : string instanceof PyBytes b && new String(b.bytes, StandardCharsets.ISO_8859_1).indexOf(' ') >= 0;
        if (!hasSpace) {
            return quote(string, safe, encoding, errors);
        }
        Object withSpace = safe instanceof PyBytes b ? Arith.add(b, new PyBytes(new byte[] {' '}))
                : Args.strArg(safe, "'{type}' object is not iterable") + " ";
        return ((String) quote(string, withSpace, encoding, errors)).replace(' ', '+');
    }

    /** {@code unquote(string)}: %XX escapes in ASCII runs decoded as UTF-8 (invalid bytes become U+FFFD). */
    static Object unquote(Object string) {
        if (string instanceof PyBytes b) {
            return new String(unquoteBytes(b.bytes), StandardCharsets.UTF_8);
        }
        String s = Args.strArg(string, "argument of type '{type}' is not iterable");
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int start = i;
            boolean ascii = s.charAt(i) < 0x80;
            while (i < s.length() && (s.charAt(i) < 0x80) == ascii) {
                i++;
            }
            String run = s.substring(start, i);
            out.append(ascii ? new String(unquoteBytes(run.getBytes(StandardCharsets.US_ASCII)), StandardCharsets.UTF_8) : run);
        }
        return out.toString();
    }

    private static byte[] unquoteBytes(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit((char) (b & 0xFF), 16);
    }

    /**
     * {@code parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8', errors='replace',
     * max_num_fields=None, separator='&')} as (name, value) tuples.
     */
    private static List<Object> parseQsl(Object[] args, Kwargs kwargs, String fn) {
        Object[] a = bind(fn, args, kwargs, "qs", "keep_blank_values", "strict_parsing", "encoding", "errors",
                "max_num_fields", "separator");
        checkEncoding(a[3]);
        boolean keepBlank = a[1] != MISSING && Py.truthy(a[1]);
        boolean strict = a[2] != MISSING && Py.truthy(a[2]);
        Object sepArg = a[6] == MISSING ? "&" : a[6];
        if (!(sepArg instanceof String sep) || sep.isEmpty()) {
            throw PyExc.valueError("Separator must be of type string or bytes.");
        }
        Object qsArg = a[0];
        if (qsArg == null || qsArg instanceof String s && s.isEmpty()) {
            return new java.util.ArrayList<>();
        }
        String qs = Args.strArg(qsArg, "parse_qsl() of a '{type}' is not supported by Sequor's Python evaluator");
        if (a[5] != MISSING && a[5] != null) {
            long max = Args.intArg(a[5], "");
            long fields = 1 + (qs.length() - qs.replace(sep, "").length()) / sep.length();
            if (max < fields) {
                throw PyExc.valueError("Max number of fields exceeded");
            }
        }
        List<Object> out = new java.util.ArrayList<>();
        int from = 0;
        while (true) {
            int at = qs.indexOf(sep, from);
            String field = at < 0 ? qs.substring(from) : qs.substring(from, at);
            if (!field.isEmpty() || strict) {
                int eq = field.indexOf('=');
                if (eq < 0 && strict) {
                    throw PyExc.valueError("bad query field: " + Py.repr(field));
                }
                String name = eq < 0 ? field : field.substring(0, eq);
                String value = eq < 0 ? "" : field.substring(eq + 1);
                if (!value.isEmpty() || keepBlank) {
                    out.add(PyTuple.of(unquote(name.replace('+', ' ')), unquote(value.replace('+', ' '))));
                }
            }
            if (at < 0) {
                return out;
            }
            from = at + sep.length();
        }
    }
}
