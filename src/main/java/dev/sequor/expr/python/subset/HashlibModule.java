package dev.sequor.expr.python.subset;

/**
 * Python's {@code hashlib}: the md5, sha1, sha2 and sha3 constructors and {@code hashlib.new(name, data)}. Data must
 * be bytes ({@code 'text'.encode()}), as in Python.
 */
final class HashlibModule {

    private HashlibModule() {
    }

    static PyModule create() {
        PyModule m = new PyModule("hashlib");
        for (PyHash.Algorithm algorithm : PyHash.algorithms()) {
            BuiltinFunction.def(m, algorithm.name(), (args, kwargs) -> construct(algorithm, args, kwargs));
        }
        BuiltinFunction.def(m, "new", HashlibModule::newHash);
        return m; // no algorithms_guaranteed: it names blake2 and shake, which this module does not have
    }

    /** {@code hashlib.sha256(data=b'', *, usedforsecurity=True, string=None)}. */
    private static PyHash construct(PyHash.Algorithm algorithm, Object[] args, Kwargs kwargs) {
        String name = algorithm.name();
        Args.onlyKeywords(name, kwargs, "string", "usedforsecurity");
        if (args.length > 1) {
            throw PyExc.typeError(name + "() takes from 0 to 1 positional argument but " + args.length + " were given");
        }
        Object data = Args.named(args, kwargs, 0, "string", null);
        PyHash h = PyHash.create(algorithm);
        if (data != null) {
            h.update(data);
        }
        return h;
    }

    /** {@code hashlib.new(name, data=b'', **kwargs)}. */
    private static PyHash newHash(Object[] args, Kwargs kwargs) {
        Args.onlyKeywords("new", kwargs, "name", "data", "usedforsecurity");
        if (args.length > 2) {
            throw PyExc.typeError("new() takes from 1 to 2 positional arguments but " + args.length + " were given");
        }
        Object name = Args.named(args, kwargs, 0, "name", NO_NAME);
        if (name == NO_NAME) {
            throw PyExc.typeError("__hash_new() missing 1 required positional argument: 'name'");
        }
        if (!(name instanceof String s)) {
            throw PyExc.typeError("new() argument must be str, not " + Py.typeName(name));
        }
        PyHash h = PyHash.create(PyHash.algorithm(s.replace('-', '_').replace("sha_", "sha")));
        Object data = Args.named(args, kwargs, 1, "data", null);
        if (data != null) {
            h.update(data);
        }
        return h;
    }

    private static final Object NO_NAME = new Object();
}
