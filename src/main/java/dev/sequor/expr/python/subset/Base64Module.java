package dev.sequor.expr.python.subset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Python's {@code base64}: standard and URL-safe base64 (encode and decode, {@code altchars}, {@code validate}),
 * {@code encodebytes}/{@code decodebytes} and base16. Decoding follows binascii's lenient rules: characters outside
 * the alphabet are skipped, a completed padding ends the data, and bad padding is {@code binascii.Error}. The
 * base32 and base85 functions are left out (snippets using them go to GraalPy).
 */
final class Base64Module {

    private static final byte[] DECODE = new byte[128];

    static {
        java.util.Arrays.fill(DECODE, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            DECODE[alphabet.charAt(i)] = (byte) i;
        }
    }

    private Base64Module() {
    }

    static PyModule create() {
        PyModule m = new PyModule("base64");
        BuiltinFunction.def(m, "b64encode", (args, kwargs) -> {
            Args.onlyKeywords("b64encode", kwargs, "s", "altchars");
            byte[] data = PyHash.bytesLike(required("b64encode", args, kwargs, 0, "s"));
            return translate(Base64.getEncoder().encode(data), altchars(Args.named(args, kwargs, 1, "altchars", null)), false);
        });
        BuiltinFunction.def(m, "b64decode", (args, kwargs) -> {
            Args.onlyKeywords("b64decode", kwargs, "s", "altchars", "validate");
            byte[] data = decodeData(required("b64decode", args, kwargs, 0, "s"));
            byte[] alt = altchars(Args.named(args, kwargs, 1, "altchars", null));
            return decode(translate(data, alt, true).bytes, Py.truthy(Args.named(args, kwargs, 2, "validate", false)));
        });
        BuiltinFunction.def(m, "standard_b64encode", (args, kwargs) -> {
            Args.positional("standard_b64encode", args, kwargs, 1, 1);
            return new PyBytes(Base64.getEncoder().encode(PyHash.bytesLike(args[0])));
        });
        BuiltinFunction.def(m, "standard_b64decode", (args, kwargs) -> {
            Args.positional("standard_b64decode", args, kwargs, 1, 1);
            return decode(decodeData(args[0]), false);
        });
        BuiltinFunction.def(m, "urlsafe_b64encode", (args, kwargs) -> {
            Args.positional("urlsafe_b64encode", args, kwargs, 1, 1);
            return new PyBytes(Base64.getUrlEncoder().encode(PyHash.bytesLike(args[0])));
        });
        BuiltinFunction.def(m, "urlsafe_b64decode", (args, kwargs) -> {
            Args.positional("urlsafe_b64decode", args, kwargs, 1, 1);
            byte[] data = translate(decodeData(args[0]), new byte[] {'-', '_'}, true).bytes;
            return decode(data, false);
        });
        BuiltinFunction.def(m, "encodebytes", (args, kwargs) -> {
            Args.positional("encodebytes", args, kwargs, 1, 1);
            byte[] encoded = Base64.getMimeEncoder(76, new byte[] {'\n'}).encode(strictBytes(args[0]));
            byte[] out = java.util.Arrays.copyOf(encoded, encoded.length + (encoded.length == 0 ? 0 : 1));
            if (encoded.length > 0) {
                out[encoded.length] = '\n';
            }
            return new PyBytes(out);
        });
        BuiltinFunction.def(m, "decodebytes", (args, kwargs) -> {
            Args.positional("decodebytes", args, kwargs, 1, 1);
            return decode(strictBytes(args[0]), false);
        });
        BuiltinFunction.def(m, "b16encode", (args, kwargs) -> {
            Args.positional("b16encode", args, kwargs, 1, 1);
            return new PyBytes(java.util.HexFormat.of().withUpperCase().formatHex(PyHash.bytesLike(args[0]))
                    .getBytes(StandardCharsets.US_ASCII));
        });
        BuiltinFunction.def(m, "b16decode", (args, kwargs) -> {
            Args.onlyKeywords("b16decode", kwargs, "s", "casefold");
            String text = new String(decodeData(required("b16decode", args, kwargs, 0, "s")), StandardCharsets.ISO_8859_1);
            if (Py.truthy(Args.named(args, kwargs, 1, "casefold", false))) {
                text = text.toUpperCase(java.util.Locale.ROOT);
            }
            if (!text.matches("[0-9A-F]*")) {
                throw binascii("Non-base16 digit found");
            }
            if (text.length() % 2 != 0) {
                throw binascii("Odd-length string");
            }
            return new PyBytes(java.util.HexFormat.of().parseHex(text));
        });
        return m;
    }

    private static Object required(String fn, Object[] args, Kwargs kwargs, int i, String name) {
        Object v = Args.named(args, kwargs, i, name, MISSING);
        if (v == MISSING) {
            throw PyExc.typeError(fn + "() missing 1 required positional argument: '" + name + "'");
        }
        return v;
    }

    private static final Object MISSING = new Object();

    /** encodebytes/decodebytes take bytes only, with binascii's message. */
    private static byte[] strictBytes(Object v) {
        if (v instanceof PyBytes b) {
            return b.bytes;
        }
        throw PyExc.typeError("expected bytes-like object, not " + Py.typeName(v));
    }

    static PyExc binascii(String message) {
        return new PyExc(PyExcType.BINASCII_ERROR, message);
    }

    /** base64's _bytes_from_decode_data: bytes as they are, str only when ASCII. */
    static byte[] decodeData(Object s) {
        if (s instanceof String str) {
            if (!str.chars().allMatch(c -> c < 0x80)) {
                throw PyExc.valueError("string argument should contain only ASCII characters");
            }
            return str.getBytes(StandardCharsets.US_ASCII);
        }
        if (s instanceof PyBytes b) {
            return b.bytes;
        }
        throw PyExc.typeError("argument should be a bytes-like object or ASCII string, not '" + Py.typeName(s) + "'");
    }

    private static byte[] altchars(Object alt) {
        if (alt == null) {
            return null;
        }
        byte[] chars = decodeData(alt);
        if (chars.length != 2) {
            throw new PyExc(PyExcType.ASSERTION_ERROR, Py.repr(alt instanceof PyBytes ? alt : new PyBytes(chars)));
        }
        return chars;
    }

    /** Swaps {@code +/} for the two alternative characters (towards them when encoding, from them when decoding). */
    private static PyBytes translate(byte[] data, byte[] alt, boolean decoding) {
        if (alt == null) {
            return new PyBytes(data);
        }
        byte[] out = data.clone();
        byte[] from = decoding ? alt : new byte[] {'+', '/'};
        byte[] to = decoding ? new byte[] {'+', '/'} : alt;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == from[0]) {
                out[i] = to[0];
            } else if (out[i] == from[1]) {
                out[i] = to[1];
            }
        }
        return new PyBytes(out);
    }

    /**
     * binascii.a2b_base64: lenient by default; {@code strict} refuses characters outside the alphabet and, as
     * GraalPy does, data after a completed padding.
     */
    static PyBytes decode(byte[] data, boolean strict) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 3 / 4);
        int quadPos = 0;
        int leftChar = 0;
        int pads = 0;
        for (int i = 0; i < data.length; i++) {
            int c = data[i] & 0xFF;
            if (c == '=') {
                if (quadPos >= 2 && quadPos + ++pads >= 4) {
                    for (int j = i + 1; strict && j < data.length; j++) {
                        if (data[j] != '=') {
                            throw binascii("Incorrect padding");
                        }
                    }
                    return new PyBytes(out.toByteArray()); // a completed padding ends the data
                }
                continue;
            }
            int value = c < 128 ? DECODE[c] : -1;
            if (value < 0) {
                if (strict) {
                    throw binascii("Only base64 data is allowed");
                }
                continue;
            }
            pads = 0;
            switch (quadPos) {
                case 0 -> {
                    quadPos = 1;
                    leftChar = value;
                }
                case 1 -> {
                    quadPos = 2;
                    out.write((leftChar << 2) | (value >> 4));
                    leftChar = value & 0x0f;
                }
                case 2 -> {
                    quadPos = 3;
                    out.write((leftChar << 4) | (value >> 2));
                    leftChar = value & 0x03;
                }
                default -> {
                    quadPos = 0;
                    out.write((leftChar << 6) | value);
                    leftChar = 0;
                }
            }
        }
        if (quadPos == 1) {
            // GraalPy reports 1 whatever the total (CPython counts all the data characters)
            throw binascii("Invalid base64-encoded string: number of data characters (1) cannot be 1 more than a multiple of 4");
        }
        if (quadPos != 0) {
            throw binascii("Incorrect padding");
        }
        return new PyBytes(out.toByteArray());
    }
}
