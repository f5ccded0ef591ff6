package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Map;

/**
 * A filter written to behave as Jinja2's of the same name, registered in place of Jinjava's: it gets its arguments
 * as Python binds them, by position or by name ({@link FilterArgs}).
 */
abstract class Jinja2Filter implements Filter {

    private final String name;

    Jinja2Filter(String name) {
        this.name = name;
    }

    /** The filter's result for {@code value}. */
    abstract Object apply(Object value, FilterArgs args);

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
        return apply(value, new FilterArgs(name, args, Map.of()));
    }

    @Override
    public final Object filter(Object value, JinjavaInterpreter interpreter, Object[] positional,
                               Map<String, Object> named) {
        return apply(value, new FilterArgs(name, positional, named));
    }
}
