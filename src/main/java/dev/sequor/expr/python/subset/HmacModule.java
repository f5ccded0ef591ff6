package dev.sequor.expr.python.subset;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Python's {@code hmac}: {@code new(key, msg=None, digestmod=...)} (digestmod a hashlib constructor or an
 * algorithm name), {@code digest(key, msg, digest)} and {@code compare_digest}, as API-signing snippets use them.
 */
final class HmacModule {

    private HmacModule() {
    }

    static PyModule create() {
        PyModule m = new PyModule("hmac");
        BuiltinFunction.def(m, "new", HmacModule::newHmac);
        BuiltinFunction.def(m, "HMAC", HmacModule::newHmac);
        BuiltinFunction.def(m, "digest", (args, kwargs) -> {
            Args.onlyKeywords("digest", kwargs, "key", "msg", "digest");
            Object key = Args.named(args, kwargs, 0, "key", null);
            Object msg = Args.named(args, kwargs, 1, "msg", null);
            Object digest = Args.named(args, kwargs, 2, "digest", null);
            Hmac h = new Hmac(key, digest);
            h.update(msg);
            return new PyBytes(h.digestBytes());
        });
        BuiltinFunction.def(m, "compare_digest", HmacModule::compareDigest);
        return m;
    }

    private static Object newHmac(Object[] args, Kwargs kwargs) {
        Args.onlyKeywords("new", kwargs, "key", "msg", "digestmod");
        if (args.length > 3) {
            throw PyExc.typeError("new() takes from 1 to 3 positional arguments but " + args.length + " were given");
        }
        Object key = Args.named(args, kwargs, 0, "key", NONE);
        if (key == NONE) {
            throw PyExc.typeError("new() missing 1 required positional argument: 'key'");
        }
        Hmac h = new Hmac(key, Args.named(args, kwargs, 2, "digestmod", null));
        Object msg = Args.named(args, kwargs, 1, "msg", null);
        if (msg != null) {
            h.update(msg);
        }
        return h;
    }

    private static final Object NONE = new Object();

    /** Constant-time comparison of two str (ASCII only) or two bytes, as Python's. */
    private static Object compareDigest(Object[] args, Kwargs kwargs) {
        Args.positional("compare_digest", args, kwargs, 2, 2);
        Object a = args[0];
        Object b = args[1];
        byte[] x;
        byte[] y;
        if (a instanceof String s && b instanceof String t) {
            if (!isAscii(s) || !isAscii(t)) {
                throw PyExc.typeError("comparing strings with non-ASCII characters is not supported");
            }
            x = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            y = t.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        } else if (a instanceof PyBytes s && b instanceof PyBytes t) {
            x = s.bytes;
            y = t.bytes;
        } else {
            throw PyExc.typeError("unsupported operand types(s) or combination of types: '" + Py.typeName(a) + "' and '"
                    + Py.typeName(b) + "'");
        }
        return java.security.MessageDigest.isEqual(x, y);
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    /** An {@code hmac.HMAC} object on the JDK's Mac. */
    static final class Hmac implements PyObject, Repr.HasRepr {

        private final String name;
        private final PyHash.Algorithm algorithm;
        private final Mac mac;

        Hmac(Object key, Object digestmod) {
            if (digestmod == null) {
                throw PyExc.typeError("Missing required argument 'digestmod'.");
            }
            if (!(key instanceof PyBytes k)) {
                throw PyExc.typeError("key: expected bytes or bytearray, but got '" + Py.typeName(key) + "'");
            }
            String digestName;
            if (digestmod instanceof String s) {
                digestName = s;
            } else if (digestmod instanceof BuiltinFunction f && Modules.find("hashlib").getAttr(f.name()) == f) {
                digestName = f.name();
            } else if (digestmod instanceof PyModule) {
                throw PyExc.typeError("'module' object is not callable");
            } else {
                throw new PyExc(PyExcType.ATTRIBUTE_ERROR, "'" + Py.typeName(digestmod) + "' object has no attribute 'new'");
            }
            this.algorithm = PyHash.algorithm(digestName);
            this.name = "hmac-" + digestName;
            try {
                this.mac = Mac.getInstance("Hmac" + algorithm.javaName().replace("-", ""));
                // SecretKeySpec refuses an empty key; HMAC zero-pads keys, so b'' and b'\x00' are the same key
                this.mac.init(new SecretKeySpec(k.bytes.length == 0 ? new byte[1] : k.bytes, "RAW"));
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw PyExc.valueError("unsupported hash type " + digestName);
            }
        }

        private Hmac(Hmac other) {
            this.name = other.name;
            this.algorithm = other.algorithm;
            try {
                this.mac = (Mac) other.mac.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("JDK Macs are cloneable", e);
            }
        }

        void update(Object msg) {
            mac.update(PyHash.bytesLike(msg));
        }

        byte[] digestBytes() {
            try {
                return ((Mac) mac.clone()).doFinal();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("JDK Macs are cloneable", e);
            }
        }

        @Override
        public String typeName() {
            return "HMAC";
        }

        @Override
        public Object getAttr(String attr) {
            return switch (attr) {
                case "name" -> name;
                case "digest_size" -> (long) mac.getMacLength();
                case "block_size" -> (long) algorithm.blockSize();
                case "update" -> BuiltinFunction.function(attr, (args, kwargs) -> {
                    Args.positional("update", args, kwargs, 1, 1);
                    update(args[0]);
                    return null;
                });
                case "digest" -> BuiltinFunction.function(attr, (args, kwargs) -> {
                    Args.positional("digest", args, kwargs, 0, 0);
                    return new PyBytes(digestBytes());
                });
                case "hexdigest" -> BuiltinFunction.function(attr, (args, kwargs) -> {
                    Args.positional("hexdigest", args, kwargs, 0, 0);
                    return HexFormat.of().formatHex(digestBytes());
                });
                case "copy" -> BuiltinFunction.function(attr, (args, kwargs) -> {
                    Args.positional("copy", args, kwargs, 0, 0);
                    return new Hmac(this);
                });
                default -> null;
            };
        }

        @Override
        public String repr() {
            return "<hmac.HMAC object>";
        }
    }
}
