package dev.sequor.expr.python.subset;

/**
 * A value of the Java evaluator that is not one of the Java types standing for Python's own (null, Boolean, Long,
 * BigInteger, Double, String, BigDecimal, java.time values): lists, dicts, functions, modules, Sequor's Row and
 * Response... Each says its Python type name and answers attribute reads.
 */
public interface PyObject {

    /** The name Python shows in messages, e.g. {@code list} in "'list' object has no attribute 'x'". */
    String typeName();

    /** {@code obj.name}, or null when there is no such attribute (the caller raises AttributeError). */
    default Object getAttr(String name) {
        return null;
    }

    /** The class {@code type(obj)} answers, when it is a registered one (range, enumerate...); else null. */
    default PyType pythonType() {
        return null;
    }
}
