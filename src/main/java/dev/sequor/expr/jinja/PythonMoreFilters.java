package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.filter.RejectFilter;
import com.hubspot.jinjava.lib.filter.SelectFilter;
import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Three of Jinja2's filters Jinjava lacks or has otherwise: {@code items} (Jinja2 3.1's, a dict's pairs; Jinjava has
 * none), {@code filesizeformat} (decimal units spelled {@code kB}, {@code 1 Byte}; Jinjava's wrote {@code KB}), and
 * {@code select}/{@code reject} without a test, which keep or drop the true items (Jinjava required a test).
 */
final class PythonMoreFilters {

    private PythonMoreFilters() {
    }

    static List<Filter> all() {
        return List.of(new Items(), new FileSize(), new TruthSelect(true), new TruthSelect(false));
    }

    /** {@code items}: a dict's (key, value) pairs, printed as tuples. */
    static final class Items extends Jinja2Filter {

        Items() {
            super("items");
        }

        @Override
        Object apply(Object value, FilterArgs args) {
            if (!(value instanceof Map<?, ?> map)) {
                throw new TemplateValueException("Can only get item pairs from a mapping.");
            }
            List<Object> pairs = new ArrayList<>(map.size());
            map.forEach((k, v) -> pairs.add(new AbstractMap.SimpleImmutableEntry<>(k, v)));
            return pairs;
        }
    }

    /** {@code filesizeformat(binary=False)}, as Jinja2 3.1 writes it. */
    static final class FileSize extends Jinja2Filter {

        private static final String[] DECIMAL = {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
        private static final String[] BINARY = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};

        FileSize() {
            super("filesizeformat");
        }

        @Override
        Object apply(Object value, FilterArgs args) {
            boolean binary = args.truthy(0, "binary");
            double bytes = value instanceof Number n ? n.doubleValue() : Double.parseDouble(PythonStr.str(value));
            double base = binary ? 1024 : 1000;
            String[] prefixes = binary ? BINARY : DECIMAL;
            if (bytes == 1) {
                return "1 Byte";
            }
            if (bytes < base) {
                return (long) bytes + " Bytes";
            }
            double unit = base;
            for (int i = 0; i < prefixes.length; i++) {
                unit = Math.pow(base, i + 2);
                if (bytes < unit || i == prefixes.length - 1) {
                    // Python's '%.1f': the value rounded half-even from its exact binary value
                    return new BigDecimal(base * bytes / unit).setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString()
                            + " " + prefixes[i];
                }
            }
            throw new IllegalStateException("unreachable");
        }
    }

    /** {@code select}/{@code reject}: with no test, the true (or false) items; with one, Jinjava's. */
    static final class TruthSelect implements Filter {

        private final boolean keep;
        private final Filter jinjava;

        TruthSelect(boolean keep) {
            this.keep = keep;
            this.jinjava = keep ? new SelectFilter() : new RejectFilter();
        }

        @Override
        public String getName() {
            return jinjava.getName();
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            if (args.length > 0 || !kwargs.isEmpty()) {
                return jinjava.filter(var, interpreter, args, kwargs);
            }
            List<Object> kept = new ArrayList<>();
            for (Object item : PythonItems.of(var)) {
                if (PythonTruth.of(item) == keep) {
                    kept.add(item);
                }
            }
            return kept;
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return filter(var, interpreter, (Object[]) args, Map.of());
        }
    }
}
