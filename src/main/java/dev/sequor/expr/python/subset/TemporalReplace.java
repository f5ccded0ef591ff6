package dev.sequor.expr.python.subset;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;

/** {@code date.replace}, {@code datetime.replace} and {@code time.replace}: fields by position or keyword. */
final class TemporalReplace {

    private static final String[] DATE_FIELDS = {"year", "month", "day"};
    private static final String[] DATETIME_FIELDS = {"year", "month", "day", "hour", "minute", "second", "microsecond",
        "tzinfo", "fold"};
    private static final String[] TIME_FIELDS = {"hour", "minute", "second", "microsecond", "tzinfo", "fold"};
    private static final Object KEEP = new Object();

    private TemporalReplace() {
    }

    static Object replace(Temporal self, Object[] args, Kwargs kwargs) {
        String[] names = self instanceof LocalDate ? DATE_FIELDS : self instanceof LocalTime ? TIME_FIELDS : DATETIME_FIELDS;
        int maxPositional = self instanceof LocalDate ? 3 : self instanceof LocalTime ? 5 : 8;
        if (args.length > maxPositional) {
            throw PyExc.typeError("replace() takes at most " + maxPositional + " arguments (" + args.length + " given)");
        }
        Object[] v = new Object[names.length];
        java.util.Arrays.fill(v, KEEP);
        System.arraycopy(args, 0, v, 0, args.length);
        if (kwargs != null) {
            outer:
            for (var e : kwargs.entrySet()) {
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equals(e.getKey())) {
                        v[i] = e.getValue();
                        continue outer;
                    }
                }
                throw PyExc.typeError(Py.typeName(self).substring(9) + ".replace() got an unexpected keyword argument '"
                        + e.getKey() + "'");
            }
        }
        if (self instanceof LocalDate d) {
            return TemporalConstructors.date(field(v[0], d.getYear()), field(v[1], d.getMonthValue()),
                    field(v[2], d.getDayOfMonth()));
        }
        if (self instanceof LocalTime t) {
            LocalTime out = time(v, 0, t);
            if (v[4] != KEEP && TemporalConstructors.tzinfo(v[4]) != null) {
                throw PyExc.valueError("times with a tzinfo are not supported by Sequor's Python evaluator");
            }
            checkFold(v[5]);
            return out;
        }
        LocalDateTime local = TemporalMethods.local(self);
        LocalDate d = TemporalConstructors.date(field(v[0], local.getYear()), field(v[1], local.getMonthValue()),
                field(v[2], local.getDayOfMonth()));
        LocalTime t = time(v, 3, local.toLocalTime());
        PyTimezone tz = v[7] == KEEP ? (self instanceof OffsetDateTime o ? PyTimezone.of(o.getOffset()) : null)
                : TemporalConstructors.tzinfo(v[7]);
        checkFold(v[8]);
        return TemporalConstructors.withZone(LocalDateTime.of(d, t), tz);
    }

    private static LocalTime time(Object[] v, int at, LocalTime t) {
        return TemporalConstructors.time(field(v[at], t.getHour()), field(v[at + 1], t.getMinute()),
                field(v[at + 2], t.getSecond()), field(v[at + 3], t.getNano() / 1000));
    }

    private static int field(Object v, int current) {
        return v == KEEP ? current : Args.intArg(v, "");
    }

    private static void checkFold(Object fold) {
        if (fold != KEEP && Args.intArg(fold, "") != 0) {
            throw PyExc.valueError("fold=1 is not supported by Sequor's Python evaluator");
        }
    }
}
