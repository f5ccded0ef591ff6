package dev.sequor.expr.jinja;

import dev.sequor.expr.PythonEquality;
import dev.sequor.expr.python.subset.Strs;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstRightValue;
import jinjava.javax.el.ELContext;

/**
 * Python's {@code == != < <= > >= in} and {@code and} for templates, replacing JUEL's, which coerced one side to the
 * other's type: {@code 7 == '7'} was True and {@code '10' < 9} compared numbers (Jinja2: False, and a TypeError).
 * Numbers and booleans compare by value ({@code 1 == 1.0}, {@code true == 1}), text by code point, lists and tuples
 * item by item (a list never equals a tuple), dicts by their items; {@code <} between other types fails with
 * Python's TypeError. {@code a and b} gives {@code a} when it is false, else {@code b}, as Python's does (JUEL's
 * gave True or False; {@code or} already gave a value). {@code in} looks for an equal item, key or substring
 * (Jinjava converted the item to the container's type: {@code '1' in [1]} was True). {@link PythonParser} puts these
 * in place of JUEL's and Jinjava's, and chains them as Python does ({@link Chain}).
 */
final class PythonComparison extends AstBinary.SimpleOperator {

    static final PythonComparison EQ = new PythonComparison("==");
    static final PythonComparison NE = new PythonComparison("!=");
    static final PythonComparison LT = new PythonComparison("<");
    static final PythonComparison LE = new PythonComparison("<=");
    static final PythonComparison GT = new PythonComparison(">");
    static final PythonComparison GE = new PythonComparison(">=");

    /** Python's {@code and}: the first operand when it is false, else the second, which is then evaluated. */
    static final AstBinary.Operator AND = new AstBinary.Operator() {
        @Override
        public Object eval(Bindings bindings, ELContext context, AstNode left, AstNode right) {
            Object first = left.eval(bindings, context);
            return bindings.convert(first, Boolean.class) ? right.eval(bindings, context) : first;
        }

        @Override
        public String toString() {
            return "&&";
        }
    };

    static final PythonComparison IN = new PythonComparison("in");
    static final PythonComparison NOT_IN = new PythonComparison("not in");

    private final String symbol;

    private PythonComparison(String symbol) {
        this.symbol = symbol;
    }

    /** Ours for JUEL's comparison or {@code and} operator {@code op}; any other operator as it is. */
    static AstBinary.Operator replacing(AstBinary.Operator op) {
        if (op == AstBinary.EQ) {
            return EQ;
        }
        if (op == AstBinary.NE) {
            return NE;
        }
        if (op == AstBinary.LT) {
            return LT;
        }
        if (op == AstBinary.LE) {
            return LE;
        }
        if (op == AstBinary.GT) {
            return GT;
        }
        if (op == AstBinary.GE) {
            return GE;
        }
        if (op == AstBinary.AND) {
            return AND;
        }
        return op;
    }

    @Override
    protected Object apply(TypeConverter converter, Object a, Object b) {
        return test(a, b);
    }

    /** The comparison of two values already evaluated (a link of a chain such as {@code 1 < x < 3}). */
    boolean test(Object a, Object b) {
        return switch (symbol) {
            case "==" -> equal(a, b);
            case "!=" -> !equal(a, b);
            case "in" -> contains(b, a);
            case "not in" -> !contains(b, a);
            default -> order(a, b);
        };
    }

    /** Python's {@code item in container}: a substring, a key, or an item equal to it (JUEL's coerced: '1' in [1]). */
    static boolean contains(Object container, Object item) {
        if (container instanceof CharSequence text) {
            if (!(item instanceof CharSequence part)) {
                throw new TemplateValueException("'in <string>' requires string as left operand, not "
                        + PythonStr.typeName(item));
            }
            return text.toString().contains(part);
        }
        Iterable<?> items = container instanceof Map<?, ?> map ? map.keySet()
                : container instanceof Iterable<?> iterable ? iterable : null;
        if (items == null) {
            throw new TemplateValueException("argument of type '" + PythonStr.typeName(container) + "' is not iterable");
        }
        for (Object candidate : items) {
            if (equal(item, candidate)) {
                return true;
            }
        }
        return false;
    }

    private boolean order(Object a, Object b) {
        if (PythonEquality.isNumber(a) && PythonEquality.isNumber(b)
                && (PythonEquality.isNaN(a) || PythonEquality.isNaN(b))) {
            return false; // every order comparison with a NaN is false in Python
        }
        int c = compare(a, b);
        return switch (symbol) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    private int compare(Object a, Object b) {
        if (PythonEquality.isNumber(a) && PythonEquality.isNumber(b)) {
            return PythonEquality.compareNumbers(a, b);
        }
        if (a instanceof CharSequence x && b instanceof CharSequence y) {
            return Strs.compare(x.toString(), y.toString());
        }
        if (a instanceof Collection<?> x && b instanceof Collection<?> y && !(a instanceof Map) && !(b instanceof Map)
                && (a instanceof PythonTuple) == (b instanceof PythonTuple)) {
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext() && j.hasNext()) {
                Object l = i.next();
                Object r = j.next();
                if (!equal(l, r)) {
                    return compare(l, r);
                }
            }
            return Boolean.compare(i.hasNext(), j.hasNext());
        }
        if (a != null && b != null && a.getClass() == b.getClass() && a instanceof Comparable<?>) {
            @SuppressWarnings("unchecked")
            Comparable<Object> x = (Comparable<Object>) a;
            return x.compareTo(b); // dates and times
        }
        throw new TemplateValueException("'" + symbol + "' not supported between instances of '"
                + PythonStr.typeName(a) + "' and '" + PythonStr.typeName(b) + "'");
    }

    /** Python's {@code a == b}; a range equals only a range ({@code range(3) == [0, 1, 2]} is False). */
    static boolean equal(Object a, Object b) {
        if ((a instanceof PythonRange) != (b instanceof PythonRange)) {
            return false;
        }
        return PythonEquality.equal(a, b);
    }

    @Override
    public String toString() {
        return symbol;
    }

    /**
     * A chain of comparisons, {@code 1 < x < 3} or {@code a == b == c}: each operand evaluated once, each link tested
     * in turn, False at the first false one, as Python's {@code 1 < x and x < 3}. JUEL rejected a chain of
     * {@code <} and read a chain of {@code ==} from the left ({@code 2 == 2 == 2} was {@code True == 2}, False).
     */
    static final class Chain extends AstRightValue {

        private final List<AstNode> operands;
        private final List<PythonComparison> links;

        Chain(List<AstNode> operands, List<PythonComparison> links) {
            this.operands = List.copyOf(operands);
            this.links = List.copyOf(links);
        }

        @Override
        public Object eval(Bindings bindings, ELContext context) {
            Object left = operands.getFirst().eval(bindings, context);
            for (int i = 0; i < links.size(); i++) {
                Object right = operands.get(i + 1).eval(bindings, context);
                if (!links.get(i).test(left, right)) {
                    return false;
                }
                left = right;
            }
            return true;
        }

        @Override
        public String toString() {
            return "chain";
        }

        @Override
        public void appendStructure(StringBuilder builder, Bindings bindings) {
            operands.getFirst().appendStructure(builder, bindings);
            for (int i = 0; i < links.size(); i++) {
                builder.append(' ').append(links.get(i)).append(' ');
                operands.get(i + 1).appendStructure(builder, bindings);
            }
        }

        @Override
        public int getCardinality() {
            return operands.size();
        }

        @Override
        public AstNode getChild(int i) {
            return operands.get(i);
        }
    }
}
