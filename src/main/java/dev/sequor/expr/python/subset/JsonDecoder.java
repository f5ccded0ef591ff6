package dev.sequor.expr.python.subset;

import java.math.BigInteger;

/**
 * {@code json.loads}: a parser following CPython's scanner step by step, so that malformed input fails with the
 * same {@code JSONDecodeError} text and position users see under GraalPy ({@code Expecting value: line 1 column 1
 * (char 0)}). Positions count code points, as Python's do.
 */
final class JsonDecoder {

    private final int[] cps;
    private final int length;
    /** Where the value the last scan method returned ends. */
    private int end;
    /** Open arrays and objects: Python's recursion limit stops deep nesting, and Java's stack must not. */
    private int depth;

    /** About Python's default recursion limit (1000) less the frames of the call that decodes. */
    static final int MAX_DEPTH = 990;

    private JsonDecoder(String s) {
        this.cps = s.codePoints().toArray();
        this.length = cps.length;
    }

    static Object loads(String text) {
        JsonDecoder d = new JsonDecoder(text);
        if (d.length > 0 && d.cps[0] == 0xFEFF) {
            throw d.error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
        }
        int idx = d.skipWhitespace(0);
        Object result = d.scanOnce(idx);
        int end = d.skipWhitespace(d.end);
        if (end != d.length) {
            throw d.error("Extra data", end);
        }
        return result;
    }

    /** JSONDecodeError with CPython's {@code msg: line L column C (char P)}. */
    private PyExc error(String msg, int pos) {
        int line = 1;
        int lastNewline = -1;
        for (int i = 0; i < pos && i < length; i++) {
            if (cps[i] == '\n') {
                line++;
                lastNewline = i;
            }
        }
        int column = pos - lastNewline;
        return new PyExc(PyExcType.JSON_DECODE_ERROR, msg + ": line " + line + " column " + column + " (char " + pos + ")");
    }

    private int skipWhitespace(int idx) {
        while (idx < length && isWhitespace(cps[idx])) {
            idx++;
        }
        return idx;
    }

    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** The value starting at idx; "Expecting value" when nothing valid starts there. */
    private Object scanOnce(int idx) {
        if (idx >= length) {
            throw error("Expecting value", idx);
        }
        int c = cps[idx];
        switch (c) {
            case '"':
                return scanString(idx + 1);
            case '{':
                return object(idx + 1);
            case '[':
                return array(idx + 1);
            case 'n':
                if (matches(idx, "null")) {
                    return done(null, idx + 4);
                }
                break;
            case 't':
                if (matches(idx, "true")) {
                    return done(true, idx + 4);
                }
                break;
            case 'f':
                if (matches(idx, "false")) {
                    return done(false, idx + 5);
                }
                break;
            case 'N':
                if (matches(idx, "NaN")) {
                    return done(Double.NaN, idx + 3);
                }
                break;
            case 'I':
                if (matches(idx, "Infinity")) {
                    return done(Double.POSITIVE_INFINITY, idx + 8);
                }
                break;
            case '-':
                if (matches(idx, "-Infinity")) {
                    return done(Double.NEGATIVE_INFINITY, idx + 9);
                }
                break;
            default:
                break;
        }
        return number(idx);
    }

    private Object done(Object value, int endIndex) {
        end = endIndex;
        return value;
    }

    private boolean matches(int idx, String word) {
        if (idx + word.length() > length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (cps[idx + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean isDigit(int idx) {
        return idx < length && cps[idx] >= '0' && cps[idx] <= '9';
    }

    /** CPython's _match_number: -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?, float when it has a fraction or exponent. */
    private Object number(int start) {
        int idx = start;
        if (idx < length && cps[idx] == '-') {
            idx++;
        }
        if (isDigit(idx) && cps[idx] != '0') {
            while (isDigit(idx)) {
                idx++;
            }
        } else if (isDigit(idx)) {
            idx++;
        } else {
            throw error("Expecting value", start);
        }
        boolean isFloat = false;
        if (idx < length - 1 && cps[idx] == '.' && isDigit(idx + 1)) {
            isFloat = true;
            idx += 2;
            while (isDigit(idx)) {
                idx++;
            }
        }
        if (idx < length - 1 && (cps[idx] == 'e' || cps[idx] == 'E')) {
            int eStart = idx;
            idx++;
            if (idx < length - 1 && (cps[idx] == '-' || cps[idx] == '+')) {
                idx++;
            }
            int digitsStart = idx;
            while (isDigit(idx)) {
                idx++;
            }
            if (idx > digitsStart) {
                isFloat = true;
            } else {
                idx = eStart;
            }
        }
        String text = new String(cps, start, idx - start);
        Object value = isFloat ? (Object) Double.parseDouble(text) : Ints.normalize(new BigInteger(text));
        return done(value, idx);
    }

    /** The string whose opening quote is at start - 1. */
    private Object scanString(int start) {
        int begin = start - 1;
        StringBuilder sb = new StringBuilder();
        int idx = start;
        while (true) {
            if (idx >= length) {
                throw error("Unterminated string starting at", begin);
            }
            int c = cps[idx];
            if (c == '"') {
                return done(sb.toString(), idx + 1);
            }
            if (c < 0x20) {
                throw error("Invalid control character at", idx);
            }
            if (c != '\\') {
                sb.appendCodePoint(c);
                idx++;
                continue;
            }
            idx++;
            if (idx >= length) {
                throw error("Unterminated string starting at", begin);
            }
            c = cps[idx];
            if (c != 'u') {
                char decoded = switch (c) {
                    case '"' -> '"';
                    case '\\' -> '\\';
                    case '/' -> '/';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> throw error("Invalid escape", idx); // GraalPy's text and position (CPython's differ)
                };
                sb.append(decoded);
                idx++;
                continue;
            }
            int unit = hex4(idx + 1);
            idx += 5;
            if (Character.isHighSurrogate((char) unit) && idx + 1 < length && cps[idx] == '\\' && cps[idx + 1] == 'u') {
                int low = hex4(idx + 2);
                if (Character.isLowSurrogate((char) low)) {
                    sb.append((char) unit).append((char) low);
                    idx += 6;
                    continue;
                }
            }
            sb.append((char) unit);
        }
    }

    /**
     * The 4 hex digits at idx, or "Invalid \\uXXXX escape": GraalPy reports it at the {@code u} when the text ends
     * too soon (the 4 digits must be followed by something), else at the first bad digit.
     */
    private int hex4(int idx) {
        if (idx + 4 >= length) {
            throw error("Invalid \\uXXXX escape", idx - 1);
        }
        int value = 0;
        for (int i = idx; i < idx + 4; i++) {
            int digit = Character.digit(cps[i], 16);
            if (digit < 0 || cps[i] > 'f') {
                throw error("Invalid \\uXXXX escape", i);
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new PyExc(PyExcType.RECURSION_ERROR, "maximum recursion depth exceeded");
        }
    }

    private Object object(int start) {
        enter();
        PyDict d = new PyDict();
        int idx = skipWhitespace(start);
        if (idx < length && cps[idx] == '}') {
            depth--;
            return done(d, idx + 1);
        }
        while (true) {
            if (idx >= length || cps[idx] != '"') {
                throw error("Expecting property name enclosed in double quotes", idx);
            }
            Object key = scanString(idx + 1);
            idx = skipWhitespace(end);
            if (idx >= length || cps[idx] != ':') {
                throw error("Expecting ':' delimiter", idx);
            }
            idx = skipWhitespace(idx + 1);
            d.put(key, scanOnce(idx));
            idx = skipWhitespace(end);
            if (idx < length && cps[idx] == '}') {
                depth--;
                return done(d, idx + 1);
            }
            if (idx >= length || cps[idx] != ',') {
                throw error("Expecting ',' delimiter", idx);
            }
            idx = skipWhitespace(idx + 1);
        }
    }

    private Object array(int start) {
        enter();
        PyList list = new PyList();
        int idx = skipWhitespace(start);
        if (idx < length && cps[idx] == ']') {
            depth--;
            return done(list, idx + 1);
        }
        while (true) {
            list.add(scanOnce(idx));
            idx = skipWhitespace(end);
            if (idx < length && cps[idx] == ']') {
                depth--;
                return done(list, idx + 1);
            }
            if (idx >= length || cps[idx] != ',') {
                throw error("Expecting ',' delimiter", idx);
            }
            idx = skipWhitespace(idx + 1);
        }
    }
}
