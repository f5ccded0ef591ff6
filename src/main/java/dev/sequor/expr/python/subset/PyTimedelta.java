package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Python's {@code datetime.timedelta}: days, seconds (0..86399) and microseconds (0..999999), normalised as Python
 * does, so {@code timedelta(hours=-1)} is {@code days=-1, seconds=82800}. Arithmetic with dates is in
 * {@link TemporalMethods}; with numbers and other timedeltas in {@link TimedeltaArith}.
 */
final class PyTimedelta implements PyObject, Repr.HasRepr, Repr.HasStr, Comparable<PyTimedelta> {

    @Override
    public PyType pythonType() {
        return DatetimeModule.TIMEDELTA;
    }

    static final long MAX_DAYS = 999_999_999L;
    static final long MICROS_PER_DAY = 86_400_000_000L;
    static final PyTimedelta ZERO = new PyTimedelta(0, 0, 0);
    static final PyTimedelta MAX = new PyTimedelta(MAX_DAYS, 86399, 999999);
    static final PyTimedelta MIN = new PyTimedelta(-MAX_DAYS, 0, 0);
    static final PyTimedelta RESOLUTION = new PyTimedelta(0, 0, 1);

    final long days;
    final int seconds;
    final int micros;

    private PyTimedelta(long days, int seconds, int micros) {
        this.days = days;
        this.seconds = seconds;
        this.micros = micros;
    }

    /** The timedelta of a total number of microseconds; OverflowError beyond Python's range. */
    static PyTimedelta ofMicros(BigInteger total) {
        BigInteger[] dayRest = total.divideAndRemainder(BigInteger.valueOf(MICROS_PER_DAY));
        BigInteger days = dayRest[0];
        long rest = dayRest[1].longValue();
        if (rest < 0) {
            rest += MICROS_PER_DAY;
            days = days.subtract(BigInteger.ONE);
        }
        if (days.abs().compareTo(BigInteger.valueOf(MAX_DAYS)) > 0) {
            throw PyExc.overflow("days=" + days + "; must have magnitude <= " + MAX_DAYS);
        }
        return new PyTimedelta(days.longValue(), (int) (rest / 1_000_000), (int) (rest % 1_000_000));
    }

    static PyTimedelta ofMicros(long total) {
        return ofMicros(BigInteger.valueOf(total));
    }

    /** Exact microseconds as a BigDecimal, rounded half-even to a whole number (Python's rule for float parts). */
    static PyTimedelta ofMicros(BigDecimal total) {
        return ofMicros(total.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact());
    }

    BigInteger totalMicros() {
        return BigInteger.valueOf(days).multiply(BigInteger.valueOf(MICROS_PER_DAY))
                .add(BigInteger.valueOf(seconds * 1_000_000L + micros));
    }


    boolean isZero() {
        return days == 0 && seconds == 0 && micros == 0;
    }

    double totalSeconds() {
        return new BigDecimal(totalMicros()).divide(BigDecimal.valueOf(1_000_000)).doubleValue();
    }

    @Override
    public String typeName() {
        return "datetime.timedelta";
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "days" -> days;
            case "seconds" -> (long) seconds;
            case "microseconds" -> (long) micros;
            case "total_seconds" -> BuiltinFunction.function(name, (args, kwargs) -> {
                Args.positional("total_seconds", args, kwargs, 0, 0);
                return totalSeconds();
            });
            case "max" -> MAX;
            case "min" -> MIN;
            case "resolution" -> RESOLUTION;
            default -> null;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyTimedelta t && t.days == days && t.seconds == seconds && t.micros == micros;
    }

    @Override
    public int hashCode() {
        return totalMicros().hashCode();
    }

    @Override
    public int compareTo(PyTimedelta o) {
        return totalMicros().compareTo(o.totalMicros());
    }

    /** {@code datetime.timedelta(days=1, seconds=7384)}; {@code datetime.timedelta(0)} when zero. */
    @Override
    public String repr() {
        StringBuilder sb = new StringBuilder("datetime.timedelta(");
        String sep = "";
        if (days != 0) {
            sb.append("days=").append(days);
            sep = ", ";
        }
        if (seconds != 0) {
            sb.append(sep).append("seconds=").append(seconds);
            sep = ", ";
        }
        if (micros != 0) {
            sb.append(sep).append("microseconds=").append(micros);
            sep = ", ";
        }
        if (sep.isEmpty()) {
            sb.append('0');
        }
        return sb.append(')').toString();
    }

    /** {@code 1 day, 2:03:04}, {@code -2 days, 0:00:00.000005}. */
    @Override
    public String str() {
        String hms = String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        if (micros != 0) {
            hms += String.format(".%06d", micros);
        }
        if (days == 0) {
            return hms;
        }
        return days + " day" + (Math.abs(days) == 1 ? "" : "s") + ", " + hms;
    }
}
