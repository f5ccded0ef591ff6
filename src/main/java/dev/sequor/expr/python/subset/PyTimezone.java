package dev.sequor.expr.python.subset;

import java.time.ZoneOffset;

/**
 * Python's {@code datetime.timezone}: a fixed UTC offset, optionally named. Aware datetimes are OffsetDateTime, which
 * keeps the offset but not a name, so a named timezone can describe itself but cannot be attached to a datetime
 * (that raises a clear error rather than silently dropping the name).
 */
final class PyTimezone implements PyObject, Repr.HasRepr, Repr.HasStr {

    @Override
    public PyType pythonType() {
        return DatetimeModule.TIMEZONE;
    }

    static final PyTimezone UTC = new PyTimezone(0, null);

    final int offsetSeconds;
    final String name;

    private PyTimezone(int offsetSeconds, String name) {
        this.offsetSeconds = offsetSeconds;
        this.name = name;
    }

    static PyTimezone of(int offsetSeconds, String name) {
        return offsetSeconds == 0 && name == null ? UTC : new PyTimezone(offsetSeconds, name);
    }

    static PyTimezone of(ZoneOffset offset) {
        return of(offset.getTotalSeconds(), null);
    }

    ZoneOffset zoneOffset() {
        return ZoneOffset.ofTotalSeconds(offsetSeconds);
    }

    /** {@code timezone(offset[, name])}. */
    static PyTimezone construct(Object[] args, Kwargs kwargs) {
        Args.onlyKeywords("timezone", kwargs, "offset", "name");
        if (args.length > 2) {
            throw PyExc.typeError("timezone() takes at most 2 arguments (" + args.length + " given)");
        }
        Object offset = Args.named(args, kwargs, 0, "offset", null);
        if (!(offset instanceof PyTimedelta td)) {
            throw PyExc.typeError("timezone() argument 1 must be datetime.timedelta, not " + Py.typeName(offset));
        }
        Object name = Args.named(args, kwargs, 1, "name", null);
        if (name != null && !(name instanceof String)) {
            throw PyExc.typeError("timezone() argument 2 must be str, not " + Py.typeName(name));
        }
        if (td.totalMicros().abs().compareTo(java.math.BigInteger.valueOf(PyTimedelta.MICROS_PER_DAY)) >= 0) {
            throw PyExc.valueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                    + "timedelta(hours=24), not " + td.repr());
        }
        if (td.micros != 0) {
            throw PyExc.valueError("timezone offsets with microseconds are not supported by Sequor's Python evaluator");
        }
        return of((int) (td.days * 86400 + td.seconds), (String) name);
    }

    PyTimedelta utcoffset() {
        return PyTimedelta.ofMicros(offsetSeconds * 1_000_000L);
    }

    /** {@code UTC}, {@code UTC+02:00}, or the given name. */
    String tzname() {
        if (name != null) {
            return name;
        }
        return nameFromOffset(offsetSeconds);
    }

    static String nameFromOffset(int offsetSeconds) {
        if (offsetSeconds == 0) {
            return "UTC";
        }
        char sign = offsetSeconds < 0 ? '-' : '+';
        int abs = Math.abs(offsetSeconds);
        String text = String.format("UTC%c%02d:%02d", sign, abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? text : text + String.format(":%02d", abs % 60);
    }

    @Override
    public String typeName() {
        return "datetime.timezone";
    }

    @Override
    public Object getAttr(String attr) {
        return switch (attr) {
            case "utc" -> UTC;
            case "utcoffset" -> BuiltinFunction.function(attr, (args, kwargs) -> {
                Args.positional("utcoffset", args, kwargs, 1, 1);
                return utcoffset();
            });
            case "tzname" -> BuiltinFunction.function(attr, (args, kwargs) -> {
                Args.positional("tzname", args, kwargs, 1, 1);
                return tzname();
            });
            case "dst" -> BuiltinFunction.function(attr, (args, kwargs) -> {
                Args.positional("dst", args, kwargs, 1, 1);
                return null;
            });
            default -> null;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyTimezone t && t.offsetSeconds == offsetSeconds;
    }

    @Override
    public int hashCode() {
        return offsetSeconds;
    }

    @Override
    public String repr() {
        if (this == UTC) {
            return "datetime.timezone.utc";
        }
        String offset = "datetime.timezone(" + utcoffset().repr();
        return name == null ? offset + ")" : offset + ", " + Strs.repr(name) + ")";
    }

    @Override
    public String str() {
        return tzname();
    }
}
