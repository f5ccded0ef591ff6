package dev.sequor.expr.python.subset;

import java.util.ArrayList;
import java.util.List;

/** {@code math.fsum} (exactly rounded, Shewchuk's algorithm as CPython's msum) and {@code math.prod}. */
final class MathSums {

    private MathSums() {
    }

    static double fsum(Iterable<Object> items) {
        List<Double> partials = new ArrayList<>();
        double specialSum = 0;
        double infSum = 0;
        for (Object item : items) {
            double x = MathModule.real(item);
            double original = x;
            int i = 0;
            for (double y : partials) {
                if (Math.abs(x) < Math.abs(y)) {
                    double t = x;
                    x = y;
                    y = t;
                }
                double hi = x + y;
                double lo = y - (hi - x);
                if (lo != 0.0) {
                    partials.set(i++, lo);
                }
                x = hi;
            }
            partials.subList(i, partials.size()).clear();
            if (x == 0.0) {
                continue;
            }
            if (!Double.isFinite(x)) {
                // from an inf or nan summand (kept aside and reported after the loop) or from overflow
                if (Double.isFinite(original)) {
                    throw PyExc.overflow("intermediate overflow in fsum");
                }
                if (Double.isInfinite(original)) {
                    infSum += original;
                }
                specialSum += original;
                partials.clear();
                continue;
            }
            partials.add(x);
        }
        if (specialSum != 0.0) { // true for NaN too
            if (Double.isNaN(infSum)) {
                throw PyExc.valueError("-inf + inf in fsum");
            }
            return specialSum;
        }
        return roundPartials(partials);
    }

    /** Sums the partials from the top with CPython's correction for half-way cases. */
    private static double roundPartials(List<Double> partials) {
        int n = partials.size();
        double hi = 0.0;
        if (n == 0) {
            return hi;
        }
        hi = partials.get(--n);
        double lo = 0;
        while (n > 0) {
            double x = hi;
            double y = partials.get(--n);
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) {
                break;
            }
        }
        if (n > 0 && ((lo < 0.0 && partials.get(n - 1) < 0.0) || (lo > 0.0 && partials.get(n - 1) > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) {
                hi = x;
            }
        }
        return hi;
    }

    /** {@code math.prod(iterable, *, start=1)}: Python's {@code *} left to right, so ints stay exact. */
    static Object prod(Object[] args, Kwargs kwargs) {
        Args.onlyKeywords("prod", kwargs, "start");
        MathModule.fixed("prod", args, null, "iterable");
        Object result = kwargs != null && kwargs.containsKey("start") ? kwargs.get("start") : 1L;
        for (Object item : Items.iterate(args[0])) {
            result = Arith.mul(result, item);
        }
        return result;
    }
}
