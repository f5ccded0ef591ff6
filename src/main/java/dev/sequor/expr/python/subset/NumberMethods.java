package dev.sequor.expr.python.subset;

/** PLACEHOLDER: attributes and methods of int, float, bool and Decimal (being written). */
final class NumberMethods {

    private NumberMethods() {
    }

    static Object attr(Object self, String name) {
        return null;
    }

    static Object call(Object self, String name, Object[] args, Kwargs kwargs) {
        return Attrs.NO_METHOD;
    }
}
