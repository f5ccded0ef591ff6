package dev.sequor.expr.python.subset;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A hashlib hash object ({@code hashlib.sha256(b'...')}): {@code update}, {@code digest}, {@code hexdigest},
 * {@code copy}, {@code name}, {@code digest_size}, {@code block_size}, on the JDK's MessageDigest.
 */
final class PyHash implements PyObject, Repr.HasRepr {

    /** A supported algorithm: Python's name, the JDK's name, the block size Python reports. */
    record Algorithm(String name, String javaName, int blockSize, String typeName) {
    }

    private static final Algorithm[] ALGORITHMS = {
        new Algorithm("md5", "MD5", 64, "md5"),
        new Algorithm("sha1", "SHA-1", 64, "sha1"),
        new Algorithm("sha224", "SHA-224", 64, "SHA224Type"),
        new Algorithm("sha256", "SHA-256", 64, "SHA256Type"),
        new Algorithm("sha384", "SHA-384", 128, "SHA384Type"),
        new Algorithm("sha512", "SHA-512", 128, "SHA512Type"),
        new Algorithm("sha3_224", "SHA3-224", 144, "sha3_224"),
        new Algorithm("sha3_256", "SHA3-256", 136, "sha3_256"),
        new Algorithm("sha3_384", "SHA3-384", 104, "sha3_384"),
        new Algorithm("sha3_512", "SHA3-512", 72, "sha3_512"),
    };

    private final Algorithm algorithm;
    private final MessageDigest digest;

    private PyHash(Algorithm algorithm, MessageDigest digest) {
        this.algorithm = algorithm;
        this.digest = digest;
    }

    static Algorithm[] algorithms() {
        return ALGORITHMS.clone();
    }

    /** The algorithm for a name as hashlib.new and hmac accept it (any case), or ValueError. */
    static Algorithm algorithm(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Algorithm a : ALGORITHMS) {
            if (a.name.equals(lower)) {
                return a;
            }
        }
        throw PyExc.valueError("unsupported hash type " + name);
    }

    static PyHash create(Algorithm algorithm) {
        try {
            return new PyHash(algorithm, MessageDigest.getInstance(algorithm.javaName));
        } catch (NoSuchAlgorithmException e) {
            throw PyExc.valueError("unsupported hash type " + algorithm.name);
        }
    }

    Algorithm algorithm() {
        return algorithm;
    }

    /** The bytes of a bytes-like argument: only bytes in the subset; str must be encoded first. */
    static byte[] bytesLike(Object data) {
        if (data instanceof PyBytes b) {
            return b.bytes;
        }
        throw PyExc.typeError("a bytes-like object is required, not '" + Py.typeName(data) + "'");
    }

    void update(Object data) {
        digest.update(bytesLike(data));
    }

    byte[] digestBytes() {
        try {
            return ((MessageDigest) digest.clone()).digest(); // digest() may be called again after more updates
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("JDK digests are cloneable", e);
        }
    }

    PyHash copy() {
        try {
            return new PyHash(algorithm, (MessageDigest) digest.clone());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("JDK digests are cloneable", e);
        }
    }

    int digestSize() {
        return digest.getDigestLength();
    }

    @Override
    public String typeName() {
        return algorithm.typeName;
    }

    @Override
    public Object getAttr(String name) {
        String method = algorithm.typeName + "." + name;
        return switch (name) {
            case "name" -> algorithm.name;
            case "digest_size" -> (long) digestSize();
            case "block_size" -> (long) algorithm.blockSize;
            case "update" -> BuiltinFunction.function(name, (args, kwargs) -> {
                arity(method, args, kwargs, 1);
                update(args[0]);
                return null;
            });
            case "digest" -> BuiltinFunction.function(name, (args, kwargs) -> {
                arity(method, args, kwargs, 0);
                return new PyBytes(digestBytes());
            });
            case "hexdigest" -> BuiltinFunction.function(name, (args, kwargs) -> {
                arity(method, args, kwargs, 0);
                return HexFormat.of().formatHex(digestBytes());
            });
            case "copy" -> BuiltinFunction.function(name, (args, kwargs) -> {
                arity(method, args, kwargs, 0);
                return copy();
            });
            default -> null;
        };
    }

    /** GraalPy's argument check for the hash methods, which counts self: "takes from 0 to 2 positional arguments". */
    private static void arity(String method, Object[] args, Kwargs kwargs, int params) {
        Args.noKeywords(method, kwargs);
        if (args.length > params) {
            throw PyExc.typeError(method + "() takes from 0 to " + (params + 1) + " positional argument"
                    + (params == 0 ? "" : "s") + " but " + (args.length + 1) + " were given");
        }
        if (args.length < params) {
            throw PyExc.typeError(method + "() missing 1 required positional argument: 'obj'");
        }
    }

    @Override
    public String repr() {
        return "<" + algorithm.name + " _hashlib.HASH object>";
    }
}
