package dev.sequor.expr.python.subset;

/**
 * {@code bytes.fromhex(string)}, a class method (also read from a bytes value), as CPython's _PyBytes_FromHex: pairs
 * of hex digits, ASCII whitespace skipped before each pair. The error names the position CPython reports: the first
 * non-ASCII character if there is one (whatever comes before it), else the digit that is not one, a missing second
 * digit counting as the position just past it.
 */
final class BytesHex {

    private static final MethodSig SIG = MethodSig.of("bytes.fromhex", 1, false, "string");

    private BytesHex() {
    }

    static PyBytes fromHex(Object[] args, Kwargs kwargs) {
        Object arg = SIG.bind(args, kwargs)[0];
        if (!(arg instanceof String s)) {
            throw PyExc.typeError("fromhex() argument must be str, not " + Py.typeName(arg));
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                throw invalid(s.codePointCount(0, i));
            }
        }
        byte[] out = new byte[s.length() / 2];
        int n = 0;
        int i = 0;
        while (i < s.length()) {
            if (isSpace(s.charAt(i))) {
                while (i < s.length() && isSpace(s.charAt(i))) {
                    i++;
                }
                if (i >= s.length()) {
                    break;
                }
            }
            int top = Character.digit(s.charAt(i), 16);
            if (top < 0) {
                throw invalid(i);
            }
            i++;
            int bottom = i < s.length() ? Character.digit(s.charAt(i), 16) : -1;
            if (bottom < 0) {
                throw invalid(i);
            }
            i++;
            out[n++] = (byte) (top << 4 | bottom);
        }
        return new PyBytes(java.util.Arrays.copyOf(out, n));
    }

    /** CPython's Py_ISSPACE: ASCII whitespace. */
    private static boolean isSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    private static PyExc invalid(int position) {
        return PyExc.valueError("non-hexadecimal number found in fromhex() arg at position " + position);
    }
}
