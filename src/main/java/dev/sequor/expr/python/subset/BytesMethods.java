package dev.sequor.expr.python.subset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The methods of Python's bytes that snippets use on what str.encode and hashlib return: decode, hex, find, rfind,
 * index, rindex, count, startswith, endswith, split, rsplit, strip, lstrip, rstrip, upper, lower, replace, join,
 * the class tests ({@link BytesClasses}) and {@code fromhex} ({@link BytesHex}); and {@code in}. GraalPy's argument
 * names and messages ({@link MethodSig}). Bytes whitespace is ASCII's.
 */
final class BytesMethods {

    private static final Map<String, MethodSig> SIGS = sigs();

    private BytesMethods() {
    }

    private static Map<String, MethodSig> sigs() {
        java.util.HashMap<String, MethodSig> m = new java.util.HashMap<>();
        m.put("decode", MethodSig.of("bytes.decode", 0, true, "encoding", "errors"));
        // GraalPy takes sep by keyword but not bytes_per_sep: a name no keyword can match stands for it
        m.put("hex", MethodSig.of("bytes.hex", 0, true, "sep", "\0bytes_per_sep"));
        for (String name : new String[] {"find", "rfind", "index", "rindex", "count"}) {
            m.put(name, MethodSig.of("bytes." + name, 1, true, "sub", "start", "end"));
        }
        m.put("startswith", MethodSig.of("bytes.startswith", 1, true, "prefix", "start", "end"));
        m.put("endswith", MethodSig.of("bytes.endswith", 1, true, "suffix", "start", "end"));
        m.put("split", MethodSig.of("bytes.split", 0, true, "sep", "maxsplit"));
        m.put("rsplit", MethodSig.of("bytes.rsplit", 0, true, "sep", "maxsplit"));
        for (String name : new String[] {"strip", "lstrip", "rstrip"}) {
            m.put(name, MethodSig.of("bytes." + name, 0, false, "a"));
        }
        m.put("upper", MethodSig.of("bytes.upper", 0, false));
        m.put("lower", MethodSig.of("bytes.lower", 0, false));
        m.put("replace", MethodSig.of("bytes.replace", 2, true, "old", "replacement", "count"));
        m.put("join", MethodSig.of("bytes.join", 1, false, "a"));
        for (String name : new String[] {"isascii", "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower",
                "istitle"}) {
            m.put(name, MethodSig.of("bytes." + name, 0, false));
        }
        return Map.copyOf(m);
    }

    static boolean has(String name) {
        return SIGS.containsKey(name) || "fromhex".equals(name);
    }

    static Object call(PyBytes self, String name, Object[] args, Kwargs kwargs) {
        if ("fromhex".equals(name)) { // a class method: the bytes it is read from plays no part
            return BytesHex.fromHex(args, kwargs);
        }
        MethodSig sig = SIGS.get(name);
        if (sig == null) {
            return Attrs.NO_METHOD;
        }
        Object[] a = sig.bind(args, kwargs);
        byte[] b = self.bytes;
        return switch (name) {
            case "decode" -> Codecs.decode(b, // None is not the default here, unlike in str.encode
                    a[0] == MethodSig.MISSING ? "utf-8" : StrArgs.str(a[0], "decode() argument must be str, not "),
                    a[1] == MethodSig.MISSING ? "strict" : StrArgs.str(a[1], "decode() argument must be str, not "));
            case "hex" -> hex(b, a[0], a[1]);
            case "find", "rfind" -> (long) find(b, a[0], a[1], a[2], name.equals("rfind"));
            case "index", "rindex" -> {
                int i = find(b, a[0], a[1], a[2], name.equals("rindex"));
                if (i < 0) {
                    throw PyExc.valueError("subsection not found");
                }
                yield (long) i;
            }
            case "count" -> (long) count(b, a[0], a[1], a[2]);
            case "startswith", "endswith" -> affix(b, a[0], a[1], a[2], name.equals("endswith"));
            case "split", "rsplit" -> split(b, a[0] == MethodSig.MISSING || a[0] == null ? null : bytesArg(a[0]),
                    StrArgs.index(a[1], -1), name.equals("rsplit"));
            case "strip", "lstrip", "rstrip" -> strip(b, a[0] == MethodSig.MISSING || a[0] == null ? null : bytesArg(a[0]),
                    !name.equals("rstrip"), !name.equals("lstrip"));
            case "upper", "lower" -> new PyBytes(asciiCase(b, name.equals("upper")));
            case "replace" -> new PyBytes(latin1(StrSearch.replace(latin1(b), latin1(bytesArg(a[0])), latin1(bytesArg(a[1])),
                    StrArgs.index(a[2], -1))));
            case "join" -> join(b, a[0]);
            case "isascii", "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "istitle" ->
                    BytesClasses.test(name, b);
            default -> throw new IllegalStateException(name);
        };
    }

    /** {@code item in bytes}: an int is one byte (range-checked), bytes a subsequence. */
    static boolean contains(PyBytes self, Object item) {
        if (item instanceof PyBytes sub) {
            return indexOf(self.bytes, sub.bytes, 0, self.bytes.length) >= 0;
        }
        if (Ints.isInt(item)) {
            byte one = byteValue(item);
            for (byte x : self.bytes) {
                if (x == one) {
                    return true;
                }
            }
            return false;
        }
        throw PyExc.typeError("a bytes-like object is required, not '" + Py.typeName(item) + "'");
    }

    private static byte[] bytesArg(Object v) {
        if (v instanceof PyBytes b) {
            return b.bytes;
        }
        throw PyExc.typeError("a bytes-like object is required, not '" + Py.typeName(v) + "'");
    }

    private static byte byteValue(Object v) {
        Object n = Ints.of(v);
        if (!(n instanceof Long l) || l < 0 || l > 255) {
            throw PyExc.valueError("byte must be in range(0, 256)");
        }
        return (byte) (long) l;
    }

    /** The needle of find/count: bytes, or an int standing for one byte. */
    private static byte[] needle(Object v) {
        return Ints.isInt(v) ? new byte[] {byteValue(v)} : bytesArg(v);
    }

    /** Bytes as a string of chars 0-255, so the str algorithms serve bytes unchanged. */
    private static String latin1(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static int find(byte[] b, Object sub, Object start, Object end, boolean reverse) {
        byte[] n = needle(sub);
        int[] r = StrArgs.adjust(start, end, b.length);
        if (r[0] > b.length || r[1] - r[0] < n.length) {
            return -1;
        }
        String s = latin1(b);
        String ns = latin1(n);
        int i = reverse ? s.lastIndexOf(ns, r[1] - n.length) : s.indexOf(ns, r[0]);
        return i < r[0] || i + n.length > r[1] ? -1 : i;
    }

    private static int count(byte[] b, Object sub, Object start, Object end) {
        return StrSearch.count(latin1(b), latin1(needle(sub)), start, end);
    }

    private static int indexOf(byte[] b, byte[] n, int from, int to) {
        int i = latin1(b).indexOf(latin1(n), from);
        return i >= 0 && i + n.length <= to ? i : -1;
    }

    private static boolean affix(byte[] b, Object affixArg, Object start, Object end, boolean atEnd) {
        if (affixArg instanceof PyTuple t) {
            for (Object item : t.items) {
                if (matches(b, bytesArg(item), start, end, atEnd)) {
                    return true;
                }
            }
            return false;
        }
        if (!(affixArg instanceof PyBytes one)) {
            throw PyExc.typeError("first arg must be bytes or a tuple of bytes, not " + Py.typeName(affixArg));
        }
        return matches(b, one.bytes, start, end, atEnd);
    }

    private static boolean matches(byte[] b, byte[] affix, Object start, Object end, boolean atEnd) {
        int[] r = StrArgs.adjust(start, end, b.length);
        if (r[1] - r[0] < affix.length || r[0] > b.length) {
            return false;
        }
        int at = atEnd ? r[1] - affix.length : r[0];
        return Arrays.equals(b, at, at + affix.length, affix, 0, affix.length);
    }

    private static boolean isSpace(byte x) {
        return x == ' ' || x == '\t' || x == '\n' || x == '\r' || x == 0x0b || x == 0x0c;
    }

    private static PyList split(byte[] b, byte[] sep, int maxsplit, boolean reverse) {
        List<Object> parts;
        if (sep != null) {
            PyList strs = reverse ? StrSplit.rsplit(latin1(b), latin1(sep), maxsplit) : StrSplit.split(latin1(b), latin1(sep), maxsplit);
            parts = new ArrayList<>(strs.size());
            for (Object s : strs.items) {
                parts.add(new PyBytes(latin1((String) s)));
            }
            return new PyList(parts);
        }
        parts = new ArrayList<>();
        int splits = maxsplit < 0 ? Integer.MAX_VALUE : maxsplit;
        if (!reverse) {
            int i = 0;
            while (true) {
                while (i < b.length && isSpace(b[i])) {
                    i++;
                }
                if (i >= b.length) {
                    break;
                }
                int j = i;
                if (splits-- == 0) {
                    j = b.length;
                } else {
                    while (j < b.length && !isSpace(b[j])) {
                        j++;
                    }
                }
                parts.add(new PyBytes(Arrays.copyOfRange(b, i, j)));
                i = j;
            }
        } else {
            int j = b.length;
            while (true) {
                while (j > 0 && isSpace(b[j - 1])) {
                    j--;
                }
                if (j <= 0) {
                    break;
                }
                int i = j;
                if (splits-- == 0) {
                    i = 0;
                } else {
                    while (i > 0 && !isSpace(b[i - 1])) {
                        i--;
                    }
                }
                parts.add(new PyBytes(Arrays.copyOfRange(b, i, j)));
                j = i;
            }
            java.util.Collections.reverse(parts);
        }
        return new PyList(parts);
    }

    private static PyBytes strip(byte[] b, byte[] chars, boolean left, boolean right) {
        int i = 0;
        int j = b.length;
        if (left) {
            while (i < j && stripped(b[i], chars)) {
                i++;
            }
        }
        if (right) {
            while (j > i && stripped(b[j - 1], chars)) {
                j--;
            }
        }
        return new PyBytes(Arrays.copyOfRange(b, i, j));
    }

    private static boolean stripped(byte x, byte[] chars) {
        if (chars == null) {
            return isSpace(x) || (x >= 0x1c && x <= 0x1f); // GraalPy's strip uses str's ASCII whitespace table
        }
        for (byte c : chars) {
            if (c == x) {
                return true;
            }
        }
        return false;
    }

    private static byte[] asciiCase(byte[] b, boolean upper) {
        byte[] out = b.clone();
        for (int i = 0; i < out.length; i++) {
            byte x = out[i];
            if (upper && x >= 'a' && x <= 'z') {
                out[i] = (byte) (x - 32);
            } else if (!upper && x >= 'A' && x <= 'Z') {
                out[i] = (byte) (x + 32);
            }
        }
        return out;
    }

    private static PyBytes join(byte[] sep, Object iterable) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        boolean first = true;
        for (Object item : Items.iterate(iterable)) {
            if (!(item instanceof PyBytes piece)) {
                throw PyExc.typeError("expected a bytes-like object, " + Py.typeName(item) + " found");
            }
            if (!first) {
                out.writeBytes(sep);
            }
            out.writeBytes(piece.bytes);
            first = false;
        }
        return new PyBytes(out.toByteArray());
    }

    /** bytes.hex(sep, bytes_per_sep): separators every n bytes counted from the right (from the left if n < 0). */
    private static String hex(byte[] b, Object sepArg, Object perArg) {
        StringBuilder sb = new StringBuilder(b.length * 3);
        String sep = null;
        if (sepArg != MethodSig.MISSING && sepArg != null) {
            if (sepArg instanceof String s) {
                sep = s;
            } else if (sepArg instanceof PyBytes sb2) {
                sep = latin1(sb2.bytes);
            } else {
                throw PyExc.typeError("sep must be str or bytes.");
            }
            if (Strs.len(sep) != 1) {
                throw PyExc.valueError("sep must be length 1.");
            }
            if (sep.charAt(0) >= 128) {
                throw PyExc.valueError("sep must be ASCII.");
            }
        }
        long per = 1;
        if (perArg != MethodSig.MISSING) {
            Object n = Ints.of(perArg);
            if (n instanceof java.math.BigInteger) {
                throw PyExc.overflow("Python int too large to convert to C long");
            }
            if (!(n instanceof Long l)) {
                throw PyExc.typeError("'" + Py.typeName(perArg) + "' object cannot be interpreted as an integer");
            }
            per = l;
        }
        long group = Math.abs(per);
        for (int i = 0; i < b.length; i++) {
            if (sep != null && group > 0 && i > 0) {
                long position = per > 0 ? b.length - i : i; // bytes to the right (or left) of this boundary
                if (position % group == 0) {
                    sb.append(sep);
                }
            }
            sb.append(Character.forDigit((b[i] >> 4) & 0xF, 16)).append(Character.forDigit(b[i] & 0xF, 16));
        }
        return sb.toString();
    }
}
