package dev.sequor.expr.python.subset;

/** PLACEHOLDER: methods of PyDict (being written). */
final class DictMethods {

    private DictMethods() {
    }

    static boolean has(String name) {
        return false;
    }

    static Object call(PyDict self, String name, Object[] args, Kwargs kwargs) {
        return Attrs.NO_METHOD;
    }
}
