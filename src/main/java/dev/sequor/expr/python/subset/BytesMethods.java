package dev.sequor.expr.python.subset;

/** PLACEHOLDER: methods of PyBytes (being written). */
final class BytesMethods {

    private BytesMethods() {
    }

    static boolean has(String name) {
        return false;
    }

    static Object call(PyBytes self, String name, Object[] args, Kwargs kwargs) {
        return Attrs.NO_METHOD;
    }

    static boolean contains(PyBytes self, Object item) {
        throw PyExc.typeError("placeholder");
    }
}
