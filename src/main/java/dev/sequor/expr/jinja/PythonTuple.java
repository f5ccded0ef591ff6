package dev.sequor.expr.jinja;

import com.hubspot.jinjava.el.ext.AstTuple;
import com.hubspot.jinjava.objects.collections.PyList;
import dev.sequor.expr.PythonEquality;
import java.util.Collections;
import java.util.List;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.javax.el.ELContext;

/**
 * A tuple literal's value ({@code (1, 2)}), which Jinjava made an unmodifiable list like any other: still a list to
 * every filter and loop, but printed as Python prints a tuple ({@code (1, 2)}, {@code (1,)}) and kept apart from a
 * list where Python keeps them apart ({@code +}, and {@code '%s-%s' % (a, b)}).
 */
final class PythonTuple extends PyList implements PythonEquality.Tuple {

    PythonTuple(List<Object> items) {
        super(Collections.unmodifiableList(items));
    }

    /** The tuple node {@link PythonParser} creates: Jinjava's, giving a {@link PythonTuple}. */
    static final class Node extends AstTuple {

        Node(AstParameters elements) {
            super(elements);
        }

        @Override
        public Object eval(Bindings bindings, ELContext context) {
            return new PythonTuple(((PyList) super.eval(bindings, context)).toList());
        }
    }
}
