package dev.sequor.expr.python.subset;

import java.util.Map;

/**
 * The methods of Python's str (3.12) on Java strings, answering as GraalPy does, down to its argument names and
 * error messages (see {@link MethodSig}). Searching is in {@link StrSearch}, splitting and stripping in
 * {@link StrSplit}, character classes and case in {@link Unicode}, codecs in {@link Codecs}, str.format in
 * {@link StrFormat}. {@code maketrans} is left out (it is a static method snippets rarely need).
 */
final class StrMethods {

    private static final Map<String, MethodSig> SIGS = sigs();

    private StrMethods() {
    }

    private static Map<String, MethodSig> sigs() {
        java.util.HashMap<String, MethodSig> m = new java.util.HashMap<>();
        for (String name : new String[] {"capitalize", "casefold", "isalnum", "isalpha", "isascii", "isdecimal",
                "isdigit", "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper",
                "lower", "swapcase", "title", "upper"}) {
            m.put(name, MethodSig.of("str." + name, 0, false));
        }
        for (String name : new String[] {"find", "rfind", "index", "rindex", "count"}) {
            m.put(name, MethodSig.of("str." + name, 1, true, "sub", "start", "end"));
        }
        m.put("startswith", MethodSig.of("str.startswith", 1, true, "prefix", "start", "end"));
        m.put("endswith", MethodSig.of("str.endswith", 1, true, "suffix", "start", "end"));
        for (String name : new String[] {"center", "ljust", "rjust"}) {
            m.put(name, MethodSig.of("str." + name, 1, false, "a", "b"));
        }
        for (String name : new String[] {"strip", "lstrip", "rstrip"}) {
            m.put(name, MethodSig.of("str." + name, 0, false, "a"));
        }
        for (String name : new String[] {"zfill", "partition", "rpartition", "join", "translate"}) {
            m.put(name, MethodSig.of("str." + name, 1, false, "a"));
        }
        m.put("replace", MethodSig.of("str.replace", 2, false, "a", "b", "c"));
        m.put("removeprefix", MethodSig.of("str.removeprefix", 1, true, "prefix"));
        m.put("removesuffix", MethodSig.of("str.removesuffix", 1, true, "suffix"));
        m.put("expandtabs", MethodSig.of("str.expandtabs", 0, true, "tabsize"));
        m.put("split", MethodSig.of("str.split", 0, true, "sep", "maxsplit"));
        m.put("rsplit", MethodSig.of("str.rsplit", 0, true, "sep", "maxsplit"));
        m.put("splitlines", MethodSig.of("str.splitlines", 0, true, "keepends"));
        m.put("format_map", MethodSig.of("str.format_map", 1, true, "mapping"));
        m.put("encode", MethodSig.of("str.encode", 0, true, "encoding", "errors"));
        return Map.copyOf(m);
    }

    static boolean has(String name) {
        return SIGS.containsKey(name) || "format".equals(name) || "maketrans".equals(name);
    }

    static Object call(String self, String name, Object[] args, Kwargs kwargs) {
        if ("format".equals(name)) {
            return StrFormat.format(self, args, kwargs == null ? Map.of() : kwargs);
        }
        if ("maketrans".equals(name)) { // a static method: the str it is read from plays no part
            return StrMaketrans.maketrans(args, kwargs);
        }
        MethodSig sig = SIGS.get(name);
        if (sig == null) {
            return Attrs.NO_METHOD;
        }
        Object[] a = sig.bind(args, kwargs);
        return switch (name) {
            case "capitalize" -> Unicode.capitalize(self);
            case "casefold" -> Unicode.casefold(self);
            case "lower" -> Unicode.lower(self);
            case "upper" -> Unicode.upper(self);
            case "swapcase" -> Unicode.swapcase(self);
            case "title" -> Unicode.title(self);
            case "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isnumeric", "isprintable", "isspace" ->
                    StrClasses.every(self, name);
            case "isidentifier" -> StrClasses.isIdentifier(self);
            case "islower" -> StrClasses.isLower(self);
            case "isupper" -> StrClasses.isUpper(self);
            case "istitle" -> StrClasses.isTitle(self);
            case "find", "rfind" -> (long) StrSearch.find(self, a[0], a[1], a[2], name.equals("rfind"));
            case "index", "rindex" -> (long) StrSearch.index(self, a[0], a[1], a[2], name.equals("rindex"));
            case "count" -> (long) StrSearch.count(self, a[0], a[1], a[2]);
            case "startswith", "endswith" -> StrSearch.affix(self, a[0], a[1], a[2], name.equals("endswith"));
            case "partition", "rpartition" -> StrSearch.partition(self, a[0], name.equals("rpartition"));
            case "replace" -> StrSearch.replace(self, StrArgs.str(a[0], "replace() argument 1 must be str, not "),
                    StrArgs.str(a[1], "replace() argument 2 must be str, not "), StrArgs.index(a[2], -1));
            case "removeprefix" -> {
                String prefix = StrArgs.str(a[0], "removeprefix() argument must be str, not ");
                yield self.startsWith(prefix) ? self.substring(prefix.length()) : self;
            }
            case "removesuffix" -> {
                // GraalPy names removeprefix in this message too
                String suffix = StrArgs.str(a[0], "removeprefix() argument must be str, not ");
                yield self.endsWith(suffix) ? self.substring(0, self.length() - suffix.length()) : self;
            }
            case "center", "ljust", "rjust" -> pad(self, name, StrArgs.index(a[0]), a[1]);
            case "zfill" -> zfill(self, StrArgs.index(a[0]));
            case "strip", "lstrip", "rstrip" -> StrSplit.strip(self,
                    StrArgs.optStr(a[0], null, name + "() argument 1 must be str, not "),
                    !name.equals("rstrip"), !name.equals("lstrip"));
            case "split", "rsplit" -> {
                String sep = StrArgs.optStr(a[0], null, name + "() argument must be str, not ");
                int max = StrArgs.index(a[1], -1);
                yield name.equals("split") ? StrSplit.split(self, sep, max) : StrSplit.rsplit(self, sep, max);
            }
            case "splitlines" -> StrSplit.splitlines(self, a[0] != MethodSig.MISSING && Py.truthy(a[0]));
            case "expandtabs" -> {
                if (a[0] instanceof java.math.BigInteger || (a[0] instanceof Long l && l != (int) (long) l)) {
                    // GraalPy converts tabsize with its own message
                    throw PyExc.overflow("Python int too large to convert to Java int");
                }
                yield expandtabs(self, StrArgs.index(a[0], 8));
            }
            case "join" -> join(self, a[0]);
            case "translate" -> translate(self, a[0]);
            case "encode" -> Codecs.encode(self, StrArgs.optStr(a[0], "utf-8", "encode() argument must be str, not "),
                    StrArgs.optStr(a[1], "strict", "encode() argument 'errors' must be str, not "));
            case "format_map" -> StrFormat.formatMap(self, a[0]);
            default -> throw new IllegalStateException(name);
        };
    }

    /** center, ljust, rjust: GraalPy's (and CPython's) split of an odd margin puts the extra fill left only for odd widths. */
    private static String pad(String s, String name, int width, Object fillArg) {
        int fill = ' ';
        if (fillArg != MethodSig.MISSING) {
            String f = StrArgs.str(fillArg, "The fill character must be a unicode character, not ");
            if (Strs.len(f) != 1) {
                throw PyExc.typeError("The fill character must be exactly one character long");
            }
            fill = f.codePointAt(0);
        }
        int len = Strs.len(s);
        if (width <= len) {
            return s;
        }
        int margin = width - len;
        int left = switch (name) {
            case "ljust" -> 0;
            case "rjust" -> margin;
            default -> margin / 2 + ((margin % 2 > 0 && width % 2 > 0) ? 1 : 0);
        };
        String f = new String(Character.toChars(fill));
        return f.repeat(left) + s + f.repeat(margin - left);
    }

    private static String zfill(String s, int width) {
        int len = Strs.len(s);
        if (len >= width) {
            return s;
        }
        String zeros = "0".repeat(width - len);
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            return s.charAt(0) + zeros + s.substring(1);
        }
        return zeros + s;
    }

    private static String expandtabs(String s, int tabsize) {
        StringBuilder sb = new StringBuilder(s.length());
        int column = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                if (tabsize > 0) {
                    int spaces = tabsize - column % tabsize;
                    sb.append(" ".repeat(spaces));
                    column += spaces;
                }
            } else {
                column = c == '\n' || c == '\r' ? 0 : column + (Character.isLowSurrogate(c) ? 0 : 1);
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String join(String sep, Object iterable) {
        Iterable<Object> items;
        try {
            items = Items.iterate(iterable);
        } catch (PyExc notIterable) {
            if (notIterable.type() == PyExcType.TYPE_ERROR) {
                throw PyExc.typeError("can only join an iterable");
            }
            throw notIterable;
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Object item : items) {
            if (!(item instanceof String s)) {
                throw PyExc.typeError("sequence item " + i + ": expected str instance, " + Py.typeName(item) + " found");
            }
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(s);
            i++;
        }
        return sb.toString();
    }

    /** str.translate: the table is indexed by code point; a missing entry (LookupError) keeps the character. */
    private static String translate(String s, Object table) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            Object mapped;
            try {
                mapped = Items.getItem(table, (long) cp);
            } catch (PyExc e) {
                if (e.type().isSubclassOf(PyExcType.LOOKUP_ERROR)) {
                    sb.appendCodePoint(cp);
                    continue;
                }
                throw e;
            }
            if (mapped == null) {
                continue;
            }
            if (mapped instanceof String str) {
                sb.append(str);
            } else if (mapped instanceof Long || mapped instanceof Boolean || mapped instanceof java.math.BigInteger) {
                Object n = Ints.of(mapped);
                if (!(n instanceof Long l) || l < 0 || l > 0x10FFFF) {
                    throw PyExc.valueError("invalid unicode code point");
                }
                sb.appendCodePoint((int) (long) l);
            } else {
                throw PyExc.typeError("character mapping must return integer, None or str");
            }
        }
        return sb.toString();
    }
}
