package dev.sequor.expr.python.subset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code urllib.parse.urlencode(query, doseq=False, safe='', encoding=None, errors=None, quote_via=quote_plus)}:
 * a dict (or anything with {@code items()}) or a sequence of pairs; values are {@code str()}'d; with doseq a
 * sequence value gives one field per item.
 */
final class UrlEncode {

    private UrlEncode() {
    }

    static Object urlencode(Object[] args, Kwargs kwargs) {
        Object[] a = UrllibParseModule.bind("urlencode", args, kwargs, "query", "doseq", "safe", "encoding", "errors",
                "quote_via");
        boolean doseq = a[1] != UrllibParseModule.MISSING && Py.truthy(a[1]);
        Object safe = a[2] == UrllibParseModule.MISSING ? "" : a[2];
        Object encoding = a[3] == UrllibParseModule.MISSING ? null : a[3];
        Object errors = a[4] == UrllibParseModule.MISSING ? null : a[4];
        Object quoteVia = a[5] == UrllibParseModule.MISSING ? null : a[5];
        List<String> fields = new ArrayList<>();
        for (Object[] pair : pairs(a[0])) {
            String k = quote(quoteVia, pair[0], safe, encoding, errors);
            Object v = pair[1];
            if (!doseq || v instanceof String || v instanceof PyBytes) {
                fields.add(k + "=" + quote(quoteVia, v, safe, encoding, errors));
                continue;
            }
            boolean sized;
            try {
                Items.len(v);
                sized = true;
            } catch (PyExc notSized) {
                sized = false;
            }
            if (!sized) {
                fields.add(k + "=" + quote(quoteVia, v, safe, encoding, errors));
            } else {
                for (Object item : Items.iterate(v)) {
                    fields.add(k + "=" + quote(quoteVia, item, safe, encoding, errors));
                }
            }
        }
        return String.join("&", fields);
    }

    /** bytes quoted as they are, anything else through str(), with quote_via (quote_plus by default). */
    private static String quote(Object quoteVia, Object value, Object safe, Object encoding, Object errors) {
        if (quoteVia == null) {
            return (String) (value instanceof PyBytes ? UrllibParseModule.quotePlus(value, safe, null, null)
                    : UrllibParseModule.quotePlus(Py.str(value), safe, encoding, errors));
        }
        Object[] callArgs = value instanceof PyBytes ? new Object[] {value, safe}
                : new Object[] {Py.str(value), safe, encoding, errors};
        return Py.str(Calls.call(quoteVia, callArgs, null));
    }

    /** The (key, value) pairs: a dict's items, or a sequence whose first item is a tuple. */
    private static List<Object[]> pairs(Object query) {
        List<Object[]> out = new ArrayList<>();
        if (query instanceof PyDict d) {
            for (Map.Entry<Object, Object> e : d.entries()) {
                out.add(new Object[] {e.getKey(), e.getValue()});
            }
            return out;
        }
        if (query instanceof PyObject o && !(query instanceof PyList || query instanceof PyTuple) && o.getAttr("items") != null) {
            query = Calls.call(o.getAttr("items"), Calls.NO_ARGS, null);
        }
        List<Object> items;
        try {
            items = Items.toList(query);
            if (!items.isEmpty() && !(items.get(0) instanceof PyTuple)) {
                throw PyExc.typeError("not a tuple");
            }
        } catch (PyExc e) {
            throw PyExc.typeError("not a valid non-string sequence or mapping object");
        }
        for (Object item : items) {
            List<Object> pair = Items.toList(item);
            if (pair.size() != 2) {
                throw PyExc.valueError(pair.size() > 2 ? "too many values to unpack (expected 2)"
                        : "not enough values to unpack (expected 2, got " + pair.size() + ")");
            }
            out.add(new Object[] {pair.get(0), pair.get(1)});
        }
        return out;
    }
}
