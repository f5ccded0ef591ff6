package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A small evaluator of Python expressions for the module tests, so each case can be written as the very line
 * GraalPy evaluated ({@code __import__('json').dumps({'a': 1}, indent=2)}): literals, {@code __import__}, calls with
 * keywords, attributes, indexing, unary minus and the binary operators, and a few builtins (float, str, repr, len,
 * list, tuple, sorted, abs, round, int, bool, type, isinstance). It is test scaffolding, not the snippet compiler:
 * it stays independent of the parser being written elsewhere.
 */
final class PyExpressions {

    private final String src;
    private int pos;

    private PyExpressions(String src) {
        this.src = src;
    }

    /** What the GraalPy tool prints for the expression: {@code OK repr} or {@code ERR Type: message}. */
    static String outcome(String expression) {
        try {
            return "OK " + Py.repr(eval(expression));
        } catch (PyExc e) {
            return "ERR " + e.type().name() + ": " + e.getMessage();
        }
    }

    static Object eval(String expression) {
        PyExpressions p = new PyExpressions(expression);
        Object v = p.expr();
        p.skipSpaces();
        if (p.pos != p.src.length()) {
            throw new IllegalArgumentException("unparsed: " + expression.substring(p.pos));
        }
        return v;
    }

    private void skipSpaces() {
        while (pos < src.length() && src.charAt(pos) == ' ') {
            pos++;
        }
    }

    private boolean eat(String token) {
        skipSpaces();
        if (src.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!eat(token)) {
            throw new IllegalArgumentException("expected " + token + " at " + pos + " in " + src);
        }
    }

    private Object expr() {
        Object left = arith();
        for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
            if (eat(op)) {
                Object right = arith();
                return switch (op) {
                    case "==" -> Py.eq(left, right);
                    case "!=" -> !Py.eq(left, right);
                    case "<=" -> Py.le(left, right);
                    case ">=" -> Py.ge(left, right);
                    case "<" -> Py.lt(left, right);
                    default -> Py.gt(left, right);
                };
            }
        }
        return left;
    }

    private Object arith() {
        Object v = term();
        while (true) {
            if (eat("+")) {
                v = Arith.add(v, term());
            } else if (eat("-")) {
                v = Arith.sub(v, term());
            } else {
                return v;
            }
        }
    }

    private Object term() {
        Object v = unary();
        while (true) {
            if (eat("//")) {
                v = Arith.floorDiv(v, unary());
            } else if (eat("/")) {
                v = Arith.div(v, unary());
            } else if (!src.startsWith("**", skip()) && eat("*")) {
                v = Arith.mul(v, unary());
            } else if (eat("%")) {
                v = Arith.mod(v, unary());
            } else {
                return v;
            }
        }
    }

    private int skip() {
        skipSpaces();
        return pos;
    }

    private Object unary() {
        if (eat("-")) {
            return Arith.negate(unary());
        }
        Object base = postfix();
        if (eat("**")) {
            return Arith.pow(base, unary());
        }
        return base;
    }

    private Object postfix() {
        Object v = atom();
        while (true) {
            if (eat(".")) {
                String name = name();
                if (eat("(")) {
                    Kwargs kwargs = new Kwargs();
                    Object[] args = args(kwargs);
                    v = callMethod(v, name, args, kwargs.isEmpty() ? null : kwargs);
                } else {
                    v = v instanceof BigDecimal d ? DecimalMethods.attr(d, name) : Attrs.get(v, name);
                }
            } else if (eat("(")) {
                Kwargs kwargs = new Kwargs();
                Object[] args = args(kwargs);
                v = Calls.call(v, args, kwargs.isEmpty() ? null : kwargs);
            } else if (eat("[")) {
                Object index = expr();
                expect("]");
                v = Items.getItem(v, index);
            } else {
                return v;
            }
        }
    }

    /** Decimal's methods are dispatched by NumberMethods, written elsewhere; the tests reach them directly. */
    private static Object callMethod(Object obj, String name, Object[] args, Kwargs kwargs) {
        if (obj instanceof BigDecimal d) {
            Object r = DecimalMethods.call(d, name, args, kwargs);
            if (r == Attrs.NO_METHOD) {
                throw PyExc.noAttribute(obj, name);
            }
            return r;
        }
        return Attrs.callMethod(obj, name, args, kwargs);
    }

    private Object[] args(Kwargs kwargs) {
        List<Object> args = new ArrayList<>();
        while (!eat(")")) {
            int save = skip();
            if (Character.isJavaIdentifierStart(src.charAt(pos))) {
                String name = name();
                if (eat("=") && !src.startsWith("=", pos)) {
                    kwargs.put(name, expr());
                    eat(",");
                    continue;
                }
                pos = save;
            }
            args.add(expr());
            eat(",");
        }
        return args.toArray();
    }

    private String name() {
        skipSpaces();
        int start = pos;
        while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private Object atom() {
        skipSpaces();
        char c = src.charAt(pos);
        if (c == '(') {
            pos++;
            List<Object> items = new ArrayList<>();
            boolean tuple = false;
            while (!eat(")")) {
                items.add(expr());
                if (eat(",")) {
                    tuple = true;
                }
            }
            return tuple || items.isEmpty() ? new PyTuple(items.toArray()) : items.get(0);
        }
        if (c == '[') {
            pos++;
            PyList list = new PyList();
            while (!eat("]")) {
                list.add(expr());
                eat(",");
            }
            return list;
        }
        if (c == '{') {
            pos++;
            PyDict dict = new PyDict();
            PySet set = new PySet();
            boolean isSet = false;
            while (!eat("}")) {
                Object key = expr();
                if (eat(":")) {
                    dict.put(key, expr());
                } else {
                    isSet = true;
                    set.add(key);
                }
                eat(",");
            }
            return isSet ? set : dict;
        }
        if (c == '\'' || c == '"') {
            return string(false);
        }
        if (c == 'b' && pos + 1 < src.length() && (src.charAt(pos + 1) == '\'' || src.charAt(pos + 1) == '"')) {
            pos++;
            return string(true);
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        String name = name();
        return switch (name) {
            case "None" -> null;
            case "True" -> true;
            case "False" -> false;
            default -> builtin(name);
        };
    }

    private Object number() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.'
                || ((src.charAt(pos) == '+' || src.charAt(pos) == '-') && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E')))) {
            pos++;
        }
        String text = src.substring(start, pos);
        if (text.contains(".") || text.contains("e") || text.contains("E")) {
            return Double.parseDouble(text);
        }
        return Ints.normalize(new BigInteger(text));
    }

    private Object string(boolean bytes) {
        char quote = src.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (src.charAt(pos) != quote) {
            char c = src.charAt(pos++);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = src.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case '0' -> sb.append('\0');
                case 'x' -> {
                    sb.append((char) Integer.parseInt(src.substring(pos, pos + 2), 16));
                    pos += 2;
                }
                case 'u' -> {
                    sb.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                case 'U' -> {
                    sb.appendCodePoint(Integer.parseInt(src.substring(pos, pos + 8), 16));
                    pos += 8;
                }
                default -> sb.append(e);
            }
        }
        pos++;
        if (!bytes) {
            return sb.toString();
        }
        byte[] out = new byte[sb.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) sb.charAt(i);
        }
        return new PyBytes(out);
    }

    private static Object builtin(String name) {
        return switch (name) {
            case "__import__" -> (PyCallable) (args, kw) -> {
                String module = (String) args[0];
                if (Modules.find(module) == null) {
                    throw new IllegalArgumentException("no module " + module);
                }
                return Modules.find(module.split("\\.")[0]);
            };
            case "float" -> (PyCallable) (args, kw) -> {
                Object v = args[0];
                if (v instanceof String s) {
                    return switch (s) {
                        case "nan" -> Double.NaN;
                        case "inf" -> Double.POSITIVE_INFINITY;
                        case "-inf" -> Double.NEGATIVE_INFINITY;
                        default -> Double.parseDouble(s);
                    };
                }
                return v instanceof BigDecimal d ? DecimalMethods.toFloat(d) : Arith.toDouble(v);
            };
            case "int" -> (PyCallable) (args, kw) -> args[0] instanceof BigDecimal d ? DecimalMethods.toInt(d)
                    : Ints.of(args[0]);
            case "round" -> (PyCallable) (args, kw) -> DecimalMethods.round((BigDecimal) args[0], args.length > 1 ? args[1] : null);
            case "abs" -> (PyCallable) (args, kw) -> args[0] instanceof PyTimedelta ? TimedeltaArith.abs(args[0])
                    : args[0] instanceof BigDecimal d ? d.abs() : Py.lt(args[0], 0L) ? Arith.negate(args[0]) : args[0];
            case "str" -> (PyCallable) (args, kw) -> Py.str(args[0]);
            case "repr" -> (PyCallable) (args, kw) -> Py.repr(args[0]);
            case "bool" -> (PyCallable) (args, kw) -> Py.truthy(args[0]);
            case "len" -> (PyCallable) (args, kw) -> (long) Items.len(args[0]);
            case "list" -> (PyCallable) (args, kw) -> new PyList(Items.toList(args[0]));
            case "tuple" -> (PyCallable) (args, kw) -> new PyTuple(Items.toList(args[0]).toArray());
            case "sorted" -> (PyCallable) (args, kw) -> {
                List<Object> items = Items.toList(args[0]);
                items.sort((a, b) -> Py.compare(a, b, "<"));
                return new PyList(items);
            };
            case "set" -> (PyCallable) (args, kw) -> {
                PySet set = new PySet();
                if (args.length > 0) {
                    Items.iterate(args[0]).forEach(set::add);
                }
                return set;
            };
            case "type" -> (PyCallable) (args, kw) -> PyTypes.of(args[0]);
            case "isinstance" -> (PyCallable) (args, kw) -> ((PyType) args[1]).isInstance(args[0]);
            default -> throw new IllegalArgumentException("unknown name " + name);
        };
    }
}
