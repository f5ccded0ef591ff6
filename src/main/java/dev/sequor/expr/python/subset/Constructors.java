package dev.sequor.expr.python.subset;

/** PLACEHOLDER: constructors of the built-in types (being written). */
final class Constructors {

    private Constructors() {
    }

    static Object toInt(Object[] args, Kwargs kwargs) {
        throw PyExc.typeError("placeholder");
    }

    static Object toBool(Object[] args, Kwargs kwargs) {
        throw PyExc.typeError("placeholder");
    }

    static Object toFloat(Object[] args, Kwargs kwargs) {
        throw PyExc.typeError("placeholder");
    }

    static Object toStr(Object[] args, Kwargs kwargs) {
        throw PyExc.typeError("placeholder");
    }

    static Object toBytes(Object[] args, Kwargs kwargs) {
        throw PyExc.typeError("placeholder");
    }

    static Object toList(Object[] args, Kwargs kwargs) {
        throw PyExc.typeError("placeholder");
    }

    static Object toTuple(Object[] args, Kwargs kwargs) {
        throw PyExc.typeError("placeholder");
    }

    static Object toDict(Object[] args, Kwargs kwargs) {
        throw PyExc.typeError("placeholder");
    }

    static Object toSet(Object[] args, Kwargs kwargs) {
        throw PyExc.typeError("placeholder");
    }

    static Object type(Object[] args, Kwargs kwargs) {
        throw PyExc.typeError("placeholder");
    }

    static Object toDecimal(Object[] args, Kwargs kwargs) {
        return DecimalConstructor.toDecimal(args, kwargs);
    }

    static Object toDate(Object[] args, Kwargs kwargs) {
        return TemporalConstructors.toDate(args, kwargs);
    }

    static Object toDatetime(Object[] args, Kwargs kwargs) {
        return TemporalConstructors.toDatetime(args, kwargs);
    }

    static Object toTime(Object[] args, Kwargs kwargs) {
        return TemporalConstructors.toTime(args, kwargs);
    }
}
