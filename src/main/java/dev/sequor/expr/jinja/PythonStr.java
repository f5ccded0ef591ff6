package dev.sequor.expr.jinja;

import com.hubspot.jinjava.objects.Namespace;
import dev.sequor.db.Row;
import dev.sequor.expr.python.subset.FloatRepr;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Formats Java values the way Python's {@code str()} and {@code repr()} print them, because upstream Sequor renders
 * templates with Jinja2 and users (and conditions such as {@code if}) depend on {@code True}, {@code None},
 * {@code ['a', 1]} and {@code {'a': 1}} rather than Java's {@code true}, {@code null} and {@code [a, 1]}.
 */
final class PythonStr {

    private PythonStr() {
    }

    /** Python's {@code str(value)}: strings as they are, everything else as its repr; an undefined value fails. */
    static String str(Object value) {
        if (value instanceof CharSequence s) {
            return s.toString();
        }
        if (JinjavaStarted.yes() && value instanceof PythonUndefined undefined) {
            throw undefined.error(); // as Jinja2's StrictUndefined in ~, join, format
        }
        StringBuilder out = new StringBuilder();
        appendRepr(out, value);
        return out.toString();
    }

    /** Python's {@code repr(value)}: strings quoted, containers recursively. */
    static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, value);
        return out.toString();
    }

    /** The name Python gives the value's type in error messages ({@code 'dict object' has no attribute ...}). */
    static String typeName(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Row) {
            return "Row";
        }
        if (JinjavaStarted.yes() && value instanceof Namespace) {
            return "jinja2.utils.Namespace";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (JinjavaStarted.yes() && value instanceof PythonTuple) {
            return "tuple";
        }
        if (JinjavaStarted.yes() && value instanceof PythonRange) {
            return "range";
        }
        if (value instanceof Collection) {
            return "list";
        }
        if (value instanceof CharSequence) {
            return "str";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        if (value instanceof BigDecimal) {
            return "decimal.Decimal";
        }
        if (value instanceof Number) {
            return "int";
        }
        return value.getClass().getSimpleName();
    }

    private static void appendRepr(StringBuilder out, Object value) {
        if (value == null) {
            out.append("None");
        } else if (value instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (value instanceof CharSequence s) {
            appendQuoted(out, s.toString());
        } else if (value instanceof Double || value instanceof Float) {
            out.append(floatRepr(((Number) value).doubleValue()));
        } else if (value instanceof BigDecimal d) {
            out.append(d.toString());
        } else if (JinjavaStarted.yes() && value instanceof Namespace ns) {
            out.append("<Namespace ");
            appendMap(out, ns);
            out.append('>');
        } else if (value instanceof Map<?, ?> map) {
            appendMap(out, map);
        } else if (value instanceof Map.Entry<?, ?> e) {
            out.append('(');
            appendRepr(out, e.getKey());
            out.append(", ");
            appendRepr(out, e.getValue());
            out.append(')');
        } else if (JinjavaStarted.yes() && value instanceof PythonTuple tuple) {
            appendItems(out, tuple.iterator(), '(', tuple.size() == 1 ? ",)" : ")");
        } else if (JinjavaStarted.yes() && value instanceof PythonRange range) {
            out.append(range);
        } else if (value instanceof Collection<?> items) {
            appendItems(out, items.iterator());
        } else if (value instanceof Object[] items) {
            appendItems(out, java.util.Arrays.asList(items).iterator());
        } else if (value instanceof LocalDateTime t) {
            out.append(t.toString().replace('T', ' '));
        } else if (value instanceof OffsetDateTime t) {
            out.append(t.toLocalDateTime().toString().replace('T', ' ')).append(t.getOffset().getId().replace("Z", "+00:00"));
        } else {
            out.append(value);
        }
    }

    private static void appendMap(StringBuilder out, Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            appendRepr(out, e.getKey());
            out.append(": ");
            appendRepr(out, e.getValue());
        }
        out.append('}');
    }

    private static void appendItems(StringBuilder out, Iterator<?> items) {
        appendItems(out, items, '[', "]");
    }

    private static void appendItems(StringBuilder out, Iterator<?> items, char open, String close) {
        out.append(open);
        boolean first = true;
        while (items.hasNext()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            appendRepr(out, items.next());
        }
        out.append(close);
    }

    /** Python picks single quotes unless the text holds a single quote and no double quote. */
    private static void appendQuoted(StringBuilder out, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append(quote);
    }

    /** Python's float repr ({@code 3.0}, {@code 0.0001}, {@code 1e-05}, {@code 1e+16}). */
    static String floatRepr(double d) {
        return FloatRepr.repr(d);
    }
}
