package dev.sequor.expr.python.subset;

/**
 * Python's {@code decimal} module: the Decimal class (BigDecimal values, see {@link DecimalConstructor} and
 * {@link DecimalMethods}), the rounding constants and the exceptions. Contexts ({@code getcontext},
 * {@code localcontext}) are left out: snippets using them go to GraalPy.
 */
final class DecimalModule {

    private DecimalModule() {
    }

    static PyModule create() {
        PyModule m = new PyModule("decimal").with("Decimal", PyTypes.DECIMAL)
                .with("InvalidOperation", PyExcType.DECIMAL_INVALID_OPERATION)
                .with("DivisionByZero", PyExcType.DECIMAL_DIVISION_BY_ZERO);
        for (String mode : new String[] {"ROUND_DOWN", "ROUND_HALF_UP", "ROUND_HALF_EVEN", "ROUND_CEILING", "ROUND_FLOOR",
            "ROUND_UP", "ROUND_HALF_DOWN", "ROUND_05UP"}) {
            m.with(mode, mode);
        }
        return m;
    }
}
