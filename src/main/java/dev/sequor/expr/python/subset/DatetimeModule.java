package dev.sequor.expr.python.subset;

/**
 * Python's {@code datetime} module: the date, datetime and time classes (java.time values, see {@link Py}),
 * timedelta ({@link PyTimedelta}), timezone ({@link PyTimezone}) and the constants.
 */
final class DatetimeModule {

    /** {@code datetime.timedelta}: callable, with its class attributes. */
    static final PyType TIMEDELTA = new PyType("datetime.timedelta", null, v -> v instanceof PyTimedelta,
            TemporalConstructors::toTimedelta) {
        @Override
        public Object getAttr(String attr) {
            return switch (attr) {
                case "max" -> PyTimedelta.MAX;
                case "min" -> PyTimedelta.MIN;
                case "resolution" -> PyTimedelta.RESOLUTION;
                default -> super.getAttr(attr);
            };
        }
    };

    /** {@code datetime.timezone}: callable, with {@code timezone.utc}. */
    static final PyType TIMEZONE = new PyType("datetime.timezone", null, v -> v instanceof PyTimezone,
            PyTimezone::construct) {
        @Override
        public Object getAttr(String attr) {
            return "utc".equals(attr) ? PyTimezone.UTC : super.getAttr(attr);
        }
    };

    private DatetimeModule() {
    }

    static PyModule create() {
        return new PyModule("datetime")
                .with("datetime", PyTypes.DATETIME)
                .with("date", PyTypes.DATE)
                .with("time", PyTypes.TIME)
                .with("timedelta", TIMEDELTA)
                .with("timezone", TIMEZONE)
                .with("UTC", PyTimezone.UTC)
                .with("MINYEAR", 1L)
                .with("MAXYEAR", 9999L);
    }
}
