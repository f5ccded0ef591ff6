package dev.sequor.expr.jinja;

import com.hubspot.jinjava.el.ext.NamedParameter;

/**
 * Jinja2's {@code joiner(sep=', ')} global: a callable that gives an empty string the first time and the separator
 * every time after, to put between items written one by one. Jinjava had none.
 */
final class PythonJoiner implements PythonCallable {

    private final Object separator;
    private boolean used;

    private PythonJoiner(Object separator) {
        this.separator = separator;
    }

    /** The global {@code joiner(sep=', ')}. */
    public static PythonJoiner create(Object... args) {
        Object separator = ", ";
        Object[] given = args == null ? new Object[0] : args;
        int positional = 0;
        for (Object arg : given) {
            if (arg instanceof NamedParameter named) {
                if (!named.getName().equals("sep")) {
                    throw new TemplateValueException("Joiner.__init__() got an unexpected keyword argument '"
                            + named.getName() + "'");
                }
                separator = named.getValue();
            } else {
                separator = arg;
                positional++;
            }
        }
        if (positional > 1) {
            throw new TemplateValueException("Joiner.__init__() takes from 1 to 2 positional arguments but "
                    + (positional + 1) + " were given");
        }
        return new PythonJoiner(separator);
    }

    @Override
    public Object call(Object[] args) {
        if (args.length > 0) {
            throw new TemplateValueException("Joiner.__call__() takes 1 positional argument but " + (args.length + 1)
                    + " were given");
        }
        if (!used) {
            used = true;
            return "";
        }
        return separator;
    }
}
