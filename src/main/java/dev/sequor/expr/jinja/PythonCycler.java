package dev.sequor.expr.jinja;

import com.hubspot.jinjava.el.ext.NamedParameter;

/**
 * Jinja2's {@code cycler(a, b, ...)} global: {@code next()} gives the current item and moves on, {@code current}
 * is the item {@code next()} gives next, {@code reset()} goes back to the first. Jinjava had none.
 */
final class PythonCycler implements RuntimeObject {

    private final Object[] items;
    private int position;

    private PythonCycler(Object[] items) {
        this.items = items;
    }

    /** The global {@code cycler(*items)}. */
    public static PythonCycler create(Object... items) {
        Object[] given = items == null ? new Object[0] : items;
        for (Object item : given) {
            if (item instanceof NamedParameter named) {
                throw new TemplateValueException("Cycler.__init__() got an unexpected keyword argument '"
                        + named.getName() + "'");
            }
        }
        if (given.length == 0) {
            throw new TemplateValueException("at least one item has to be provided");
        }
        return new PythonCycler(given.clone());
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "current" -> items[position];
            case "items" -> new PythonTuple(new java.util.ArrayList<>(java.util.Arrays.asList(items)));
            case "pos" -> (long) position;
            case "next", "reset" -> null;
            default -> throw new TemplateValueException("'jinja2.utils.Cycler object' has no attribute '" + name + "'");
        };
    }

    @Override
    public Object callMethod(String name, Object[] args) {
        if (!name.equals("next") && !name.equals("reset")) {
            throw new TemplateValueException("'jinja2.utils.Cycler object' has no attribute '" + name + "'");
        }
        if (args.length > 0) {
            throw new TemplateValueException("Cycler." + name + "() takes 1 positional argument but "
                    + (args.length + 1) + " were given");
        }
        if (name.equals("reset")) {
            position = 0;
            return null;
        }
        Object item = items[position];
        position = (position + 1) % items.length;
        return item;
    }
}
