package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.objects.Namespace;
import dev.sequor.db.Row;
import java.util.Map;

/**
 * Jinja2's {@code attr(name)}: the attribute only, never the item, so {@code d | attr('k')} on a dict fails (a dict's
 * keys are not its attributes; use {@code d['k']}), where Jinjava gave the key's value. A namespace's attributes are
 * its values; anything else is looked up as {@code value.name} is.
 */
final class PythonAttrFilter extends Jinja2Filter {

    PythonAttrFilter() {
        super("attr");
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        String name = PythonStr.str(args.get(0, "name", null));
        if (value instanceof Namespace ns) {
            if (!ns.containsKey(name)) {
                throw TemplateValueException.noAttribute(ns, name);
            }
            return ns.get(name);
        }
        if (value instanceof Map<?, ?> map && !(value instanceof Row)) {
            throw TemplateValueException.noAttribute(map, name);
        }
        return JinjavaInterpreter.getCurrent().resolveProperty(value, name);
    }
}
