package dev.sequor.expr.python.subset;

/** PLACEHOLDER: methods of list and tuple (being written). */
final class ListMethods {

    private ListMethods() {
    }

    static boolean has(String name) {
        return false;
    }

    static Object call(PyList self, String name, Object[] args, Kwargs kwargs) {
        return Attrs.NO_METHOD;
    }

    static Object callTuple(PyTuple self, String name, Object[] args, Kwargs kwargs) {
        return Attrs.NO_METHOD;
    }

    static void assignSlice(PyList self, PySlice slice, Object value) {
        throw PyExc.typeError("placeholder");
    }
}
