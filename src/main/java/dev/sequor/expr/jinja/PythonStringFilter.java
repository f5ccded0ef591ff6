package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;

/** Jinja2's {@code |string}: Python's {@code str()} ({@code True}, {@code None}), replacing Jinjava's Java toString. */
final class PythonStringFilter implements Filter {

    @Override
    public String getName() {
        return "string";
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
        return PythonStr.str(value);
    }
}
