package dev.sequor.expr.python.subset;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only reader of the Python expressions the differential case files hold, evaluated straight through the
 * Java API ({@link Calls}, {@link Attrs}, {@link Items}, {@link Arith}): literals, names (builtins and the helper
 * functions of {@link TestPrelude}), calls with keyword arguments, attributes, method calls, subscripts and the
 * binary operators. The same text is evaluated by GraalPy (with the same prelude in Python) to get the expected
 * results, so a case file line is one differential test.
 */
final class CallExpressions {

    private final String src;
    private int pos;

    private CallExpressions(String src) {
        this.src = src;
    }

    static Object eval(String src) {
        CallExpressions p = new CallExpressions(src);
        Object v = p.expr();
        p.skip();
        if (p.pos != src.length()) {
            throw new IllegalArgumentException("unparsed: " + src.substring(p.pos) + " in " + src);
        }
        return v;
    }

    private Object expr() {
        return binary(0);
    }

    private static final String[][] LEVELS = {{"|"}, {"^"}, {"&"}, {"+", "-"}, {"*", "//", "/", "%"}};

    private Object binary(int level) {
        if (level == LEVELS.length) {
            return unary();
        }
        Object left = binary(level + 1);
        while (true) {
            String op = peekOp(LEVELS[level]);
            if (op == null) {
                return left;
            }
            pos += op.length();
            Object right = binary(level + 1);
            left = Arith.binary(operator(op), left, right);
        }
    }

    private static dev.sequor.expr.python.syntax.Node.BinOperator operator(String op) {
        for (var o : dev.sequor.expr.python.syntax.Node.BinOperator.values()) {
            if (o.symbol.equals(op)) {
                return o;
            }
        }
        throw new IllegalArgumentException(op);
    }

    private String peekOp(String[] ops) {
        skip();
        for (String op : ops) {
            if (src.startsWith(op, pos) && !src.startsWith(op + "=", pos)
                    && !(op.equals("/") && src.startsWith("//", pos)) && !(op.equals("*") && src.startsWith("**", pos))) {
                return op;
            }
        }
        return null;
    }

    private Object unary() {
        skip();
        if (src.startsWith("-", pos)) {
            pos++;
            return Arith.negate(unary());
        }
        Object base = postfix();
        skip();
        if (src.startsWith("**", pos)) {
            pos += 2;
            return Arith.pow(base, unary());
        }
        return base;
    }

    private Object postfix() {
        Object v = atom();
        while (true) {
            skip();
            if (peek('.')) {
                pos++;
                String name = ident();
                skip();
                if (peek('(')) {
                    pos++;
                    List<Object> args = new ArrayList<>();
                    Kwargs kw = arguments(args);
                    v = Attrs.callMethod(v, name, args.toArray(), kw);
                } else {
                    v = Attrs.get(v, name);
                }
            } else if (peek('(')) {
                pos++;
                List<Object> args = new ArrayList<>();
                Kwargs kw = arguments(args);
                v = Calls.call(v, args.toArray(), kw);
            } else if (peek('[')) {
                pos++;
                Object index = subscript();
                expect(']');
                v = Items.getItem(v, index);
            } else {
                return v;
            }
        }
    }

    private Object subscript() {
        Object[] parts = new Object[3];
        int n = 0;
        boolean slice = false;
        while (true) {
            skip();
            if (peek(':')) {
                pos++;
                slice = true;
                n++;
                continue;
            }
            if (peek(']')) {
                break;
            }
            parts[n] = expr();
        }
        return slice ? new PySlice(parts[0], parts[1], parts[2]) : parts[0];
    }

    /** After '(': positional and keyword arguments up to ')'. */
    private Kwargs arguments(List<Object> args) {
        Kwargs kw = null;
        while (true) {
            skip();
            if (peek(')')) {
                pos++;
                return kw;
            }
            int save = pos;
            if (Character.isJavaIdentifierStart(src.charAt(pos))) {
                String name = ident();
                skip();
                if (peek('=') && !src.startsWith("==", pos)) {
                    pos++;
                    if (kw == null) {
                        kw = new Kwargs();
                    }
                    kw.put(name, expr());
                    comma();
                    continue;
                }
                pos = save;
            }
            args.add(expr());
            comma();
        }
    }

    private void comma() {
        skip();
        if (peek(',')) {
            pos++;
        }
    }

    private Object atom() {
        skip();
        char c = src.charAt(pos);
        if (c == '(') {
            pos++;
            List<Object> items = new ArrayList<>();
            boolean tuple = false;
            while (true) {
                skip();
                if (peek(')')) {
                    pos++;
                    break;
                }
                items.add(expr());
                skip();
                if (peek(',')) {
                    pos++;
                    tuple = true;
                }
            }
            return tuple || items.isEmpty() ? new PyTuple(items.toArray()) : items.get(0);
        }
        if (c == '[') {
            pos++;
            PyList out = new PyList();
            while (true) {
                skip();
                if (peek(']')) {
                    pos++;
                    return out;
                }
                out.add(expr());
                comma();
            }
        }
        if (c == '{') {
            return braces();
        }
        if (c == '\'' || c == '"') {
            return string();
        }
        if (c == 'b' && pos + 1 < src.length() && (src.charAt(pos + 1) == '\'' || src.charAt(pos + 1) == '"')) {
            pos++;
            String s = string();
            byte[] bytes = new byte[s.length()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) s.charAt(i);
            }
            return new PyBytes(bytes);
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        String name = ident();
        return switch (name) {
            case "None" -> null;
            case "True" -> true;
            case "False" -> false;
            default -> {
                Object v = TestPrelude.lookup(name);
                if (v == null) {
                    v = Builtins.lookup(name);
                }
                if (v == null) {
                    throw PyExc.nameError(name);
                }
                yield v;
            }
        };
    }

    private Object braces() {
        pos++;
        PyDict dict = null;
        PySet set = null;
        while (true) {
            skip();
            if (peek('}')) {
                pos++;
                return set != null ? set : dict != null ? dict : new PyDict();
            }
            Object k = expr();
            skip();
            if (peek(':')) {
                pos++;
                if (dict == null) {
                    dict = new PyDict();
                }
                dict.put(k, expr());
            } else {
                if (set == null) {
                    set = new PySet();
                }
                set.add(k);
            }
            comma();
        }
    }

    private Object number() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.'
                || src.charAt(pos) == '_'
                || (src.charAt(pos) == '-' || src.charAt(pos) == '+') && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E'))) {
            pos++;
        }
        String text = src.substring(start, pos).replace("_", "");
        if (text.startsWith("0x")) {
            return Ints.normalize(new BigInteger(text.substring(2), 16));
        }
        if (text.contains(".") || text.contains("e") || text.contains("E")) {
            return Double.parseDouble(text);
        }
        return Ints.normalize(new BigInteger(text));
    }

    private String string() {
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
                case '0' -> sb.append('\0');
                case 'x' -> {
                    sb.append((char) Integer.parseInt(src.substring(pos, pos + 2), 16));
                    pos += 2;
                }
                case 'u' -> {
                    sb.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> sb.append(e);
            }
        }
        pos++;
        return sb.toString();
    }

    private String ident() {
        skip();
        int start = pos;
        while (pos < src.length() && (Character.isJavaIdentifierPart(src.charAt(pos)))) {
            pos++;
        }
        if (start == pos) {
            throw new IllegalArgumentException("expected a name at " + pos + " in " + src);
        }
        return src.substring(start, pos);
    }

    private boolean peek(char c) {
        return pos < src.length() && src.charAt(pos) == c;
    }

    private void expect(char c) {
        skip();
        if (!peek(c)) {
            throw new IllegalArgumentException("expected " + c + " at " + pos + " in " + src);
        }
        pos++;
    }

    private void skip() {
        while (pos < src.length() && src.charAt(pos) == ' ') {
            pos++;
        }
    }
}
