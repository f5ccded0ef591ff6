package dev.sequor.expr.python.subset;

import java.math.BigInteger;
import java.util.Map;

/**
 * {@code str.format(*args, **kwargs)} and {@code str.format_map(mapping)}, following GraalPy's TemplateFormatter:
 * fields {@code {name!conv:spec}} where name is a position, automatic, or a keyword, followed by {@code .attr} and
 * {@code [key]} lookups; the spec may hold nested fields one level deep; {@code {{}} and {@code }}} are braces.
 * GraalPy's messages, including its "Single '}' encountered" for a lone '{' at the end.
 */
final class StrFormat {

    private enum Numbering { INIT, AUTO, MANUAL }

    private final String template;
    /** Positional arguments; null for format_map, which has none. */
    private final Object[] args;
    private final Map<String, Object> keywords;
    private final Object mapping;
    private int autoIndex;
    private Numbering numbering = Numbering.INIT;

    private StrFormat(String template, Object[] args, Map<String, Object> keywords, Object mapping) {
        this.template = template;
        this.args = args;
        this.keywords = keywords;
        this.mapping = mapping;
    }

    static String format(String template, Object[] args, Map<String, Object> keywords) {
        return new StrFormat(template, args, keywords, null).build(0, template.length(), 2);
    }

    static String formatMap(String template, Object mapping) {
        return new StrFormat(template, null, null, mapping).build(0, template.length(), 2);
    }

    private String build(int start, int end, int level) {
        if (level == 0) {
            throw PyExc.valueError("Recursion depth exceeded");
        }
        String s = template;
        StringBuilder out = new StringBuilder();
        int lastLiteral = start;
        int i = start;
        while (i < end) {
            char c = s.charAt(i++);
            if (c != '{' && c != '}') {
                continue;
            }
            boolean atEnd = i == end;
            boolean markup = true;
            if (c == '}') {
                if (atEnd || s.charAt(i) != '}') {
                    throw PyExc.valueError("Single '}' encountered in format string");
                }
                i++;
                markup = false;
            } else {
                if (atEnd) {
                    throw PyExc.valueError("Single '{' encountered in format string");
                }
                if (s.charAt(i) == '{') {
                    i++;
                    markup = false;
                }
            }
            out.append(s, lastLiteral, i - 1);
            if (!markup) {
                lastLiteral = i;
                continue;
            }
            int nested = 1;
            int fieldStart = i;
            boolean recursive = false;
            while (i < end) {
                c = s.charAt(i);
                if (c == '{') {
                    recursive = true;
                    nested++;
                } else if (c == '}') {
                    if (--nested == 0) {
                        break;
                    }
                } else if (c == '[') {
                    i++;
                    while (i < end && s.charAt(i) != ']') {
                        i++;
                    }
                    continue;
                }
                i++;
            }
            if (nested > 0) {
                throw PyExc.valueError("expected '}' before end of string");
            }
            out.append(render(fieldStart, i, recursive, level - 1));
            i++;
            lastLiteral = i;
        }
        return out.append(s, lastLiteral, end).toString();
    }

    private String render(int start, int end, boolean recursive, int level) {
        String s = template;
        String name = s.substring(start, end);
        char conversion = 0;
        int specStart = end;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == ':' || c == '!') {
                name = s.substring(start, i);
                i++;
                if (c == '!') {
                    if (i == end) {
                        throw PyExc.valueError("expected conversion");
                    }
                    conversion = s.charAt(i++);
                    if (i < end) {
                        if (s.charAt(i) != ':') {
                            throw PyExc.valueError("expected ':' after conversion specifier");
                        }
                        i++;
                    }
                }
                specStart = i;
                break;
            } else if (c == '[') {
                while (i + 1 < end && s.charAt(i + 1) != ']') {
                    i++;
                }
            } else if (c == '{') {
                throw PyExc.valueError("unexpected '{' in field name");
            }
        }
        Object value = argument(name);
        if (conversion != 0) {
            value = switch (conversion) {
                case 'r' -> Py.repr(value);
                case 's' -> Py.str(value);
                case 'a' -> Builtins.ascii(value);
                default -> throw PyExc.valueError("invalid conversion");
            };
        }
        String spec = recursive ? build(specStart, end, level) : s.substring(specStart, end);
        return Formats.format(value, spec);
    }

    private Object argument(String name) {
        int i = 0;
        while (i < name.length() && name.charAt(i) != '[' && name.charAt(i) != '.') {
            i++;
        }
        boolean empty = i == 0;
        String first = name.substring(0, i);
        int index = empty ? -1 : toIndex(first);
        boolean numeric = empty || index != -1;
        if (numeric) {
            if (numbering == Numbering.INIT) {
                numbering = empty ? Numbering.AUTO : Numbering.MANUAL;
            }
            if (numbering == Numbering.MANUAL && empty) {
                throw PyExc.valueError("switching from manual to automatic numbering");
            }
            if (numbering == Numbering.AUTO && !empty) {
                throw PyExc.valueError("switching from automatic to manual numbering");
            }
        }
        if (empty) {
            index = autoIndex++;
        }
        Object value;
        if (index == -1) {
            value = keyword(first);
        } else {
            if (args == null) {
                throw PyExc.valueError("Format string contains positional fields");
            }
            if (index >= args.length) {
                throw PyExc.indexError("Replacement index " + index + " out of range for positional args tuple");
            }
            value = args[index];
        }
        return lookups(value, name, i);
    }

    private Object keyword(String key) {
        if (mapping != null) {
            return Items.getItem(mapping, key);
        }
        if (!keywords.containsKey(key)) {
            throw PyExc.keyError(key);
        }
        return keywords.get(key);
    }

    /** {@code .attr} and {@code [key]} after the first name; a key of digits is an int index. */
    private static Object lookups(Object value, String name, int from) {
        Object result = value;
        int i = from;
        int end = name.length();
        while (i < end) {
            char c = name.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < end && name.charAt(i) != '[' && name.charAt(i) != '.') {
                    i++;
                }
                if (start == i) {
                    throw PyExc.valueError("Empty attribute in format string");
                }
                result = attribute(result, name.substring(start, i));
            } else if (c == '[') {
                int start = ++i;
                while (i < end && name.charAt(i) != ']') {
                    i++;
                }
                if (i >= end) {
                    throw PyExc.valueError("Missing ']'");
                }
                String key = name.substring(start, i);
                if (key.isEmpty()) {
                    throw PyExc.valueError("Empty attribute in format string");
                }
                int index = toIndex(key);
                result = Items.getItem(result, index != -1 ? (Object) (long) index : key);
                i++;
            } else {
                throw PyExc.valueError("Only '[' and '.' may follow ']'");
            }
        }
        return result;
    }

    /**
     * The attribute of a {@code {0.name}} field: a missing one is CPython's AttributeError. GraalPy 25.2 answers None,
     * which printed 'None' where a template written for objects met a dict ({@code '{r.name}'.format(r=row)}).
     */
    private static Object attribute(Object value, String name) {
        return Attrs.get(value, name);
    }

    /** A non-negative decimal number, or -1 (then the text is a name or key), as GraalPy reads field names. */
    private static int toIndex(String s) {
        try {
            BigInteger n = new BigInteger(s);
            if (n.signum() < 0) {
                return -1;
            }
            return n.intValueExact();
        } catch (NumberFormatException e) {
            return -1;
        } catch (ArithmeticException e) {
            throw PyExc.valueError("Too many decimal digits in format string");
        }
    }
}
