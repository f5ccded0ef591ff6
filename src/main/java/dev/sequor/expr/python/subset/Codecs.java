package dev.sequor.expr.python.subset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * {@code str.encode} and {@code bytes.decode} for UTF-8, ASCII and Latin-1, done as GraalPy does them: with the JDK
 * charset coders, which decide where a malformed sequence starts and how long it is, and the same messages
 * ({@code 'utf-8' codec can't decode byte 0xff in position 0: malformed input}; GraalPy does not give CPython's
 * "invalid start byte" reasons). Error handlers: strict, ignore, replace (and namereplace, which GraalPy treats as
 * replace), backslashreplace, xmlcharrefreplace, surrogateescape, surrogatepass. Other encodings Python knows
 * (utf-16, cp1252...) raise a LookupError saying the evaluator does not have them, rather than a wrong result.
 */
final class Codecs {

    private static final Map<String, Charset> CHARSETS = Map.ofEntries(
            Map.entry("utf_8", StandardCharsets.UTF_8), Map.entry("u8", StandardCharsets.UTF_8),
            Map.entry("utf", StandardCharsets.UTF_8), Map.entry("utf8", StandardCharsets.UTF_8),
            Map.entry("utf8_ucs2", StandardCharsets.UTF_8), Map.entry("utf8_ucs4", StandardCharsets.UTF_8),
            Map.entry("cp65001", StandardCharsets.UTF_8),
            Map.entry("ascii", StandardCharsets.US_ASCII), Map.entry("646", StandardCharsets.US_ASCII),
            Map.entry("ansi_x3.4_1968", StandardCharsets.US_ASCII), Map.entry("ansi_x3_4_1968", StandardCharsets.US_ASCII),
            Map.entry("ansi_x3.4_1986", StandardCharsets.US_ASCII), Map.entry("cp367", StandardCharsets.US_ASCII),
            Map.entry("csascii", StandardCharsets.US_ASCII), Map.entry("ibm367", StandardCharsets.US_ASCII),
            Map.entry("iso646_us", StandardCharsets.US_ASCII), Map.entry("iso_646.irv_1991", StandardCharsets.US_ASCII),
            Map.entry("iso_ir_6", StandardCharsets.US_ASCII), Map.entry("us", StandardCharsets.US_ASCII),
            Map.entry("us_ascii", StandardCharsets.US_ASCII),
            Map.entry("latin_1", StandardCharsets.ISO_8859_1), Map.entry("8859", StandardCharsets.ISO_8859_1),
            Map.entry("cp819", StandardCharsets.ISO_8859_1), Map.entry("csisolatin1", StandardCharsets.ISO_8859_1),
            Map.entry("ibm819", StandardCharsets.ISO_8859_1), Map.entry("iso8859", StandardCharsets.ISO_8859_1),
            Map.entry("iso8859_1", StandardCharsets.ISO_8859_1), Map.entry("iso_8859_1", StandardCharsets.ISO_8859_1),
            Map.entry("iso_8859_1_1987", StandardCharsets.ISO_8859_1), Map.entry("iso_ir_100", StandardCharsets.ISO_8859_1),
            Map.entry("l1", StandardCharsets.ISO_8859_1), Map.entry("latin", StandardCharsets.ISO_8859_1),
            Map.entry("latin1", StandardCharsets.ISO_8859_1));

    /** Codecs Python has that this evaluator does not: named in the error instead of "unknown encoding". */
    private static final Set<String> NOT_HERE_PREFIXES = Set.of("utf_16", "utf16", "utf_32", "utf32", "utf_7", "utf7",
            "cp", "iso8859", "iso_8859", "latin", "mac_", "koi8", "shift_jis", "euc", "gb", "big5", "windows",
            "unicode_escape", "raw_unicode_escape", "idna", "punycode", "hex", "base64", "rot", "zlib", "bz2", "quopri",
            "uu", "johab", "hz", "iso2022", "ptcp154", "kz1048", "palmos", "hp_roman8", "tis_620", "charmap", "mbcs");

    private Codecs() {
    }

    static PyBytes encode(String s, String encoding, String errors) {
        Charset charset = lookup(encoding);
        CharsetEncoder coder = charset.newEncoder().onMalformedInput(action(errors)).onUnmappableCharacter(action(errors));
        CharBuffer in = CharBuffer.wrap(s);
        ByteBuffer out = ByteBuffer.allocate(s.length() * 3 + 8);
        while (true) {
            CoderResult r = coder.encode(in, out, true);
            if (r.isUnderflow()) {
                r = coder.flush(out);
            }
            if (r.isUnderflow()) {
                break;
            }
            if (r.isOverflow()) {
                out = grow(out);
                continue;
            }
            int from = in.position();
            int to = from + r.length();
            byte[] replacement = encodeError(s, from, to, encoding, errors, r);
            while (out.remaining() < replacement.length) {
                out = grow(out);
            }
            out.put(replacement);
            in.position(to);
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return new PyBytes(bytes);
    }

    static String decode(byte[] bytes, String encoding, String errors) {
        Charset charset = lookup(encoding);
        CharsetDecoder coder = charset.newDecoder().onMalformedInput(action(errors)).onUnmappableCharacter(action(errors));
        ByteBuffer in = ByteBuffer.wrap(bytes);
        StringBuilder sb = new StringBuilder(bytes.length);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length));
        while (true) {
            CoderResult r = coder.decode(in, out, true);
            if (r.isUnderflow()) {
                r = coder.flush(out);
            }
            if (r.isUnderflow()) {
                break;
            }
            out.flip();
            sb.append(out);
            out.clear();
            if (r.isOverflow()) {
                continue;
            }
            int from = in.position();
            int to = from + r.length();
            sb.append(decodeError(bytes, from, to, encoding, errors, r));
            in.position(to);
        }
        out.flip();
        return sb.append(out).toString();
    }

    private static Charset lookup(String encoding) {
        String normal = normalize(encoding);
        Charset charset = CHARSETS.get(normal);
        if (charset != null) {
            return charset;
        }
        for (String prefix : NOT_HERE_PREFIXES) {
            if (normal.startsWith(prefix)) {
                throw new PyExc(PyExcType.LOOKUP_ERROR, "encoding '" + encoding
                        + "' is not available in Sequor's Java evaluation of Python (only utf-8, ascii and latin-1)");
            }
        }
        throw new PyExc(PyExcType.LOOKUP_ERROR, "unknown encoding " + encoding);
    }

    /** GraalPy's normalisation of codec names: lower case, runs of other characters to one '_'. */
    private static String normalize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean lastInvalid = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                sb.append((char) (c - 'A' + 'a'));
                lastInvalid = false;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_') {
                sb.append(c);
                lastInvalid = false;
            } else if (!lastInvalid) {
                sb.append('_');
                lastInvalid = true;
            }
        }
        return sb.toString();
    }

    /** The JDK coder does ignore and replace itself (as GraalPy lets it); every other handler sees the error. */
    private static CodingErrorAction action(String errors) {
        return switch (errors) {
            case "ignore" -> CodingErrorAction.IGNORE;
            case "replace", "namereplace" -> CodingErrorAction.REPLACE;
            default -> CodingErrorAction.REPORT;
        };
    }

    private static byte[] encodeError(String s, int from, int to, String encoding, String errors, CoderResult r) {
        switch (errors) {
            case "strict" -> throw encodeException(s, from, to, encoding, r);
            case "backslashreplace", "xmlcharrefreplace" -> {
                StringBuilder sb = new StringBuilder();
                s.substring(from, to).codePoints().forEach(cp -> sb.append(errors.equals("xmlcharrefreplace")
                        ? "&#" + cp + ";" : escape(cp)));
                return sb.toString().getBytes(StandardCharsets.US_ASCII);
            }
            case "surrogateescape" -> {
                byte[] out = new byte[to - from];
                for (int i = from; i < to; i++) {
                    char c = s.charAt(i);
                    if (c < 0xDC80 || c > 0xDCFF) {
                        throw encodeException(s, from, to, encoding, r);
                    }
                    out[i - from] = (byte) (c - 0xDC00);
                }
                return out;
            }
            case "surrogatepass" -> {
                if (lookup(encoding) != StandardCharsets.UTF_8) {
                    throw encodeException(s, from, to, encoding, r);
                }
                ByteBuffer out = ByteBuffer.allocate((to - from) * 3);
                for (int i = from; i < to; i++) {
                    char c = s.charAt(i);
                    if (!Character.isSurrogate(c)) {
                        throw encodeException(s, from, to, encoding, r);
                    }
                    out.put((byte) (0xE0 | (c >> 12))).put((byte) (0x80 | ((c >> 6) & 0x3F))).put((byte) (0x80 | (c & 0x3F)));
                }
                return out.array();
            }
            default -> throw new PyExc(PyExcType.LOOKUP_ERROR, "unknown error handler name '" + errors + "'");
        }
    }

    private static String decodeError(byte[] bytes, int from, int to, String encoding, String errors, CoderResult r) {
        switch (errors) {
            case "strict" -> throw decodeException(bytes, from, to, encoding, r);
            case "backslashreplace" -> {
                StringBuilder sb = new StringBuilder();
                for (int i = from; i < to; i++) {
                    sb.append(String.format("\\x%02x", bytes[i] & 0xFF));
                }
                return sb.toString();
            }
            case "surrogateescape" -> {
                StringBuilder sb = new StringBuilder();
                for (int i = from; i < to; i++) {
                    int b = bytes[i] & 0xFF;
                    if (b < 128) {
                        throw decodeException(bytes, from, to, encoding, r);
                    }
                    sb.append((char) (0xDC00 + b));
                }
                return sb.toString();
            }
            case "xmlcharrefreplace" -> throw PyExc.typeError("don't know how to handle UnicodeDecodeError in error callback");
            default -> throw new PyExc(PyExcType.LOOKUP_ERROR, "unknown error handler name '" + errors + "'");
        }
    }

    private static PyExc encodeException(String s, int from, int to, String encoding, CoderResult r) {
        int start = s.codePointCount(0, from);
        int end = start + s.codePointCount(from, to);
        String reason = r.isMalformed() ? "malformed input" : "unmappable character";
        if (end - start == 1) {
            return new PyExc(PyExcType.UNICODE_ENCODE_ERROR, "'" + encoding + "' codec can't encode character '"
                    + escape(s.codePointAt(from)) + "' in position " + start + ": " + reason);
        }
        return new PyExc(PyExcType.UNICODE_ENCODE_ERROR, "'" + encoding + "' codec can't encode characters in position "
                + start + "-" + (end - 1) + ": " + reason);
    }

    private static PyExc decodeException(byte[] bytes, int from, int to, String encoding, CoderResult r) {
        String reason = r.isMalformed() ? "malformed input" : "unmappable character";
        if (to - from == 1) {
            return new PyExc(PyExcType.UNICODE_DECODE_ERROR, "'" + encoding + "' codec can't decode byte 0x"
                    + String.format("%02x", bytes[from] & 0xFF) + " in position " + from + ": " + reason);
        }
        return new PyExc(PyExcType.UNICODE_DECODE_ERROR, "'" + encoding + "' codec can't decode bytes in position "
                + from + "-" + (to - 1) + ": " + reason);
    }

    /** {@code \xe9}, {@code \u20ac}, {@code \U0001f600}: how Python's messages and backslashreplace show a character. */
    static String escape(int cp) {
        if (cp <= 0xFF) {
            return String.format("\\x%02x", cp);
        }
        if (cp <= 0xFFFF) {
            return String.format("\\u%04x", cp);
        }
        return String.format("\\U%08x", cp);
    }

    private static ByteBuffer grow(ByteBuffer out) {
        ByteBuffer bigger = ByteBuffer.allocate(out.capacity() * 2 + 16);
        out.flip();
        return bigger.put(out);
    }
}
