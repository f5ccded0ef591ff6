package dev.sequor.expr.python.subset;

/** PLACEHOLDER: methods of String (being written). */
final class StrMethods {

    private StrMethods() {
    }

    static boolean has(String name) {
        return false;
    }

    static Object call(String self, String name, Object[] args, Kwargs kwargs) {
        return Attrs.NO_METHOD;
    }
}
